/** Report writers: pure functions from grade reports to text. */
export { renderConsole, type ColorFns, type ConsoleOptions } from './console.js';
export { renderCsv } from './csv.js';
export { renderDashboard, type DashboardOptions } from './dashboard.js';
export { escapeHtml, escapeMarkdown, escapeXml, csvCell } from './escape.js';
export { renderHtmlReport, renderReportBody, REPORT_CSS } from './html.js';
export { renderJson } from './json.js';
export { renderJunit } from './junit.js';
export { renderMarkdown } from './markdown.js';
export { renderFlowSvg } from './svg.js';
export { renderTraceTable } from './trace-table.js';

export type ReporterName = 'console' | 'json' | 'html' | 'junit' | 'csv' | 'markdown';
