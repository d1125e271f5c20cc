/** The document shell shared by the HTML report and the class dashboard: one self-contained page. */
import { escapeHtml } from './escape.js';

export interface HtmlPage {
  title: string;
  /** Sources for scripts beyond none (e.g. the dashboard's own script hash); styles and images stay inline. */
  scriptSrc?: string;
  css: string;
  body: string;
}

export function renderHtmlPage(page: HtmlPage): string {
  const scripts = page.scriptSrc ? ` script-src ${page.scriptSrc};` : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${scripts} img-src data:">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.css}</style>`,
    '</head>',
    '<body>',
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
