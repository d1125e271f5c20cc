/**
 * How a one-line message quotes a long text it was given (an expression, a value, a response
 * body, a table cell, a JSON pointer): cut to a fixed width, a mark saying it was cut. Three cuts,
 * each kept as the messages have always shown it (reports and tests quote them):
 *
 * - clipWithDots counts UTF-16 units and marks the cut `...` (simulator and happy-path messages);
 * - clipWithEllipsis counts characters (code points: never half of an emoji) and marks it `…`;
 *   clipPointer is it at a pointer's width (a load error's place in the export);
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
  // Only the first 2 × max + 2 units are split into characters: they hold more than max of them
  // (a character is at most 2 units), the max - 1 kept whole. A key in an export can be megabytes.
  const characters = [...(text.length > 2 * max + 2 ? text.slice(0, 2 * max + 2) : text)];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/** A JSON pointer short enough for a one-line message (keys can be long): clipWithEllipsis at `max` characters. */
export function clipPointer(pointer: string, max = 160): string {
  return clipWithEllipsis(pointer, max);
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
