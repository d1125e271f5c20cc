/**
 * Whose submission an export is: the attendee id given (--attendee), else the student a learning
 * platform names in the file's own name or its folder (Moodle's, Brightspace's), else the `<ID>` of a flow named
 * `Main_Flow_<ID>` (another mission's flow name: `attendeePrefix`), else what the file name gives.
 */
import type { AttendeeId } from './model.js';

/** What comes before the attendee's `<ID>` in the flow's name, when the mission does not say. */
const MAIN_FLOW_PREFIX = 'Main_Flow_';

/**
 * What comes before the `<ID>` in a mission's `flowName` (`Main_Flow_<Your_Attendee_ID>` →
 * `Main_Flow_`); the default for none, and for a name without an `<ID>`.
 */
export function attendeePrefixOf(flowName: string | undefined): string {
  const at = flowName?.indexOf('<') ?? -1;
  return flowName !== undefined && at > 0 ? flowName.slice(0, at) : MAIN_FLOW_PREFIX;
}

/**
 * The attendee of the flow named `flowName`: the id given; else the student a platform names in the
 * file's own name or its folder (two students may have the same `<ID>`, from two sessions of
 * the lab, and in one folder one would be set aside as the other's duplicate; the student's
 * unreadable resubmission gives that id too; and Moodle's class gets the same ids whether it was
 * downloaded with folders or without); else the flow name's; else the file name's; else 'unknown'.
 */
export function attendeeOf(flowName: string, options: { attendee?: string; fileName?: string; attendeePrefix?: string }): AttendeeId {
  if (options.attendee) return { id: options.attendee, source: 'option' };
  const student = options.fileName === undefined ? undefined : studentOf(partsOf(options.fileName));
  if (student) return { id: student, source: 'file-name' };
  const prefix = options.attendeePrefix ?? MAIN_FLOW_PREFIX;
  const fromName = patternsOf(prefix).flowName.exec(flowName.trim());
  if (fromName) return { id: fromName[1], source: 'flow-name' };
  if (options.fileName) return attendeeOfFile(options.fileName, prefix);
  return { id: 'unknown', source: 'unknown' };
}

/**
 * A flow named `<prefix><ID>` (`^Main_Flow_(.+)$`), and a file name starting with the prefix
 * (`^\s*Main_Flow_`), case-insensitive, made once per prefix. A file name starting with
 * `Main_Flow_<ID>`, as the attendee saved the export and as browsers
 * rename downloads and resubmissions: `Main_Flow_111 (1).json`. The ID is the rest of the name, as
 * in a flow name (`Main_Flow_jane_doe`), less the copy marks that browsers, file managers and
 * platforms add: ` (1)`, ` - Copy`, ` copy 2` (and in other languages: LOCAL_COPY_MARK), and
 * (after the lab's three-digit ID: NUMBERED_COPY) `-1` (Canvas, Safari) and ` 2` (macOS Finder's
 * Keep Both). Only at the start: anything before it (`doejane_12000_67001_`, `Jane Doe - `) was
 * put there by a platform or a person to say whose file it is, and two students may both have
 * named theirs `Main_Flow_final.json`.
 */
const patterns = new Map<string, { flowName: RegExp; fileName: RegExp }>();
function patternsOf(prefix: string): { flowName: RegExp; fileName: RegExp } {
  let found = patterns.get(prefix);
  if (!found) {
    const literal = prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    found = { flowName: new RegExp(`^${literal}(.+)$`, 'i'), fileName: new RegExp(`^\\s*${literal}`, 'i') };
    patterns.set(prefix, found);
  }
  return found;
}

/** One copy mark at the end of a name (anchored on its first character: linear on any name). */
const COPY_MARK = /\(\d+\)$|-\s*copy$|\bcopy(?:\s\d+)?$/i;

/**
 * The copy marks of Windows Explorer (` - Kopie`, ` — копия`, ` - コピー`) and macOS Finder
 * (` Kopie 2`, ` のコピー`, ` 副本`) in other languages, after a space (anchored on it: linear).
 * `cópia` also decomposed, as macOS may write it.
 */
