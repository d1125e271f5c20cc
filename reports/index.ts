/**
 * The report writers: pure functions from grade reports to a string, safe in a browser (no Node
 * built-ins, no global colour state). Per-attendee writers take one report; class writers take
 * the list. Writing files is the CLI's job.
 */
export { boundReport } from './bounds.js';
export { renderClassRow, type ClassColumns, type ClassRow } from './class-row.js';
export { NO_COLOR, renderConsole, type ColorFns, type ConsoleOptions } from './console.js';
export { renderCsv, renderCsvRow, type CsvOptions, type CsvRow } from './csv.js';
export { renderDashboard, renderDashboardRow, type DashboardOptions, type DashboardRow, type DuplicateSubmissions } from './dashboard.js';
export { edgeKey, executedPath, failingActivities } from './drawing.js';
export { csvCell, escapeHtml, escapeMarkdown, escapeTerminal, escapeXml, escapeXmlAttribute, jsonForScript, safeHref } from './escape.js';
export { REPORT_CSS, renderHtmlReport, renderReportBody, type HtmlOptions } from './html.js';
export { orderReport, renderJson } from './json.js';
export { renderJunit, renderJunitDocument, renderJunitSuite, type JunitOptions, type JunitSuite, type RecommendedAs } from './junit.js';
export { renderMarkdown, renderMarkdownRow, type MarkdownOptions } from './markdown.js';
export { stepTitlesFor, type StepTitles } from './steps.js';
export { summaryLine } from './summary.js';
export { renderFlowSvg, type SvgOptions } from './svg.js';
export { renderTraceTable } from './trace-table.js';
