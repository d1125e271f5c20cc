/** RFC 6901 JSON pointer from path segments. */
export function pointerOf(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
