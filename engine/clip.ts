/**
 * How a one-line message quotes a long text it was given (an expression, a value, a response
 * body, a table cell): cut to a fixed width, a mark saying it was cut. Three cuts, each kept as the
 * messages have always shown it (reports and tests quote them):
 *
 * - clipWithDots counts UTF-16 units and marks the cut `...` (simulator and happy-path messages);
 * - clipWithEllipsis counts characters (code points: never half of an emoji) and marks it `…`;
 * - clipMiddle counts characters too, and keeps the text's end as well as its start (a URL in a
 *   console trace row).
 *
 * Not these: a report's bounded texts, which say how long the text was (`… (N characters)`:
 * reports/code-points.ts clipText), and a trace entry's values (simulator/trace-text.ts
 * clipTraceText), which also take a copy of their own.
 */

/** `text`, or when it is longer than `max` UTF-16 units its first `max - 3` and `...`: `max` in all. */
export function clipWithDots(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** `text`, or when it has more than `max` characters its first `max - 1` and `…`: `max` in all, no character split. */
export function clipWithEllipsis(text: string, max: number): string {
  const characters = [...text];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/**
 * `text`, or when it has more than `max` characters its start and its end with `…` between them:
 * `max` in all, no character split. For a URL, whose host and query say the most.
 */
export function clipMiddle(text: string, max: number): string {
  const characters = [...text];
  if (characters.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - (max - 1 - head)).join('')}`;
}
