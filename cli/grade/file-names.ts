/**
 * Output file names from attendee ids, which come from untrusted exports: only `[A-Za-z0-9._-]`
 * survive (others become `_`), no leading dot, at most 80 characters, never a class-level output's
 * name (`index`, `grades`, `junit`, `summary`) nor a Windows device name (which Windows reserves
 * whatever follows its first dot: `nul.x.json` too), and unique ignoring case (`-2`, `-3`, … before
 * the first dot, in row order, so the same rows always get the same names).
 */
const CLASS_OUTPUTS = new Set(['index', 'grades', 'junit', 'summary']);
const DEVICES = new Set(['con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])]);

function isReserved(name: string): boolean {
  const lower = name.toLowerCase();
  return CLASS_OUTPUTS.has(lower) || DEVICES.has(lower.split('.')[0]);
}

export function safeBaseName(attendee: string): string {
  const cleaned = attendee
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))
    .slice(0, 80);
  return cleaned === '' ? 'attendee' : cleaned;
}

/** `base` with `-n` before its first dot: `nul.x` → `nul-2.x`, which is no longer a device name. */
function numbered(base: string, n: number): string {
  const dot = base.indexOf('.');
  return dot < 0 ? `${base}-${n}` : `${base.slice(0, dot)}-${n}${base.slice(dot)}`;
}

/** One unique base name per attendee id, in the order given. */
export function assignFileNames(attendees: string[]): string[] {
  const taken = new Set<string>();
  // Per base (ignoring case), the next number to try: 20,000 ids that all clean to "__" take
  // linear time, not a search from -2 for each.
  const nextNumber = new Map<string, number>();
  return attendees.map((attendee) => {
    const base = safeBaseName(attendee);
    const key = base.toLowerCase();
    let n = nextNumber.get(key) ?? 2;
    let name = base;
    if (taken.has(key) || isReserved(name)) {
      do name = numbered(base, n++);
      while (taken.has(name.toLowerCase()) || isReserved(name));
    }
    nextNumber.set(key, n);
    taken.add(name.toLowerCase());
    return name;
  });
}
