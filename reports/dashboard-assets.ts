/**
 * The class dashboard's stylesheet and its one small script. The script only reads the JSON data
 * block and reorders or hides rows that are already in the page: it never builds HTML from data
 * (no innerHTML), and the page's Content-Security-Policy allows exactly this script by its hash.
 */

/** Sorting (header buttons) and filtering (text box, verdict select) of the attendees table. */
export const DASHBOARD_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('fg-data').textContent);
  var table = document.getElementById('fg-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById('fg-filter');
  var verdict = document.getElementById('fg-verdict-filter');
  var count = document.getElementById('fg-count');
  var VERDICT_RANK = { failed: 0, ungradable: 1, passed: 2 };
  var STATE_RANK = { failed: 0, partial: 1, passed: 2, 'not-checkable': 3 };
  var current = { column: '', direction: 1 };
  // The folder every file is in (the class folder's path) is not searched: a number in it
  // (2026-spring, section-04) would match every row. What tells files apart still is.
  var shared = sharedFolder(data.rows.map(function (d) { return d.file; }));
  // What the page shows of a value (reports/escape.ts escapeHtml): control characters but tab and
  // line breaks left out, bidi controls written as \\u202e-style escapes.
  var CONTROLS = /[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]/g;
  var BIDI = /[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/g;
  function asShown(value) {
    return value.replace(CONTROLS, '').replace(BIDI, function (c) { return '\\\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4); });
  }

  // Each as it is, and as its row shows it when that differs (a bidi control as a visible \\u202e,
  // a control character left out): what is typed from the export or from the page is found.
  var searched = data.rows.map(function (d) {
    var texts = [];
    [d.attendee, d.file.slice(shared)].forEach(function (value) {
      var seen = asShown(value);
      texts.push(folded(value));
      if (seen !== value) texts.push(folded(seen));
    });
    return texts;
  });

  // Ignoring case, and composed (NFC): an e with U+0301 (a Mac's file name) is the e-acute typed.
  function folded(value) {
    return value.toLowerCase().normalize('NFC');
  }

  function sharedFolder(files) {
    if (files.length === 0) return 0;
    var first = files[0], end = first.length;
    files.forEach(function (file) {
      var i = 0;
      while (i < end && i < file.length && file.charCodeAt(i) === first.charCodeAt(i)) i++;
      end = i;
    });
    if (end === 0) return 0; // (lastIndexOf from -1 would still find a leading separator)
    return Math.max(first.lastIndexOf('/', end - 1), first.lastIndexOf('\\\\', end - 1)) + 1;
  }

  // Sort keys are worked out once per sort: one collator, no attribute read per comparison.
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  var index = rows.map(function (row) { return Number(row.getAttribute('data-row')); });

  function value(d, column) {
    if (column === 'attendee') return d.attendee;
    if (column === 'verdict') return VERDICT_RANK[d.verdict];
    if (column === 'score') return d.percent;
    var state = d.steps[column.slice(5)];
    return state === undefined ? null : STATE_RANK[state];
  }

  function sortBy(column) {
    current.direction = current.column === column ? -current.direction : 1;
    current.column = column;
    var keys = data.rows.map(function (d) { return value(d, column); });
    var order = rows.map(function (row, i) { return i; }).sort(function (a, b) {
      var x = keys[index[a]], y = keys[index[b]];
      // no score or no step state (an ungradable submission): last, in either direction
      if ((x === null) !== (y === null)) return x === null ? 1 : -1;
      // attendee ids in natural order (2 before 10), ignoring case
      var by = typeof x === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
      return by * current.direction || index[a] - index[b];
    });
    // Emptied at once, then refilled in one insertion: moving each row out of the table one at a
    // time cost Chromium 0.8 s of script at 2,000 rows, this some 0.1 s.
    body.textContent = '';
    var moved = document.createDocumentFragment();
    order.forEach(function (i) { moved.appendChild(rows[i]); });
    body.appendChild(moved);
    Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-column]'), function (th) {
      var active = th.getAttribute('data-column') === column;
      th.setAttribute('aria-sort', active ? (current.direction === 1 ? 'ascending' : 'descending') : 'none');
    });
  }

  function filter() {
    var needle = folded(text.value.trim());
    var wanted = verdict.value;
    var shown = 0;
    rows.forEach(function (row, i) {
      var at = index[i];
      var d = data.rows[at];
      var match = (!wanted || d.verdict === wanted) &&
        (!needle || searched[at].some(function (text) { return text.indexOf(needle) !== -1; }));
      row.hidden = !match;
      if (match) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + (rows.length === 1 ? ' submission' : ' submissions');
  }

  // Each heading becomes a button here, and the caption says to click one: without the script
  // they would do nothing, as the filter box would.
  Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-column]'), function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(th.getAttribute('data-column')); });
  });
  document.getElementById('fg-sort-note').hidden = false;
  text.addEventListener('input', filter);
  verdict.addEventListener('change', filter);
  // Back to the page (or reloaded), the browser puts the Verdict list back as it was left, after
  // this script ran and without a change event: filtered again once it has (pageshow), the table
  // shows what the controls say. (From the back-forward cache the page is as it was left anyway.)
  window.addEventListener('pageshow', filter);
  document.getElementById('fg-controls').hidden = false;
  filter();
})();
`;

/** CSP source for DASHBOARD_SCRIPT (sha256 of its text, base64); tests/unit/reports recompute it. */
export const DASHBOARD_SCRIPT_HASH = 'sha256-/J8E0WG/WJ2Ok5g/EqEfOYVNJ79b7vLcodEn+DPSlNc=';

export const DASHBOARD_CSS = `
body { margin: 0; background: #fff; }
.fg-dash { --ok: #1a7f37; --bad: #b42318; --warn: #7d4e00; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --focus: #0969da;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; max-width: 1400px; margin: 0 auto; padding: 16px 20px 40px; }
.fg-dash h1 { font-size: 1.5rem; margin: 0 0 4px; }
.fg-dash h2 { font-size: 1.2rem; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.fg-dash a { color: #0550ae; }
.fg-dash :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.fg-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.fg-meta { color: var(--muted); margin: 0 0 12px; overflow-wrap: anywhere; }
.fg-totals { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; padding: 0; margin: 12px 0; }
.fg-totals li { border: 1px solid var(--line); border-radius: 8px; padding: 6px 14px; }
.fg-totals strong { font-size: 1.3rem; display: block; }
.fg-controls { display: flex; flex-wrap: wrap; align-items: end; gap: 8px 18px; margin: 8px 0 10px; }
.fg-controls[hidden] { display: none; } /* until the script runs: without it they would do nothing */
.fg-controls label { display: block; font-weight: 600; font-size: 0.9rem; }
.fg-controls input, .fg-controls select { font: inherit; padding: 4px 8px; border: 1px solid #8c959f; border-radius: 6px; background: #fff; color: inherit; }
.fg-count { margin: 0; color: var(--muted); }
/* A link reached by Tab is scrolled into view below the sticky heading row, not under it. */
.fg-table-wrap { overflow: auto; max-height: 80vh; position: relative; scroll-padding-top: 2.75em; }
table.fg-grid { border-collapse: collapse; font-size: 14px; }
table.fg-grid caption { text-align: left; color: var(--muted); padding: 4px 0; position: sticky; left: 0; max-width: calc(100vw - 40px); } /* in view while the table scrolls sideways */
table.fg-grid th, table.fg-grid td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: middle; }
table.fg-grid thead th { background: var(--soft); white-space: nowrap; position: sticky; top: 0; }
table.fg-grid thead button { font: inherit; font-weight: 700; background: none; border: 0; padding: 2px 4px; cursor: pointer; color: inherit; }
table.fg-grid thead button::after { content: " \\2195"; content: " \\2195" / ""; color: var(--muted); font-weight: 400; }
table.fg-grid th[aria-sort="ascending"] button::after { content: " \\2191"; content: " \\2191" / ""; color: inherit; }
table.fg-grid th[aria-sort="descending"] button::after { content: " \\2193"; content: " \\2193" / ""; color: inherit; }
table.fg-grid tbody th { font-weight: 600; max-width: 22em; overflow-wrap: anywhere; }
/* On a narrow screen (a phone, a laptop zoomed to 200 %) the heat-map scrolls sideways: the attendee
   column stays in view, or a row's red cells were nobody's. (Narrow only: a sticky cell is a layer of
   its own, and a wide screen sorting 500 rows lays them all out again.) */
@media (max-width: 900px) {
  table.fg-grid tbody th, table.fg-grid thead th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; max-width: 9em; }
  table.fg-grid thead th:first-child { z-index: 2; background: var(--soft); }
}
td.fg-score { white-space: nowrap; }
.fg-file { font-weight: 400; color: var(--muted); font-size: 0.8rem; }
/* An ungradable file's reason (60 characters and more) wraps: as wide as it liked, the Verdict
   column squeezed every attendee's file name onto two lines, on a 1280- or 1400-px screen
   (Main_Flow_1000.js / on) as on paper (two or three: 500 attendees, 33 pages). */
table.fg-grid td > .fg-file { max-width: 14em; }
.fg-verdict { display: inline-block; padding: 0 10px; border-radius: 999px; font-weight: 700; font-size: 0.8rem; color: #fff; }
.fg-verdict.passed { background: var(--ok); } .fg-verdict.failed { background: var(--bad); } .fg-verdict.ungradable { background: var(--warn); }
td.fg-cell { text-align: center; font-weight: 700; min-width: 2.2em; }
td.fg-cell.passed { background: #dafbe1; color: #116329; }
td.fg-cell.failed { background: #ffd8d3; color: #8c1a10; }
td.fg-cell.partial { background: #fff1c2; color: #6a4000; }
td.fg-cell.not-checkable { background: var(--soft); color: var(--muted); }
td.fg-cell.not-graded { background: #fff; color: var(--muted); }
.fg-legend { display: flex; flex-wrap: wrap; gap: 6px 16px; list-style: none; padding: 0; color: var(--muted); }
.fg-step-key { list-style: none; padding: 0; margin: 0 0 12px; font-size: 0.9rem; overflow-wrap: anywhere; }
.fg-failures li { margin: 0 0 10px; overflow-wrap: anywhere; }
.fg-failures a, .fg-failures .fg-file { unicode-bidi: plaintext; } /* each name isolated: right-to-left ids side by side keep the list's order */
.fg-failures .fg-hint { color: var(--muted); margin: 2px 0 0; }
.fg-failures details.fg-more summary { cursor: pointer; color: #0550ae; width: fit-content; min-height: 24px; } /* a target of 24 px at least (WCAG 2.2 2.5.8): the names' links are close above it */
.fg-dash table.fg-plain { border-collapse: collapse; }
.fg-dash table.fg-plain th, .fg-dash table.fg-plain td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
/* The paths beside them may wrap anywhere, not the headings nor a short id: at 320 px they were a letter a line. */
.fg-dash table.fg-plain thead th { overflow-wrap: normal; } .fg-dash table.fg-plain tbody th { min-width: 4.5em; }
/* Forced colours (Windows' Contrast themes) replace the heat-map's and the badges' colours by the
   theme's: a failed step and a verdict other than passed are drawn inverted in the theme's own two
   colours, a partly passed step framed with a dashed line, so the eye still finds them in a class. */
@media (forced-colors: active) {
  td.fg-cell.failed, .fg-verdict.failed, .fg-verdict.ungradable { forced-color-adjust: none; background: CanvasText; color: Canvas; }
  td.fg-cell.partial { outline: 2px dashed CanvasText; outline-offset: -4px; }
  .fg-verdict { border: 1px solid CanvasText; }
}
@media print {
  /* Nothing to type into on paper, but a filtered list says so: "Showing 206 of 500 submissions". */
  .fg-controls > div, .fg-screen-only { display: none; }
  .fg-controls:not([hidden]) { display: block; margin: 4px 0; }
  .fg-dash { max-width: none; padding: 0; }
  td.fg-cell, .fg-verdict { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  table.fg-grid thead button::after { content: ""; }
  /* Chromium repeats the heading row on every printed page, but without form controls: as buttons,
     the labels were on the first page only. Plain text in print. */
  table.fg-grid thead button { display: contents; }
  .fg-table-wrap { overflow: visible; max-height: none; }
  table.fg-grid thead th { position: static; }
  table.fg-grid tr { break-inside: avoid; }
  /* Paper does not scroll: the whole heat-map (13 step columns) fits an A4 or Letter page in portrait. */
  table.fg-grid { font-size: 11px; }
  table.fg-grid th, table.fg-grid td { padding: 2px 4px; }
  table.fg-grid thead button { padding: 0; }
  td.fg-cell { min-width: 1.8em; }
  table.fg-grid .fg-file, table.fg-grid .fg-verdict { font-size: 10px; }
  table.fg-grid tbody th { max-width: none; overflow-wrap: anywhere; }
}
`;
