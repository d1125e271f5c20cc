import type { GraphKind } from './model.js';

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

/** A pointer segment unescaped: `~1` → `/`, then `~0` → `~` (RFC 6901's order: `~01` is `~1`). */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The graph a pointer into the export is in: `/eventFlows/…` the event flows, `/process/…` the main flow; else undefined. */
export function graphOfPointer(pointer: string | undefined): GraphKind | undefined {
  return pointer?.startsWith('/eventFlows/') ? 'events' : pointer?.startsWith('/process/') ? 'main' : undefined;
}
