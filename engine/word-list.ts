/** Items as a sentence names them: `a`, `a and b`, `a, b and c`. */
export function wordList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How firstFew joins its items and counts the others; each line keeps its own. */
interface FirstFewStyle {
  /** Between two named items: `, ` unless told. */
  readonly between?: string;
  /** Before the count of the others: ` and ` unless told (`, and `, `, `). */
  readonly before?: string;
  /** The others in words, given how many they are: `2 more` unless told (`2 more files given`, `…`). */
  readonly others?: (left: number) => string;
}

/**
 * The first `named` items and a count of the others, for a line that would otherwise grow with its
 * input: `a, b, c and 2 more`; every item when they are no more than `named`: `a, b`.
 */
export function firstFew(items: readonly string[], named: number, { between = ', ', before = ' and ', others = (left) => `${left} more` }: FirstFewStyle = {}): string {
  const left = items.length - named;
  return left > 0 ? `${items.slice(0, named).join(between)}${before}${others(left)}` : items.join(between);
}