const LOCAL_COPY_MARK = / (?:[-–—] )?(?:kopie|copie|copia|cópia|co\u0301pia|копия|kopia|kopio|kopya|コピー|のコピー|副本|복사본)(?: \d+)?$/iu;

/** A name less its copy marks (a few at most: `x (1) (1)`, `x - Copy (2)`). */
function withoutCopyMarks(name: string): string {
  let rest = name.trimEnd();
  for (let marks = 0; marks < 4; marks++) {
    const mark = COPY_MARK.exec(rest) ?? LOCAL_COPY_MARK.exec(rest);
    if (!mark || mark.index === 0) break;
    rest = rest.slice(0, mark.index).trimEnd();
  }
  return rest;
}

/**
 * The attendee a file name gives: the student a learning platform names in the file's own name (a
 * download without a folder per student: Moodle's, Blackboard's, Canvas's, Brightspace's) or in the
 * Moodle or Brightspace folder it lies under, whatever the student named the file; else, for a name starting with `Main_Flow_<ID>`,
 * `<ID>` (so a broken resubmission joins the attendee's other submissions of its folder); else its
 * base name. Copy marks are not part of any.
 */
export function attendeeOfFile(fileName: string, attendeePrefix = MAIN_FLOW_PREFIX): AttendeeId {
  const parts = partsOf(fileName);
  const { base } = parts;
  const found = patternsOf(attendeePrefix).fileName.exec(base);
  const id = studentOf(parts) ?? (found ? idAfterMainFlow(base.slice(found[0].length)) : base);
  return { id: id || base || 'unknown', source: 'file-name' };
}

/** A path's folders, and its base name less `.json` and copy marks. */
function partsOf(fileName: string): { folders: string[]; base: string } {
  const folders = fileName.split(/[\\/]/);
  return { base: withoutCopyMarks(folders.pop()!.replace(/\.json$/i, '')), folders };
}

/**
 * The student a learning platform names for a file, the nearest naming one: in its own base name
 * (Moodle's, else Blackboard's, Canvas's or Brightspace's), else in its folders (Moodle's or
 * Brightspace's, the nearest).
 */
function studentOf({ folders, base }: { folders: readonly string[]; base: string }): string | undefined {
  return studentInName(base) ?? folderStudentOf(folders)?.student;
}

/**
 * The student the nearest folder naming one names (a zip the student made inside it, or a folder
 * in it, names none of its own), and whose: Moodle's folder per student or Brightspace's per
 * submission.
 */
function folderStudentOf(folders: readonly string[]): { student: string; moodle: boolean } | undefined {
  for (let at = folders.length - 1; at >= 0; at--) {
    const moodle = moodleStudentIn(folders[at]!);
    if (moodle !== undefined) return { student: moodle, moodle: true };
    const brightspace = brightspaceFolderStudentOf(folders[at]!);
    if (brightspace !== undefined) return { student: brightspace, moodle: false };
  }
  return undefined;
}

/** The student a learning platform names in a file's own base name: Moodle's, else another's. */
function studentInName(base: string): string | undefined {
  return moodleStudentIn(base) ?? otherStudentIn(base);
}

/** The student a platform other than Moodle names in a file's own base name: Blackboard's, else Canvas's, else Brightspace's. */
function otherStudentIn(base: string): string | undefined {
  return blackboardStudentOf(base) ?? canvasStudentOf(base) ?? brightspaceFileStudentOf(base);
}

/** The `<ID>` of a file name `Main_Flow_<ID>`, less its copy marks (the name's are off already). */
function idAfterMainFlow(rest: string): string {
  const id = rest.trim();
  const mark = NUMBERED_COPY.exec(id);
  const labId = mark ? withoutCopyMarks(id.slice(0, mark.index)) : '';
  return LAB_ID.test(labId) ? labId : id;
}

/**
 * `-1` (Canvas, Safari) and ` 2` (macOS Finder's Keep Both) after an ID are copy marks only when
 * the ID before them is the lab's, three digits (`140-1`, `140 2`, also `140 (1) 2`; the lab's form
 * takes no other): after any other they may be part of it, and taking them off would make one id
 * of two (`Team 1` and `Team 2`, `lab3-1` and `lab3-2`, a class's own `2023-001` and `2023-002`),
 * one student's submission set aside as the other's duplicate.
 */
