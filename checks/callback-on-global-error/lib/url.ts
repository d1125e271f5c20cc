/** Splitting a Request URL that holds {{ }} templates (so `new URL()` cannot be used on the raw text). */
import { javaTrim } from '../../../engine/java-whitespace.js';

interface UrlParts {
  scheme: string;
  host: string;
  path: string;
  /** Query parameters in order: [name, raw value]. */
  query: [string, string][];
}

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;

export function splitUrl(text: string): UrlParts | undefined {
  // Trimmed as Java trims: a no-break space at either end stays, and is sent.
  const match = URL_SHAPE.exec(javaTrim(text));
  if (!match) return undefined;
  const query: [string, string][] = [];
  for (const pair of (match[4] ?? '').split('&')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    query.push(eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), pair.slice(eq + 1)]);
  }
  return { scheme: match[1].toLowerCase(), host: match[2].toLowerCase(), path: match[3], query };
}

/**
 * A parameter's name or value as the server reads it: decoded, its spaces kept (they are sent, as
 * `%20`); text that does not decode (a stray `%`) as written.
 */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
