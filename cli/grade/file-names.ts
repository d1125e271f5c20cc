/**
 * Output file names from attendee ids, which come from untrusted exports: only `[A-Za-z0-9._-]`
 * survive (others become `_`, the id composed first: one name whatever its Unicode form), no
 * leading dot nor hyphen (a file `-2_3.html` reads as an option to `rm` or `cp`, and the run record's
 * schema names no report so), at most 80 characters, never a class-level output's name (`index`, `grades`,
 * `junit`, `summary`, and `flowgrade-run`, the run's record) nor a Windows device name (which Windows reserves
 * whatever follows its first dot: `nul.x.json` too), and unique ignoring case (`-2`, `-3`, … before
 * the first dot, in row order, so the same rows always get the same names).
 */
const CLASS_OUTPUTS = new Set(['index', 'grades', 'junit', 'summary', 'flowgrade-run']);
const DEVICES = new Set(['con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])]);

/** Whether grade never names an attendee's report `name` (a class file's name, a Windows device's). */
export function isReserved(name: string): boolean {
  const lower = name.toLowerCase();
  return CLASS_OUTPUTS.has(lower) || DEVICES.has(lower.split('.')[0]);
}

export function safeBaseName(attendee: string): string {
  // Composed first (NFC): `é` typed on a Mac comes decomposed (`e` + U+0301), and would keep its `e`.
  const cleaned = attendee
    .normalize('NFC')
    .replace(/[^A-Za-z0-9._-]/gu, '_') // (u: one `_` per character, an emoji too, not per UTF-16 unit)
    .replace(/^[.-]+/, (lead) => '_'.repeat(lead.length))
    .slice(0, 80);
  return cleaned === '' ? 'attendee' : cleaned;
}

/** `base` with `-n` before its first dot: `nul.x` → `nul-2.x`, which is no longer a device name. */
function numbered(base: string, n: number): string {
  const dot = base.indexOf('.');
  return dot < 0 ? `${base}-${n}` : `${base.slice(0, dot)}-${n}${base.slice(dot)}`;
}

/**
 * Attendees whose file names could take each other's have the same key (not conversely): the safe
 * base name ignoring case, less every `-<digits>` just before its first dot (or its end). A name
 * numbered apart keeps its base's key (`a` → `a-2`, `index` → `index-2`, `nul.x` → `nul-2.x`), and
 * so does an id that is such a name (`a-2`, `A-2-2`): every name tried for an id has the id's key,
 * so which name an id gets depends only on the ids with its key before it. `--shard` keeps each key
 * in one shard, so that a shard names its reports as the whole run does.
 */
export function nameClashKey(attendee: string): string {
  const key = safeBaseName(attendee).toLowerCase();
  const dot = key.indexOf('.');
  const stem = dot < 0 ? key : key.slice(0, dot);
  return stem.replace(/(?:-\d+)+$/, '') + (dot < 0 ? '' : key.slice(dot));
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