const NUMBERED_COPY = /[- ]\d+$/;
const LAB_ID = /^\d{3}$/;

/**
 * The part of `fileName`'s path that Moodle's download wrote for its student, as written: the
 * outermost Moodle folder (`Doe Jane_12345_assignsubmission_file_`), else the file's own name
 * (`Doe Jane_12345_assignsubmission_file_flow.json`, a download without folders; `inFileName`).
 * Not a nearer one: a Moodle name inside (in a file or archive the student submitted) is the
 * student's to choose. Undefined when the path has no Moodle name, or another platform's name
 * gives its student (attendeeOf: the file's own name comes first, then the nearest folder).
 */
export function moodlePartOf(fileName: string): { part: string; inFileName: boolean } | undefined {
  const parts = partsOf(fileName);
  const inFileName = moodleStudentIn(parts.base) !== undefined;
  if (!inFileName && (otherStudentIn(parts.base) || folderStudentOf(parts.folders)?.moodle === false)) return undefined;
  const folder = parts.folders.find((name) => moodleStudentIn(name) !== undefined);
  if (folder !== undefined) return { part: folder, inFileName: false };
  return inFileName ? { part: fileName.split(/[\\/]/).pop()!, inFileName } : undefined;
}

/**
 * Every Moodle student named along `fileName`'s path (its folders', then its own name's), each
 * once, outermost first: more than one when a student's own file or archive names another
 * (`Doe Jane_12345_assignsubmission_file_/Roe John_12346_assignsubmission_file_flow.json`).
 */
export function moodleStudentsAlong(fileName: string): string[] {
  const { folders, base } = partsOf(fileName);
  return [...new Set([...folders, base].map(moodleStudentIn).filter((student) => student !== undefined))];
}

/** The `<full name>_<participant id>` that `name` starts with, before Moodle's mark. */
function moodleStudentIn(name: string): string | undefined {
  const mark = lastMoodleMark(name);
  return (mark > 0 ? /^.*[^_]_\d+$/su.exec(name.slice(0, mark)) : null)?.[0];
}

/**
 * Where the last `_assignsubmission_` of `name` starts (any case), or -1. Found in the name itself:
 * lower-casing it first can change its length (`İ` becomes two characters), and the index with it.
 */
function lastMoodleMark(name: string): number {
  let at = -1;
  for (const found of name.matchAll(/_assignsubmission_/giu)) at = found.index;
  return at;
}

/**
 * Blackboard's "download assignment" names each attempt's files
 * `<assignment>_<username>_attempt_<yyyy-mm-dd-hh-mm-ss>_<file name>`, every attempt in one folder:
 * `<assignment>_<username>` names the student, and makes every attempt one attendee's.
 */
function blackboardStudentOf(base: string): string | undefined {
  const mark = BLACKBOARD_ATTEMPT.exec(base);
  const student = mark ? base.slice(0, mark.index) : '';
  return student.indexOf('_') > 0 && !student.endsWith('_') ? student : undefined;
}

const BLACKBOARD_ATTEMPT = /_attempt_\d{4}(?:-\d\d){5}(?:_|$)/;

