/**
 * `--shard i/n`: split a large class across n CI machines. The submissions found (after expanding
 * folders, globs and archives) are put in groups — the submissions whose report file names could
 * clash (file-names.ts: nameClashKey), among them one attendee's submissions in one folder, the
 * duplicates of which only the newest is kept, joined with those of the other attendees of one
 * Moodle participant (batch.ts shardKeys: one student of moodle-feedback.zip) — and the groups, in order, are cut into n
 * contiguous blocks of near-equal count; machine i grades block i. A group is never split, so each
 * shard keeps and sets aside exactly what a run over the whole class would, and names its reports
 * alike: the shards' outputs together are that run's. The split depends only on the submissions,
 * not on input order or on the machine.
 */
import { InvalidArgumentError } from 'commander';
import { groupBy } from './duplicates.js';
import { compareCodePoints } from './walk.js';

export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  // Beyond 2^53 the numbers would be rounded: `i > n` could pass as `i ≤ n`.
  if (!match || !Number.isSafeInteger(count) || !Number.isSafeInteger(index) || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`"${value}" is not a shard i/n with 1 ≤ i ≤ n (e.g. 1/4)`);
  return { index, count };
}

/** The items of shard `shard`, cut between groups (items with the same key), in their first order. */
export function selectShardByGroup<T>(items: T[], keys: string[], shard: Shard | undefined): T[] {
  if (!shard) return items;
  const groups = groupBy(items.map((_, at) => at), (at) => keys[at]!);
  const ordered = [...groups.keys()].sort(compareCodePoints);
  const chosen = new Set(selectShard(ordered, shard).flatMap((key) => groups.get(key)!));
  return items.filter((_, at) => chosen.has(at));
}

/** The block of `sorted` that shard `shard` grades. */
export function selectShard<T>(sorted: T[], shard: Shard | undefined): T[] {
  if (!shard) return sorted;
  const start = Math.floor(((shard.index - 1) * sorted.length) / shard.count);
  const end = Math.floor((shard.index * sorted.length) / shard.count);
  return sorted.slice(start, end);
}

/** `shards 1, 2, 4 of 4` */
export function shardsWords(shards: readonly number[], count: number): string {
  return `${shards.length === 1 ? 'shard' : 'shards'} ${shards.join(', ')} of ${count}`;
}

/** `shards 2, 3 missing`: as merge's refusal without --partial, its --partial line and the class files' titles (write-outputs.ts) say them. */
export function missingWords(missing: readonly number[]): string {
  return `${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} missing`;
}
