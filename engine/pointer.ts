/** RFC 6901 JSON pointer from path segments. */
export function pointerOf(segments: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + escapeSegment(String(segment));
  return pointer;
}

/** `~` → `~0`, `/` → `~1`; most segments have neither and are returned as they are. */
function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}