/**
 * Canvas's "Download Submissions" (ContentZipper in instructure/canvas-lms, lib/content_zipper.rb:
 * get_filename, add_upload_submission) puts every student's latest files in one folder, named
 * `<name>_<user id>_<file id>_<file name>`: `<name>` the student's sortable name ("Doe, Jane")
 * lower-cased with all but letters, digits and `_` taken out (`doejane`), and `LATE` before the
 * user id for a late submission (`late`, as Canvas wrote it lower-cased until 2018):
 * `doejane_12000_67001_Main_Flow_final.json`, `doejane_LATE_12000_67010_…`. `<name>_<user id>`
 * names the student, late or not. With anonymous grading it writes no name and Canvas's anonymous
 * id (five base58 characters: lib/anonymity.rb) for the user id: `anon_7Hk2p_67001_…`,
 * `LATE_anon_7Hk2p_…`, which gives `anon_7Hk2p`.
 *
 * Read strictly, as a student's own name for a file must not become a student (two students' own
 * `lab_3_2_jane.json` and `lab_3_2_john.json` would be one `lab_3`, one set aside): a name of
 * lower-case letters and digits with a letter and without `_` (a name holding `_` is far more
 * often a student's words, `my_lab_101_…`, than a person's name, which Canvas rarely has with one),
 * then the ids as Canvas writes them (digits, no leading zero) and as its own reading back of these
 * names takes them, the first two parts all digits (Assignment#infer_comment_context_from_filename),
 * of three digits or more (an instance's first 99 users and files are its set-up's, not a class's),
 * then a file name. A Canvas name read no other way (a name with `_` or capitals, ids under 100,
 * anonymous names from before 2018, the user id alone) is not read: its flow name's `<ID>` is the
 * attendee's, as before this rule, and the base name of an unreadable one.
 */
function canvasStudentOf(base: string): string | undefined {
  const student = canvasNameOf(base);
  return student && ('anonymousId' in student ? `anon_${student.anonymousId}` : `${student.name}_${student.userId}`);
}

/** A Canvas student as its download names them: the squeezed sortable name and the Canvas user id, or the anonymous id. */
type CanvasStudent = { name: string; userId: string } | { anonymousId: string };

/** The Canvas student a name (a file's or a folder's) starts with, read as canvasStudentOf reads it. */
function canvasNameOf(base: string): CanvasStudent | undefined {
  const anonymous = CANVAS_ANONYMOUS.exec(base);
  if (anonymous) return { anonymousId: anonymous[1]! };
  const named = CANVAS_NAMED.exec(base);
  if (!named) return undefined;
  const name = named[1]!;
  return /\p{L}/u.test(name) && !/[\p{Lu}\p{Lt}]/u.test(name) && !/^late$/i.test(name) ? { name, userId: named[2]! } : undefined;
}

/**
 * The Canvas student `fileName`'s own name gives (attendeeOf: when no Moodle or Blackboard name,
 * read first, does), and the Canvas students named along its folders, each once, outermost first.
 * Canvas's download is one flat folder, so a Canvas name in a folder is an archive (or a folder)
 * a student submitted, named so or holding names so: `doejane_12000_67005_lab.zip!/doejohn_12001_67002_flow.json`
 * is doejohn_12001's by its name, and one the file's name cannot be trusted to give.
 */
export function canvasStudentsOf(fileName: string): { own: CanvasStudent | undefined; inFolders: string[] } {
  const { folders, base } = partsOf(fileName);
  const own = moodleStudentIn(base) === undefined && blackboardStudentOf(base) === undefined ? canvasNameOf(base) : undefined;
  return { own, inFolders: [...new Set(folders.map(canvasStudentOf).filter((student) => student !== undefined))] };
}

/** `<name>_[LATE_]<user id>_<file id>_<file>`, the name's characters those Canvas keeps but `_` (anchored: linear). */
const CANVAS_NAMED = /^([\p{L}\p{M}\p{N}]+)_(?:(?:LATE|late)_)?([1-9]\d{2,})_[1-9]\d{2,}_./u;
/** `[LATE_]anon_<anonymous id>_<file id>_<file>`, the anonymous id in base58 (no 0, O, I, l). */
const CANVAS_ANONYMOUS = /^(?:(?:LATE|late)_)?anon_([1-9A-HJ-NP-Za-km-z]{5})_[1-9]\d{2,}_./;

