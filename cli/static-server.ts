/**
 * A minimal static file server for `flowgrade serve`: GET/HEAD of the files in one folder, with
 * correct content types, no directory listing, nothing outside the folder (no `..`, no symlink
 * escapes), 404 otherwise. Loopback only; the CLI refuses other hosts.
 */
import { open, readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIPv4, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * `localhost`, `::1` or an IPv4 address 127.x.y.z. Only a real address counts: `127.0.0.256` is a
 * name to the resolver, and listening on it would ask the DNS (a network request).
 */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

/** The host of a Host header: `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `::1`. */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(header);
  return (bracketed ? bracketed[1] : header.replace(/:\d*$/, '')).toLowerCase();
}

/** How long a connection may stay silent (no request, no bytes of one) before it is closed. */
const IDLE_TIMEOUT_MS = 30_000;

export async function startStaticServer(root: string, options: { host: string; port: number; idleTimeoutMs?: number }): Promise<StaticServer> {
  const realRoot = await realpath(root);
  const server = createServer(async (request, response) => {
    // Read at each request: a page edited while it is served (serve --dir) is served with its new policy.
    const headers = await securityHeaders(realRoot);
    serve(realRoot, headers, request, response).catch(() => {
      try {
        if (!response.headersSent) send(response, 500, 'internal error\n', headers);
        else response.destroy();
      } catch {
        response.destroy(); // never an unhandled rejection: it would stop the server
      }
    });
  });
  // A connection that sends nothing is closed (each held a file descriptor for ever: enough of them,
  // and the server could answer no one); one downloading or sending keeps its time afresh.
  server.setTimeout(options.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(root: string, headers: Record<string, string>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // A web page elsewhere could point a name of its own at 127.0.0.1 (DNS rebinding) and read the
  // answers as same-origin: only requests naming a loopback host are answered.
  if (!isLoopbackHost(hostName(request.headers.host ?? ''))) {
    send(response, 421, 'misdirected request: this server only answers for a loopback host name\n', headers);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'method not allowed\n', { ...headers, Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveFile(root, request.url ?? '/');
  // Opened once, and its size taken from what was opened: `web --out` replaces the files by rename,
  // and the page's files may be edited while served.
  const handle = file && (await open(file.path, 'r').catch(() => undefined));
  const size = handle && (await handle.stat().then((info) => (info.isFile() ? info.size : undefined), () => undefined));
  if (!handle || size === undefined) {
    await handle?.close().catch(() => {});
    send(response, 404, 'not found\n', headers);
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[path.extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(size),
  });
  if (request.method === 'HEAD' || size === 0) {
    await handle.close().catch(() => {});
    response.end();
    return;
  }
  // No more than the Content-Length sent: the bytes of a file grown since (written over in place) ran
  // on into the next answer of a kept-alive connection, which the browser then could not read. One
  // that shrank is an error, which closes the connection instead of leaving the browser waiting for
  // the rest. pipeline, not pipe: a download the browser abandons must close the file too.
  const stream = handle.createReadStream({ end: size - 1 });
  closedWithConnection(request.socket, stream);
  pipeline(stream, sentWhole(size), response, () => {});
}

/** The files being sent on each connection. */
const sendingOn = new WeakMap<Socket, Set<Readable>>();

/**
 * Closes `stream` (and its file) when the connection closes: an answer to a pipelined request,
 * queued behind the one before it, has no socket yet and is told nothing when the browser goes, so
 * that its pipeline waited for ever and its file was closed only by the garbage collector (with a
 * warning of Node's on stderr for each). One listener per connection, however many requests it queues.
 */
function closedWithConnection(socket: Socket, stream: Readable): void {
  if (socket.destroyed) {
    stream.destroy();
    return;
  }
  let streams = sendingOn.get(socket);
  if (!streams) {
    const open = new Set<Readable>();
    socket.once('close', () => open.forEach((each) => each.destroy()));
    sendingOn.set(socket, (streams = open));
  }
  streams.add(stream);
  stream.once('close', () => streams.delete(stream));
}

/** Passes the chunks on, and fails when they were fewer than `size` bytes. */
function sentWhole(size: number) {
  return async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let sent = 0;
    for await (const chunk of chunks) {
      sent += chunk.length;
      yield chunk;
    }
    if (sent < size) throw new Error(`the file shrank while it was sent: ${sent} of ${size} bytes`);
  };
}

/**
 * The file a request path names inside `root`, or undefined (→ 404): `/` is index.html; dot files,
 * directories (and a file named as one, with a trailing slash), paths leaving the folder (`..`,
 * encoded or not, backslashes, NUL) and symlinks pointing outside it are not served.
 */
export async function resolveFile(root: string, requestUrl: string): Promise<{ path: string; size: number } | undefined> {
  let pathname: string;
  try {
    // A path (origin form) is read as one: `//app.js` resolved against a base is a URL of the host
    // `app.js`, whose path is `/`. An absolute-form target (`http://host/app.js`) by its path.
    pathname = decodeURIComponent(new URL(requestUrl.startsWith('/') ? `http://localhost${requestUrl}` : requestUrl, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  // `/index.html/` names a folder: served, the page would ask for /index.html/app.js and never start.
  if (segments.length > 0 && pathname.endsWith('/')) return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const candidate = path.resolve(root, relative);
  try {
    const real = await realpath(candidate);
    // Inside the folder (by path.relative, not by prefix: a root such as `E:\` or `/` ends with the
    // separator already); on Windows, another drive is an absolute "relative" path.
    const inside = path.relative(root, real);
    if (inside === '' || path.isAbsolute(inside) || inside.split(path.sep)[0] === '..') return undefined;
    // A symlink in the folder must not lead to a dot file or into a dot folder (`.git`) either.
    if (inside.split(path.sep).some((s) => s.startsWith('.'))) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The policy of the shipped page, for a folder whose index.html states none. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; worker-src blob:; base-uri 'none'; form-action 'none'";

/** The page's CSP (from its meta tag, the one place it is written) plus what only a header can say. */
async function securityHeaders(root: string): Promise<Record<string, string>> {
  const html = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => '');
  const policy = metaPolicy(html) ?? PAGE_CSP;
  return {
    // A policy a header cannot carry (curly quotes, …) is left to the meta tag: Node would refuse every answer.
    'Content-Security-Policy': /^[\x20-\x7e]*$/.test(policy) ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The content of the page's `<meta http-equiv="Content-Security-Policy">`, whatever the order of its
 * attributes, on one line: a policy wrapped over several lines means the same to a browser, but a
 * line break in a header is refused (Node threw at every request, and serve stopped).
 */
export function metaPolicy(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
    if (attribute('http-equiv')?.toLowerCase() === 'content-security-policy') return attribute('content')?.replace(/[\t\n\f\r ]+/g, ' ').trim();
  }
  return undefined;
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(body);
}
