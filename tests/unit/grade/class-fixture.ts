/** A class of submissions built from the fixtures: each flow under its own attendee id (Main_Flow_<id>). */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath } from '../../helpers.js';

export { tempDir } from '../../helpers.js';

export interface ClassMember {
  /** Path of the written file. */
  file: string;
  /** The fixture it came from, e.g. `flows/solution.json`. */
  fixture: string;
  /** Attendee id (flows), or the file's stem (unreadable files: their id comes from the file name). */
  attendee: string;
}

/** Every fixture flow as attendee 1000, 1001, … (sorted by fixture name), plus the unreadable fixtures under their own names. */
export function writeClass(dir: string, options: { unreadable?: boolean; only?: (fixture: string) => boolean } = {}): ClassMember[] {
  mkdirSync(dir, { recursive: true });
  const members: ClassMember[] = [];
  const flows = readdirSync(fixturePath('flows')).filter((f) => f.endsWith('.json')).sort();
  flows.forEach((name, i) => {
    const fixture = `flows/${name}`;
    if (options.only && !options.only(fixture)) return;
    const attendee = String(1000 + i);
    const file = path.join(dir, name);
    writeFileSync(file, withAttendee(readFileSync(fixturePath(fixture), 'utf8'), attendee));
    members.push({ file, fixture, attendee });
  });
  if (options.unreadable) {
    for (const name of readdirSync(fixturePath('unreadable')).sort()) {
      const fixture = `unreadable/${name}`;
      if (options.only && !options.only(fixture)) continue;
      const file = path.join(dir, `unreadable-${name}`);
      copyFileSync(fixturePath(fixture), file);
      members.push({ file, fixture, attendee: `unreadable-${name.replace(/\.json$/, '')}` });
    }
  }
  return members;
}

/** `count` copies of the solution, as attendees 1000, 1001, … (Main_Flow_<id>.json): a class that takes a while to grade. */
export function writeSolutions(dir: string, count: number): void {
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `Main_Flow_${1000 + i}.json`), withAttendee(solution, String(1000 + i)));
}

/** The export text with its flow name (and every other mention of it) set to Main_Flow_<attendee>. */
export function withAttendee(text: string, attendee: string): string {
  return text.split('Main_Flow_140').join(`Main_Flow_${attendee}`);
}

/** Every file under `dir` (relative path → content), for byte-for-byte comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    out[path.relative(dir, full)] = readFileSync(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
