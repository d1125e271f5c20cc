/**
 * `flowgrade merge`, its pure part: whether the parts read (each a grade output's run record) are
 * shards of one class, graded alike, each given once; and the class they make together, in the
 * order one unsharded `grade` of the class writes it. No file is read here (read-part.ts does).
 */
import { findMission } from '../../checks/index.js';
import { firstFew, wordList } from '../../engine/word-list.js';
import { REPORT_BOUNDS } from '../../reports/bounds.js';
import { clipText } from '../../reports/code-points.js';
import type { Duplicate } from '../grade/duplicates.js';
import { RUN_RECORD_FILE, type RunRecord } from '../grade/run-record.js';
import { compareCodePoints } from '../grade/walk.js';
import { missingWords, shardsWords } from '../grade/shard.js';
import type { LabCheck } from './read-part.js';
import { settingDiffering } from './settings-words.js';
import { setAsideCount } from '../../reports/dashboard.js';

/** A lab as this version grades it (checks/index.ts findMission): what each record and report is held to. */
export interface Lab {
  id: string;
  title: string;
  checks: readonly LabCheck[];
}

/** A part as read: its folder (as given) and its record. */
export interface PartRecord {
  dir: string;
  record: RunRecord;
}

type MergePlan =
  | { ok: false; problem: string }
  | {
      ok: true;
      /** The shards given, increasing, of `count`. */
      shards: number[];
      count: number;
      /** The shards not given (merged without them only with --partial). */
      missing: number[];
      /** Every part's kept rows, in the class's order (attendee id, then path): which part, and which of its attendees. */
      rows: { part: number; attendee: number }[];
      duplicates: Duplicate[];
      /** The earliest of the parts' clocks: the class's run started then (one instant spelled two ways: the lowest shard's). */
      now: string;
      /**
       * The part holding the lowest shard: the merged record is its record's (its tool, class, lab and
       * checks are every part's; its options, as it spelled them, are alike the others' as grade used them).
       */
      lowest: number;
      /** The lab the parts are graded against, as this version grades it. */
      lab: Lab;
    };

const shardOf = (record: RunRecord) => (record.part.of === 1 ? 'the whole class' : shardsWords(record.part.shards, record.part.of));

/**
 * The plan, or the first reason the parts cannot be one class's (a usage error: one line naming
 * the folders). `version`: this flowgrade's, which renders the merged files as the parts' would.
 */
