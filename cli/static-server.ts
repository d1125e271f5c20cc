/**
 * A minimal static file server for `flowgrade serve`: GET/HEAD of the files in one folder, with
 * correct content types, no directory listing, nothing outside the folder (no `..`, no symlink
 * escapes), 404 otherwise. Loopback only; the CLI refuses other hosts.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

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

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export async function startStaticServer(root: string, options: { host: string; port: number }): Promise<StaticServer> {
  const realRoot = await realpath(root);
  const headers = await securityHeaders(realRoot);
  const server = createServer((request, response) => {
    serve(realRoot, headers, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'internal error\n', headers);
      else response.destroy();
    });
  });
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
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'method not allowed\n', { ...headers, Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveFile(root, request.url ?? '/');
  if (!file) {
    send(response, 404, 'not found\n', headers);
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[path.extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(file.size),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file.path).on('error', () => response.destroy()).pipe(response);
}

/**
 * The file a request path names inside `root`, or undefined (→ 404): `/` is index.html; dot files,
 * directories, paths leaving the folder (`..`, encoded or not, backslashes, NUL) and symlinks
 * pointing outside it are not served.
 */
export async function resolveFile(root: string, requestUrl: string): Promise<{ path: string; size: number } | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const candidate = path.resolve(root, relative);
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + path.sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The page's CSP (from its meta tag, the one place it is written) plus what only a header can say. */
async function securityHeaders(root: string): Promise<Record<string, string>> {
  const html = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => '');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  return {
    'Content-Security-Policy': `${meta ?? "default-src 'self'"}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(body);
}
