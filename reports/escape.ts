/** The one place every export-sourced value goes through before it lands in HTML, XML, Markdown or CSV. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML[c]);
}

/** XML 1.0 text/attribute value: escaped, and characters XML cannot carry removed. */
export function escapeXml(value: unknown): string {
  return escapeHtml(String(value ?? '').replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')).replace(/&#39;/g, '&apos;');
}

/** Markdown inline text: every character with meaning (and raw HTML) escaped, newlines flattened. */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/&(?!lt;)/g, '&amp;');
}

/** JSON for an inline <script type="application/json">: no `<`, so `</script>` cannot end it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** RFC 4180 cell, with formula injection defused (cells starting with = + - @ tab CR get a leading '). */
export function csvCell(value: unknown): string {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
