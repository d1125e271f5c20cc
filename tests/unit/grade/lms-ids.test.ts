/**
 * Attendee ids from the paths learning platforms give submissions, for an export whose flow name
 * holds no `Main_Flow_<ID>` (a flow renamed, or left `Main_Flow`) and an unreadable file: what an
 * instructor recognises, and one id for every file of one student.
 */
import { expect, test } from '@playwright/test';
import { attendeeOfFile } from '../../../engine/attendee.js';

const idOf = (file: string) => attendeeOfFile(file).id;

test('Moodle: the student folder (or, downloaded without folders, the name prefix) gives "<full name>_<participant id>"', () => {
  for (const [file, id] of [
    ['class.zip!/Doe Jane_12345_assignsubmission_file_/flow.json', 'Doe Jane_12345'],
    ['class.zip!/Doe Jane_12345_assignsubmission_file_/Main_Flow.json', 'Doe Jane_12345'], // the flow never given its ID
    ['class.zip!/Doe Jane_12345_assignsubmission_file_/flow (1).json', 'Doe Jane_12345'],
    ['subs/Иванов Иван_12347_assignsubmission_file_/поток.json', 'Иванов Иван_12347'],
    ['subs\\王 小明_12348_assignsubmission_file_\\export.json', '王 小明_12348'],
    ['subs/Öztürk İpek_12346_assignsubmission_file_/flow.json', 'Öztürk İpek_12346'], // İ lower-cases to two characters
    ['subs/Doe Jane_12345_ASSIGNSUBMISSION_FILE_/flow.json', 'Doe Jane_12345'],
    ['class.zip!/Lee Ann_12349_assignsubmission_file_/upload.zip!/lab/flow.json', 'Lee Ann_12349'], // a zip the student made
    ['class.zip!/Participant_12350_assignsubmission_file_/flow.json', 'Participant_12350'], // anonymous submissions
    ['class.zip!/Doe Jane_12345_assignsubmission_file_flow.json', 'Doe Jane_12345'], // "download submissions in folders" off
    ['class.zip!/Doe Jane_12345_assignsubmission_file_/Main_Flow_140.json', 'Doe Jane_12345'], // in the student's folder, the student comes first
    ['class.zip!/Doe Jane_12345_assignsubmission_file_Main_Flow_140 (1).json', 'Doe Jane_12345'], // and without folders
  ]) {
    expect([file, idOf(file)]).toEqual([file, id]);
  }
});

test('Blackboard: "<assignment>_<username>_attempt_<date>_<file>" gives "<assignment>_<username>", one id for every attempt', () => {
  for (const [file, id] of [
    ['bb.zip!/Lab3_jdoe_attempt_2026-12-01-10-00-00_flow.json', 'Lab3_jdoe'],
    ['bb.zip!/Lab3_jdoe_attempt_2026-12-01-11-30-59_flow (1).json', 'Lab3_jdoe'],
    ['bb.zip!/Lab 3 Callback_j.doe_attempt_2026-12-01-10-00-00_Main_Flow.json', 'Lab 3 Callback_j.doe'],
    ['bb.zip!/Lab3_jdoe_attempt_2026-12-01-10-00-00_Main_Flow_140.json', 'Lab3_jdoe'], // the student comes first (attendee-students.test.ts)
    ['x/notes_attempt_2026-12-01.json', 'notes_attempt_2026-12-01'], // not Blackboard's date
  ]) {
    expect([file, idOf(file)]).toEqual([file, id]);
  }
});

test('names that only look like Moodle\'s keep their base name', () => {
  for (const [file, id] of [
    ['x/Doe Jane_assignsubmission_file_/flow.json', 'flow'], // no participant id
    ['x/_12345_assignsubmission_file_/flow.json', 'flow'], // no name
    ['x/12345_assignsubmission_file_/flow.json', 'flow'],
    ['x/My flow.json', 'My flow'],
  ]) {
    expect([file, idOf(file)]).toEqual([file, id]);
  }
});

test('copy marks of macOS and Safari after a Main_Flow_ ID: a truncated second download is still the attendee\'s duplicate', () => {
  for (const [file, id] of [
    ['Main_Flow_140 2.json', '140'], // Finder's "Keep Both", a save beside a file of that name
    ['Main_Flow_140 (1) 2.json', '140'], // Keep Both of a download the browser had already renamed
    ['Main_Flow_140 copy 2.json', '140'], // Finder's Duplicate
    ['Main_Flow_140-1.json', '140'], // Safari's second download
    ['Main_Flow_140(1).json', '140'], // Firefox
    ['Main_Flow_140 (1).json', '140'], // Chrome, Edge
    ['Main_Flow_ 140.json', '140'],
    ['My flow 2.json', 'My flow 2'], // only after an ID, as -<digits>
  ]) {
    expect([file, idOf(file)]).toEqual([file, id]);
  }
});

test('copy marks in the languages of Windows and macOS: a copy of an unreadable export is still the attendee\'s duplicate', () => {
  for (const [file, id] of [
    ['Main_Flow_140 - Kopie.json', '140'], // Windows, German
    ['Main_Flow_140 - Copie (2).json', '140'], // Windows, French
    ['Main_Flow_140 - copia.json', '140'], // Windows, Spanish and Italian
    ['Main_Flow_140 - Cópia.json', '140'], // Windows, Portuguese
    ['Main_Flow_140 co\u0301pia.json', '140'], // macOS, Portuguese, decomposed
    ['Main_Flow_140 — копия.json', '140'], // Windows, Russian
    ['Main_Flow_140 - Копия (3).json', '140'],
    ['Main_Flow_140 - コピー.json', '140'], // Windows, Japanese
    ['Main_Flow_140 のコピー.json', '140'], // macOS, Japanese
    ['Main_Flow_140 - 副本.json', '140'], // Windows, Chinese
    ['Main_Flow_140 副本 2.json', '140'], // macOS, Chinese
    ['Main_Flow_140 - 복사본.json', '140'], // Windows, Korean
    ['Main_Flow_140 Kopie 2.json', '140'], // macOS, German
    ['Main_Flow_140 - Kopia.json', '140'], // Polish, Swedish
    ['Поток - копия.json', 'Поток'], // any name
    ['Kopie.json', 'Kopie'], // a whole name is no mark
    ['Main_Flow_Kopie.json', 'Kopie'],
  ]) {
    expect([file, idOf(file)]).toEqual([file, id]);
  }
});

test('a long hostile path (a zip entry name may be 64 KB) gives its id in linear time', () => {
  for (const name of [`${'_1'.repeat(30_000)}_assignsubmission_/x.json`, `${'a_1_assignsubmission_/'.repeat(3_000)}x.json`, `${'_assignsubmission_'.repeat(3_500)}x.json`, `Main_Flow_${' '.repeat(60_000)}1x.json`, `Main_Flow_${' 1'.repeat(30_000)}.json`, `${'_attempt_2026-12-01-10-00-0'.repeat(2_000)}x.json`, `Main_Flow_${' - '.repeat(20_000)}x.json`, `x${' — копия 1'.repeat(5_000)}x.json`]) {
    const started = process.cpuUsage(); // CPU time, not wall time (see loader.test.ts)
    attendeeOfFile(name);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000, name.slice(0, 20)).toBeLessThan(200);
  }
});