/**
 * Brightspace's (D2L's) "Download" of an assignment's submissions names each submitted file
 * `<id>-<id> - <name> - <date> - <file name>`, all in one folder beside an `index.html` listing
 * them (`11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - LPelt_HW4.txt`: the example download in
 * StoneyJackson/kodiak-tools, examples/, 2018, and `13394-80551 - Eric Gillotti - Mar 29, 2018
 * 1205 PM - EGillotti - Homework 6.zip` in its tests), or puts each submission in a folder
 * `<id>-<id> - <name> - <date>` holding the files as the student named them (`840137-90210 - Johnny
 * Cache - Sep 12, 2015 6:31 PM` in cgmb/d2lmf's tests, 2015, its `:` written `_` when extracted on
 * Windows; `123456-4648013 - Jane Doe - Mar 2, 2026 954 PM/<file>` in a grading tool's reader of a
 * 2026 download). `<name>` is the submitter's as Brightspace shows it (a group's, for a group
 * assignment), `<date>` the submission's, so each submission has a name of its own; the ids are
 * the same for all of a student's submissions, the first the student's and the second the same
 * for the whole download (kodiak-tools' example: three submissions of one student, one of another;
 * the tools merge a student's submissions so). `<id>-<id> - <name>` names the student: one id for
 * every submission (duplicates, the newest kept, as for any platform), two for two students of
 * one name.
 *
 * Read strictly, as a student's own name for a file must not become a student: two ids as a
 * database writes them (digits, no leading zero), a name, and the date as every download seen
 * writes it, in US English (`Feb 9, 2017 1004 PM`, the time's `:` left out, or `6:31 PM` in the
 * 2015 folders; a 24-hour `2215` too), each after ` - `; then, in a file's name, ` - ` and the
 * file's name. The name is the shortest one a date follows, so a ` - ` in the file's name stays
 * the file's. Dates written otherwise (another language's months) are not read: there, as before
 * this rule, the flow name's `<ID>` gives the attendee.
 */
function brightspaceFileStudentOf(base: string): string | undefined {
  const found = BRIGHTSPACE_FILE.exec(base);
  return found ? `${found[1]} - ${found[2]}` : undefined;
}

/** The student of a Brightspace folder of one submission, `<id>-<id> - <name> - <date>` (see brightspaceFileStudentOf). */
function brightspaceFolderStudentOf(folder: string): string | undefined {
  const found = BRIGHTSPACE_FOLDER.exec(folder);
  return found ? `${found[1]} - ${found[2]}` : undefined;
}

/**
 * Whether a path below a folder starts with a name Brightspace's download gives (a submitted file
 * `<id>-<id> - <name> - <date> - <file>`, or a submission's folder `<id>-<id> - <name> - <date>`):
 * the `index.html` beside such names is the download's list of submissions, not a student's file.
 */
export function isBrightspaceSubmission(pathBelow: string): boolean {
  const [first = '', ...rest] = pathBelow.split(/[\\/]/);
  return rest.length === 0 ? brightspaceFileStudentOf(first) !== undefined : brightspaceFolderStudentOf(first) !== undefined;
}

/**
 * `folder` with each Brightspace folder of one submission named by its student alone (the date
 * left out: `d2l.zip!/11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM` is
 * `d2l.zip!/11824-66708 - Lucy Pelt`): where a student's submissions lie in folders of their own,
 * the folder in which one attendee's submissions are duplicates of each other (the newest kept),
 * as they are in a download of one folder; any other folder as it is.
 */
export function submissionFolderOf(folder: string): string {
  return folder.split(/([\\/])/).map((name) => brightspaceFolderStudentOf(name) ?? name).join('');
}

/**
 * A Brightspace date: `Feb 9, 2017 1004 PM`, `Sep 12, 2015 6:31 PM` (`6_31` extracted on
 * Windows), `Feb 9, 2017 2215`: Brightspace's names today leave the time's `:` out.
 */
const BRIGHTSPACE_DATE = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4} (?:\d{1,2}[:_]\d\d|\d{3,4})(?: [AP]M)?`;
/** `<id>-<id> - <name> - <date>`, the name the shortest (anchored, and a date of bounded length after each: linear). */
const BRIGHTSPACE_STUDENT = String.raw`^([1-9]\d*-[1-9]\d*) - (\S.*?) - ${BRIGHTSPACE_DATE}`;
const BRIGHTSPACE_FILE = new RegExp(`${BRIGHTSPACE_STUDENT} - .`, 'su');
const BRIGHTSPACE_FOLDER = new RegExp(`${BRIGHTSPACE_STUDENT}$`, 'su');
