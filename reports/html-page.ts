/** The document shell shared by the HTML report and the class dashboard: one self-contained page. */
import { escapeHtml } from './escape.js';

interface HtmlPage {
  title: string;
  /** Sources for scripts beyond none (e.g. the dashboard's own script hash); styles and images stay inline. */
  scriptSrc?: string;
  css: string;
  body: string;
}

export function renderHtmlPage(page: HtmlPage): string {
  const scripts = page.scriptSrc ? ` script-src ${page.scriptSrc};` : '';
  return joinLines([
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
  ]) + `\n${page.body}\n</body>\n</html>\n`; // (not through joinLines: an empty body keeps its line, as it always had)
}

/**
 * `parts` joined by line breaks, empty ones left out (`filter(Boolean).join('\n')`), without
 * copying them: V8 holds a concatenation as a tree of its parts, copied once, when the page is
 * written. A report was copied whole at each level of joins (its sections, its body, its page):
 * a fifth of the time of rendering it (docs/performance.md).
 */
export function joinLines(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) if (part) text = text ? text + '\n' + part : part;
  return text;
}
