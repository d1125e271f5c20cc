/**
 * `--shard i/n`: split a large class across n CI machines. The submissions found (after expanding
 * folders, globs and archives) are sorted by display path and cut into n contiguous blocks of
 * near-equal size; machine i grades block i. Every submission lands in exactly one shard, and the
 * split depends only on the set of paths, not on input order or on the machine.
 */
import { InvalidArgumentError } from 'commander';

export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`"${value}" is not a shard i/n with 1 ≤ i ≤ n (e.g. 1/4)`);
  return { index, count };
}

/** The block of `sorted` that shard `shard` grades. */
export function selectShard<T>(sorted: T[], shard: Shard | undefined): T[] {
  if (!shard) return sorted;
  const start = Math.floor(((shard.index - 1) * sorted.length) / shard.count);
  const end = Math.floor((shard.index * sorted.length) / shard.count);
  return sorted.slice(start, end);
}
