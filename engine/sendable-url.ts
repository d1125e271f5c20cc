/**
 * Whether a text is an address the simulator sends a request to: an HTTP Request's URL, and a
 * connector's base URL (`--connector`), which the same test refuses before any flow runs.
 */

/** Why a text is no sendable address. */
export type AddressProblem = 'internationalised-host' | 'invalid' | 'not-http' | 'credentials';

/** The text as a URL the simulator can send to, or why it is not one. */
export function sendableAddress(text: string): { url: URL } | { problem: AddressProblem } {
  // Node and browsers disagree on which punycode host names are valid (Node refuses `xn--a.io`,
  // Chromium takes it): no mock answers such a host, so it is refused here, alike everywhere.
  if (/^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:[^/?#.]*\.)*xn--/i.test(text)) return { problem: 'internationalised-host' };
  let url: URL;
  try {
    url = new URL(text); // not URL.canParse: the page runs in browsers older than it
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'not-http' };
  // The simulator sends no credentials: a request would go without them, an authenticated one fail.
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
  return { url };
}