export function planMerge(parts: readonly PartRecord[], options: { version: string; partial: boolean; labs?: (id: string) => Lab | undefined }): MergePlan {
  const refuse = (problem: string): MergePlan => ({ ok: false, problem: `flowgrade: ${problem} [bad-shard]` });
  const [first] = parts;
  if (first === undefined) return refuse('no folder to merge');
  const labs = options.labs ?? findMission;
  for (const { dir, record } of parts) {
    if (record.tool.version !== options.version) return refuse(`${dir}: graded by flowgrade ${record.tool.version}, not this ${options.version}, which would write its class files otherwise: merge with the version that graded it, or grade it again with this one`);
    // This version wrote it, so its lab is one this version has, titled and checked as it has it: another is a record
    // edited, whose title every report of the shard was then held to (each made report-unreadable), and which the
    // merged record carried; and under whose checks its reports' would pass (read-part.ts).
    const wrote = (why: string) => refuse(`${dir}: ${RUN_RECORD_FILE} is not a run record flowgrade wrote: ${why}; grade the shard again`);
    const lab = labs(record.lab.id);
    const id = clipText(record.lab.id, REPORT_BOUNDS.name);
    if (lab === undefined) return wrote(`lab ${id} is none flowgrade ${options.version} has`);
    if (record.lab.title !== lab.title) return wrote(`lab ${id} is titled ${JSON.stringify(clipText(record.lab.title, REPORT_BOUNDS.name))}, not ${JSON.stringify(lab.title)}`);
    const own = lab.checks.map((check) => check.id);
    if (JSON.stringify(record.checkIds) !== JSON.stringify(own)) {
      const other = [...record.checkIds.filter((check) => !own.includes(check)), ...own.filter((check) => !record.checkIds.includes(check))].map((check) => clipText(check, REPORT_BOUNDS.name));
      return wrote(`it gives lab ${id} other checks than flowgrade ${options.version} does (${other.length === 0 ? 'in another order' : firstFew(other, 3)})`);
    }
  }
  for (const { dir, record } of parts.slice(1)) {
    // The other folder is named as one ("the folder graded"): a folder named `graded`, as CI names
    // them, put where a verb may stand read as one ("graded-3: holds shard 3 of 4, graded the whole class").
    const folder = `the folder ${first.dir}`;
    const than = `than ${folder}`;
    if (record.part.of !== first.record.part.of) return refuse(`${dir}: holds ${shardOf(record)}, and ${folder} holds ${shardOf(first.record)}: shards of two different splits of a class cannot be merged; give the shards of one --shard i/n`);
    if (record.class.fingerprint !== first.record.class.fingerprint || record.class.submissions !== first.record.class.submissions) {
      return refuse(`${dir}: is cut from another class ${than} (${record.class.submissions} and ${first.record.class.submissions} submissions found${record.class.submissions === first.record.class.submissions ? ', at other paths' : ''}): grade every shard from the same inputs`);
    }
    if (record.class.split !== first.record.class.split) {
      return refuse(`${dir}: cut the class into shards otherwise ${than} did: the attendee id inside some export changed between the two runs (a submission replaced or edited), so each would grade some submissions the other also grades, and leave others to nobody; grade every shard again from the same inputs`);
    }
    // (One lab, so one title and one list of checks: each record's are its lab's, above.)
    if (record.lab.id !== first.record.lab.id) return refuse(`${dir}: is graded against lab ${record.lab.id}, and ${folder} against lab ${first.record.lab.id}: merge shards of one mission`);
    const differs = settingDiffering(record.settings, first.record.settings);
    if (differs !== undefined) return refuse(`${dir}: is graded with other options ${than} (${differs}): grade every shard with the same options`);
  }
  const holder = new Map<number, string>();
  for (const { dir, record } of parts) {
    for (const shard of record.part.shards) {
      const other = holder.get(shard);
      if (other !== undefined) return refuse(`${dir}: holds shard ${shard}/${record.part.of}, as the folder ${other} does: give each shard once`);
      holder.set(shard, dir);
    }
  }
  const count = first.record.part.of;
  const shards = [...holder.keys()].sort((a, b) => a - b);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((shard) => !holder.has(shard));
  if (missing.length > 0 && !options.partial) {
    return refuse(`${shardsWords(shards, count)} given: ${missingWords(missing)}; give ${missing.length === 1 ? 'its folder' : 'their folders'} too, or --partial to merge without ${missing.length === 1 ? 'it' : 'them'}`);
  }
  // Each shard's rows are its own submissions of the class: together, more than it has means a
  // shard holds another's (each record alone is checked so, read-part.ts).
  const kept = parts.reduce((sum, { record }) => sum + record.attendees.length + setAsideCount(record.duplicates), 0);
  if (kept > first.record.class.submissions) return refuse(`${wordList(parts.map(({ dir }) => dir))} keep or set aside ${kept} submissions together, more than the ${first.record.class.submissions} their class has: a shard holds another's rows; grade them again`);
  // Every shard given: each of the class's submissions is kept or set aside by one of them.
  if (missing.length === 0 && kept < first.record.class.submissions) return refuse(`${wordList(parts.map(({ dir }) => dir))} keep or set aside ${kept} submissions together, fewer than the ${first.record.class.submissions} their class has: a record has lost rows; grade its shard again`);
  // The parts by the shards they hold (no two hold one), not as the folders were given: whatever is
  // taken of one part, or kept in the parts' order, is then the same in any order of the folders
  // ("each once, in any order"). Options spelled otherwise yet alike (--dnis "+1 (469) 409-6861" and
  // +14694096861, --max-size 20MB and not given, one --dynvars dataset at two paths) and one instant
  // spelled two ways (--now) were the merged record's as the first folder given had them.
  const rank = parts.map((_, part) => part).sort((a, b) => parts[a]!.record.part.shards[0]! - parts[b]!.record.part.shards[0]!);
  const byShard = rank.map((part) => parts[part]!);
  const place = new Map(rank.map((part, at) => [part, at] as const));
  const rows = parts.flatMap(({ record }, part) => record.attendees.map((_, attendee) => ({ part, attendee })));
  const entryOf = ({ part, attendee }: { part: number; attendee: number }) => parts[part]!.record.attendees[attendee]!;
  // The order of every output (duplicates.ts sortRows): attendee id, then display path.
  rows.sort((a, b) => compareCodePoints(entryOf(a).attendee, entryOf(b).attendee) || compareCodePoints(entryOf(a).file, entryOf(b).file) || place.get(a.part)! - place.get(b.part)! || a.attendee - b.attendee);
  const duplicates = byShard.flatMap(({ record }) => record.duplicates).sort((a, b) => compareCodePoints(a.attendee, b.attendee) || compareCodePoints(a.kept, b.kept));
  const now = byShard.map(({ record }) => record.now).reduce((earliest, now) => (Date.parse(now) < Date.parse(earliest) ? now : earliest));
  return { ok: true, shards, count, missing, rows, duplicates, now, lowest: rank[0]!, lab: labs(first.record.lab.id)! };
}
