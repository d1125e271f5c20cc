/** The CSV gradebook. */
import { test, expect } from '@playwright/test';
import { renderCsv } from '../../../reports/csv.js';
import { csvCell } from '../../../reports/escape.js';
import { csvRecords } from './csv-records.js';
import { failedReport, passedReport, ungradableReport } from './sample-reports.js';

/** RFC 4180 rows of a gradebook file: it starts with a UTF-8 BOM and ends with CRLF. */
function parseCsv(file: string): string[][] {
  expect(file.startsWith('\ufeff')).toBe(true);
  const { records, complete } = csvRecords(file.slice(1));
  expect(complete).toBe(true); // the text ends with CRLF
  return records;
}

test('a header, a row per submission, a column per check id with its status', () => {
  const rows = parseCsv(renderCsv([passedReport(), failedReport(), ungradableReport()]));
  expect(rows[0]).toEqual([
    'attendee', 'file', 'verdict', 'earned', 'possible', 'percent', 'error',
    'variable-outdialcbid', 'get-cbid-method', 'get-cbid-content-type', 'simulate-error-value-fails', 'flow-published-latest',
    'simulate-error-to-disconnect', 'run-task-created', 'status-condition-expression',
  ]);
  expect(rows[1]).toEqual(['140', 'submissions/Main_Flow_140.json', 'passed', '10', '10', '100', '', 'passed', 'passed', 'passed', 'passed', 'info', '', '', '']);
  expect(rows[2]).toEqual(['141', 'submissions/Main_Flow_141.json', 'failed', '6', '19', '31.6', '', 'passed', 'passed', 'failed', 'failed', 'info', 'passed', 'skipped', 'errored']);
  expect(rows[3]).toEqual(['142', 'submissions/notes.json', 'ungradable', '', '', '', 'not-json: file is not JSON: Unexpected token N at line 1 column 1', '', '', '', '', '', '', '', '']);
  expect(rows).toHaveLength(4);
});

test('notes: a column only when given, as a list by row or a map by file', () => {
  const reports = [passedReport(), failedReport()];
  expect(parseCsv(renderCsv(reports))[0]).not.toContain('notes');
  const byRow = parseCsv(renderCsv(reports, { notes: ['', 'newest of 2 submissions; set aside: a.json'] }));
  expect(byRow[0][7]).toBe('notes');
  expect(byRow.map((r) => r[7])).toEqual(['notes', '', 'newest of 2 submissions; set aside: a.json']);
  const byFile = parseCsv(renderCsv(reports, { notes: { 'submissions/Main_Flow_140.json': 'duplicate' } }));
  expect(byFile.map((r) => r[7])).toEqual(['notes', 'duplicate', '']);
});

test('RFC 4180: CRLF line ends, cells with commas, quotes or line breaks quoted, quotes doubled', () => {
  const report = passedReport();
  report.attendee.id = 'Doe, "JJ"';
  report.input.file = 'two\nlines.json';
  const text = renderCsv([report]);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text).toContain('"Doe, ""JJ""","two\nlines.json",passed');
  expect(parseCsv(text)[1].slice(0, 2)).toEqual(['Doe, "JJ"', 'two\nlines.json']);
});

test('formula injection: cells starting with = + - @ tab or CR get a leading quote', () => {
  const cells = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","click")'];
  const reports = cells.map((id) => ({ ...passedReport(), attendee: { id, source: 'option' } }));
  const rows = parseCsv(renderCsv(reports));
  expect(rows.slice(1).map((r) => r[0])).toEqual(cells.map((c) => `'${c}`));
  const notes = parseCsv(renderCsv([passedReport()], { notes: ['=cmd|'] }));
  expect(notes[1][7]).toBe("'=cmd|");
});

test('an empty class is a header line only; deterministic', () => {
  expect(renderCsv([])).toBe('\ufeffattendee,file,verdict,earned,possible,percent,error\r\n');
  expect(renderCsv([passedReport(), failedReport()])).toBe(renderCsv([passedReport(), failedReport()]));
});

test('a UTF-8 byte-order mark first, once: without it Excel reads the file in the ANSI code page (José as JosÃ©)', () => {
  const report = passedReport();
  report.attendee.id = 'José Müller 🎉';
  const text = renderCsv([report, failedReport()]);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.indexOf('\ufeff', 1)).toBe(-1);
  expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(parseCsv(text)[1][0]).toBe('José Müller 🎉');
});

/** How Excel reads the file where the list separator is `;` (much of Europe). */
function readAsSemicolonExcel(file: string): string[][] {
  return csvRecords(file.slice(1), 'semicolon-excel').records;
}

test('formula injection where Excel splits at ";": no cell it reads starts like a formula, after a ";" or a line break either', () => {
  const values = ['x;=1+1;y', 'a;+SUM(1)', 'a;-2+3', 'a;@SUM(1)', 'two\n=1+1;z.json', 'two\r\n@cmd;z', 'a\r-1', 'a;\t=1'];
  const reports = values.map((value, i) => ({ ...passedReport(), attendee: { id: value, source: 'option' }, input: { ...passedReport().input, file: `${i}/${value}` } }));
  const text = renderCsv(reports, { notes: values });
  const cells = readAsSemicolonExcel(text).flat();
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  // In a comma-separated reading, each value is whole, a ' before each part that would start a formula.
  const rows = parseCsv(text).slice(1);
  expect(rows.map((r) => r[0])).toEqual(["x;'=1+1;y", "a;'+SUM(1)", "a;'-2+3", "a;'@SUM(1)", "two\n'=1+1;z.json", "two\r\n'@cmd;z", "a\r'-1", "a;'\t=1"]);
  expect(rows.map((r) => r[7])).toEqual(rows.map((r) => r[0]));
  // Text without such a part is left as it is.
  const plain = parseCsv(renderCsv([passedReport()], { notes: ['newest of 2 submissions; set aside: a.json, b-1.json'] }));
  expect(plain[1][7]).toBe('newest of 2 submissions; set aside: a.json, b-1.json');
});

test('a lone CR (no LF) in a value is quoted: a reader ending a record at any line break (Excel, comma-separated) keeps the row whole', () => {
  expect(csvCell('Doe\rJane')).toBe('"Doe\rJane"');
  const report = passedReport();
  report.attendee.id = 'Doe\rJane';
  const text = renderCsv([report], { notes: ['a\rb'] });
  const { records, complete } = csvRecords(text.slice(1), 'excel');
  expect(complete).toBe(true);
  expect(records.map((r) => [r[0], r[7]])).toEqual([['attendee', 'notes'], ['Doe\rJane', 'a\rb']]); // the CRs ended no record
  expect(parseCsv(text)[1][0]).toBe('Doe\rJane');
});

test('notes by file: a file named like an Object property (constructor, toString, __proto__) has no note', () => {
  const reports = ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((file) => ({ ...passedReport(), input: { ...passedReport().input, file } }));
  const rows = parseCsv(renderCsv(reports, { notes: { other: 'x' } }));
  expect(rows.slice(1).map((r) => r[7])).toEqual(['', '', '', '']);
});
