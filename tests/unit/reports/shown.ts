/**
 * Pages are written in ASCII (reports/escape.ts): `—` is `&mdash;` or `&#8212;` in the source.
 * `shown(html)` gives the source with those references decoded, as a browser shows them, keeping
 * the markup-significant ones (`&lt;` `&gt;` `&amp;` `&quot;` `&#39;`) as they are written.
 */
const NAMED: Record<string, string> = { mdash: '—', ndash: '–', middot: '·', ldquo: '“', rdquo: '”', rarr: '→', hellip: '…' };
const MARKUP = new Set([34, 38, 39, 60, 62]);

export function shown(html: string): string {
  return html
    .replace(/&(mdash|ndash|middot|ldquo|rdquo|rarr|hellip);/g, (_, name: string) => NAMED[name])
    .replace(/&#(\d+);/g, (reference, code: string) => (MARKUP.has(Number(code)) ? reference : String.fromCodePoint(Number(code))));
}
