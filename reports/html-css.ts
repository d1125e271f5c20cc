/**
 * The stylesheet of the HTML report, scoped under `.fg-report` so the self-check page can use it
 * beside its own. Colours meet WCAG AA contrast on white; state is never shown by colour alone
 * (marks, words and dashed borders go with it).
 */
export const REPORT_CSS = `
.fg-report { --fg-ok: #1a7f37; --fg-bad: #b42318; --fg-partial: #9a6700; --fg-warn: #7d4e00; --fg-muted: #57606a; --fg-line: #d0d7de; --fg-soft: #f6f8fa; --fg-exec: #0969da;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; max-width: 1180px; margin: 0 auto; padding: 16px 20px 40px; }
.fg-report .fg-title { font-size: 1.5rem; margin: 0 0 4px; line-height: 1.25; overflow-wrap: anywhere; }
.fg-report .fg-heading { font-size: 1.2rem; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--fg-line); overflow-wrap: anywhere; }
.fg-report .fg-subheading { font-size: 1rem; margin: 0; overflow-wrap: anywhere; } /* a step title names GET_CBID.httpResponseBody, one word */
.fg-report code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; white-space: pre-wrap; overflow-wrap: anywhere; }
.fg-report a { color: #0550ae; }
/* The scroll areas (a trace table, a drawing) are Tab stops, scrolling or not (the report has no
   script to tell): reached, they show the same ring as a link, not the browser's thin default. */
.fg-report a:focus-visible, .fg-report summary:focus-visible, .fg-report .fg-table-wrap:focus-visible, .fg-report .fg-drawing:focus-visible { outline: 3px solid var(--fg-exec); outline-offset: 2px; }
.fg-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.fg-meta { color: var(--fg-muted); margin: 0 0 12px; overflow-wrap: anywhere; }
.fg-verdict-line { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 8px 0; }
.fg-verdict { display: inline-block; padding: 3px 14px; border-radius: 999px; font-weight: 700; letter-spacing: 0.04em; color: #fff; }
.fg-verdict.passed { background: var(--fg-ok); } .fg-verdict.failed { background: var(--fg-bad); } .fg-verdict.ungradable { background: var(--fg-warn); }
.fg-score { font-size: 1.15rem; font-weight: 600; }
.fg-summary { margin: 4px 0 0; font-weight: 600; }
.fg-first-fix { margin: 8px 0 0; padding: 6px 10px; border: 1px solid var(--fg-bad); border-left-width: 6px; border-radius: 6px; overflow-wrap: anywhere; }
.fg-error { border: 1px solid var(--fg-warn); border-left-width: 6px; background: #fff8c5; border-radius: 6px; padding: 10px 14px; margin: 16px 0; overflow-wrap: anywhere; } /* the fix names the flow, Main_Flow_140, one word */
.fg-steps { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 14px 0 0; }
.fg-steps a { display: inline-block; min-width: 3.2em; text-align: center; padding: 2px 8px; border-radius: 6px; border: 1px solid var(--fg-line); text-decoration: none; color: #1f2328; background: #fff; }
.fg-steps .passed a { border-color: var(--fg-ok); } .fg-steps .failed a { border-color: var(--fg-bad); border-width: 2px; } .fg-steps .partial a { border-color: var(--fg-partial); border-width: 2px; } .fg-steps .not-checkable a { color: var(--fg-muted); }
.fg-step { border: 1px solid var(--fg-line); border-left: 6px solid var(--fg-line); border-radius: 8px; margin: 12px 0; padding: 10px 14px; }
.fg-step.passed { border-left-color: var(--fg-ok); } .fg-step.failed { border-left-color: var(--fg-bad); } .fg-step.partial { border-left-color: var(--fg-partial); }
.fg-step-state { font-weight: 400; color: var(--fg-muted); font-size: 0.9rem; margin-left: 6px; }
.fg-checks { list-style: none; margin: 6px 0 0; padding: 0; }
.fg-check { margin: 6px 0; }
.fg-check-head { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.fg-mark { display: inline-block; width: 1.2em; font-weight: 700; }
.fg-check.passed .fg-mark { color: var(--fg-ok); } .fg-check.failed .fg-mark, .fg-check.errored .fg-mark { color: var(--fg-bad); } .fg-check.info .fg-mark, .fg-check.skipped .fg-mark { color: var(--fg-muted); }
.fg-check-title { font-weight: 600; overflow-wrap: anywhere; flex: 1 1 12em; min-width: 0; }
.fg-points, .fg-tag { color: var(--fg-muted); font-size: 0.85rem; }
/* Wrapped onto a line of its own (a phone), the tag stays under its points, not at the start of the line where it reads as the next check's. */
.fg-tag { margin-left: auto; }
.fg-check-body { margin: 2px 0 8px 1.8em; }
.fg-check-body p { margin: 2px 0; overflow-wrap: anywhere; }
.fg-check.info .fg-check-body, .fg-check.skipped .fg-check-body { color: var(--fg-muted); }
.fg-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 6px 0; }
.fg-facts dt { color: var(--fg-muted); } .fg-facts dd { margin: 0; overflow-wrap: anywhere; } /* Where names an activity, one long word: it wraps at 320 px */
.fg-hint { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 10px; margin: 6px 0 !important; }
.fg-table-wrap { overflow-x: auto; margin: 6px 0 10px; position: relative; }
table.fg-trace { border-collapse: collapse; width: 100%; min-width: 760px; font-size: 13px; }
table.fg-trace caption { text-align: left; color: var(--fg-muted); padding: 2px 0; }
table.fg-trace th, table.fg-trace td { border: 1px solid var(--fg-line); padding: 4px 6px; text-align: left; vertical-align: top; }
table.fg-trace thead th { background: var(--fg-soft); }
table.fg-trace th:nth-child(1) { width: 7%; } table.fg-trace th:nth-child(2) { width: 17%; } table.fg-trace th:nth-child(3) { width: 10%; }
table.fg-trace th:nth-child(4) { width: 8%; } table.fg-trace th:nth-child(5) { width: 34%; } table.fg-trace th:nth-child(6) { width: 24%; }
table.fg-trace ul { list-style: none; margin: 0; padding: 0; }
table.fg-trace .fg-outcome-error { color: var(--fg-bad); font-weight: 700; }
table.fg-trace .fg-error-detail td { padding-left: 2em; border-top: 0; }
table.fg-trace .fg-says { color: var(--fg-muted); font-style: italic; }
table.fg-trace .fg-repeat td { color: var(--fg-muted); font-style: italic; background: var(--fg-soft); }
table.fg-trace details summary { cursor: pointer; color: #0550ae; }
/* On a phone the six columns of a trace did not fit: only Flow, Activity Name and Type were in sight,
   Modified Variables and HTTP off to the right, and each row as tall as its narrowest cell made it.
   There each row is a card, each value under its column's name, an empty one left out. */
@media screen and (max-width: 600px) {
  table.fg-trace { min-width: 0; }
  table.fg-trace thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.fg-trace tbody, table.fg-trace tr, table.fg-trace td { display: block; }
  table.fg-trace tbody tr { border: 1px solid var(--fg-line); border-radius: 6px; margin: 0 0 6px; padding: 2px 0; }
  table.fg-trace td { border: 0; padding: 2px 8px; }
  table.fg-trace td[data-label]:empty { display: none; }
  table.fg-trace td[data-label]::before { content: attr(data-label) ": "; color: var(--fg-muted); }
  table.fg-trace td[data-label="Activity Name"] { font-weight: 600; }
  table.fg-trace td[data-label="Activity Name"]::before, table.fg-trace td[data-label="Activity Name"] .fg-says { font-weight: 400; }
  table.fg-trace tbody tr.fg-error-detail { margin-top: -6px; border-top: 0; border-radius: 0 0 6px 6px; }
  table.fg-trace .fg-error-detail td { padding-left: 8px; }
}
.fg-scenario { margin: 16px 0; }
.fg-scenario .fg-subheading .fg-mark { margin-right: 4px; }
.fg-scenario.passed .fg-subheading .fg-mark { color: var(--fg-ok); } .fg-scenario.failed .fg-subheading .fg-mark { color: var(--fg-bad); }
.fg-legend { display: flex; flex-wrap: wrap; gap: 6px 18px; color: var(--fg-muted); margin: 4px 0 8px; }
.fg-key { display: inline-block; width: 2.2em; height: 1em; vertical-align: -0.15em; margin-right: 6px; border-radius: 3px; background: #fff; }
.fg-key.fg-exec { border: 3px solid var(--fg-exec); background: #ddf4ff; } .fg-key.fg-fail { border: 3px dashed var(--fg-bad); background: #ffebe9; }
.fg-figure { margin: 10px 0 18px; }
.fg-figure figcaption { font-weight: 600; margin-bottom: 4px; overflow-wrap: anywhere; }
.fg-failing-links { font-weight: 400; }
.fg-drawing { overflow: auto; max-height: 80vh; border: 1px solid var(--fg-line); border-radius: 8px; background: #fff; }
.fg-drawing svg.flow { display: block; max-width: none; height: auto; }
/* The activity a failed check's Where links to (html.ts whereLink): the browser scrolls its drawing and the page
   to it, leaving some of the flow around it in sight, and marks it by its frame's shape, not its colour alone
   (forced colours keep it): solid and twice as thick where it was dashed. */
.fg-drawing svg.flow .node.failing { scroll-margin: 48px; }
.fg-drawing svg.flow .node:target rect { stroke-width: 6px; stroke-dasharray: none; }
/* Forced colours (Contrast themes): the theme's colours replace these, but not inside the drawing
   (Chromium leaves SVG as drawn). The drawing takes the theme's: boxes and links in its text colour on
   its background, the call's path in its Highlight, thick; a failing activity stays dashed, its badge
   inverted. The legend's keys follow, and its words drop the colours the page no longer shows. */
@media (forced-colors: active) {
  /* The verdict's colour is gone too: a badge still, FAILED and UNGRADABLE inverted. */
  .fg-verdict { border: 1px solid CanvasText; }
  .fg-verdict.failed, .fg-verdict.ungradable { forced-color-adjust: none; background: CanvasText; color: Canvas; }
  .fg-hue { display: none; }
  /* A step's edge was green, amber or red: a failed one is edged with a double line, a partly passed one dashed. */
  .fg-step.failed { border-left-style: double; } .fg-step.partial { border-left-style: dashed; }
  .fg-key.fg-exec { border-color: Highlight; }
  .fg-drawing svg.flow text { fill: CanvasText; }
  .fg-drawing svg.flow .edge text { stroke: Canvas; }
  .fg-drawing svg.flow .node rect { fill: Canvas; stroke: CanvasText; }
  .fg-drawing svg.flow .edge path { stroke: CanvasText; }
  .fg-drawing svg.flow marker path { fill: CanvasText; }
  .fg-drawing svg.flow .node.executed rect, .fg-drawing svg.flow .edge.executed path { stroke: Highlight; }
  .fg-drawing svg.flow marker[id$="-executed"] path { fill: Highlight; }
  .fg-drawing svg.flow .node.failing rect { stroke: CanvasText; }
  .fg-drawing svg.flow .badge circle { fill: CanvasText; }
  .fg-drawing svg.flow .badge text { fill: Canvas; }
}
@page fg-wide { size: landscape; }
@media print {
  .fg-report { max-width: none; padding: 0; font-size: 11pt; }
  /* A drawing wider than tall prints on a landscape page of its own (html.ts printsWide), larger;
     the Main Flow's with the section's heading and legend before it (html.ts fg-flow-lead). */
  .fg-figure.fg-wide, .fg-flow-lead.fg-wide { page: fg-wide; }
  .fg-figure.fg-wide svg.flow { width: auto; height: auto; max-width: 100%; max-height: 150mm; }
  .fg-check, .fg-figure, table.fg-trace tr { break-inside: avoid; }
  /* A check with a trace, and a trace row with a long value (printed whole), can be taller than a
     page: kept whole, each was pushed to a new page, leaving most of the last one blank. They break
     between lines (a check's title stays with its message, a call's title with its trace). The other
     checks, kept whole, need no such rule: with it on every check, Chromium found no break it liked
     on the first page and began the checks on the second, leaving most of the first blank. */
  .fg-check:has(.fg-table-wrap), table.fg-trace tr:has(details) { break-inside: auto; }
  .fg-check:has(.fg-table-wrap) > .fg-check-head, .fg-scenario > .fg-meta { break-after: avoid; }
  /* Smaller type: the labels (one word each, never broken) take less of the width, the bodies more. */
  table.fg-trace { min-width: 0; font-size: 11px; }
  /* A heading stays with what follows and whole: a step's title of two lines was split across pages. */
  .fg-report .fg-heading, .fg-report .fg-subheading { break-after: avoid; break-inside: avoid; }
  .fg-drawing, .fg-table-wrap { overflow: visible; max-height: none; border: 0; }
  .fg-drawing svg.flow { max-width: 100%; }
  /* A long value's disclosure cannot be opened on paper: print the whole value, not its start before it. */
  .fg-report details::details-content { content-visibility: visible; display: block; }
  .fg-report details > summary { display: none; }
  .fg-verdict, .fg-hint, .fg-key, table.fg-trace thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .fg-report a { color: inherit; text-decoration: none; }
}
`;
