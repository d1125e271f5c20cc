/**
 * What `flowgrade serve` refuses, at the edges the first tests left open (mutation sweep f24): a dot
 * name that is a link to an ordinary folder, a `..` that comes back into the folder (it would let a
 * page probe the folder's name), a backslash in a name, a FIFO (reading it would hang the answer),
 * a request with no Host header or a Host header only starting like a loopback one, every method
 * but GET and HEAD, and the security headers on every answer, refusals included.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../../cli/static-server.js';
import { runCli, tempDir } from '../../helpers.js';
import { httpAnswer } from './http-answer.js';

let server: StaticServer;
let folder: string; // the served folder's own name

test.beforeAll(async () => {
  const root = tempDir('serve-refusals'); // removed at exit
  folder = path.basename(root);
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><p>page</p>');
  writeFileSync(path.join(root, 'assets', 'logo.txt'), 'logo\n');
  writeFileSync(path.join(root, 'notes.dat'), '<script>alert(1)</script>\n');
  writeFileSync(path.join(root, 'APP.JS'), 'void 0;\n');
  symlinkSync('assets', path.join(root, '.alias')); // a dot name, leading to an ordinary folder
  writeFileSync(path.join(root, 'a\\b.txt'), 'backslash\n'); // a name a Windows path would split
  execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
  server = await startStaticServer(root, { host: '127.0.0.1', port: 0 });
});

test.afterAll(() => server?.close());

const get = (rawPath: string, method = 'GET', host?: string) => httpAnswer(server.port, rawPath, method, host);

/** The status line of a raw HTTP/1.0 request written as given (node:http always adds a Host header). */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text)); // HTTP/1.0: the server closes after its answer
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

test('a dot name is not served even when it is a link to an ordinary folder; the folder is, by its own name', async () => {
  expect((await get('/.alias/logo.txt')).status).toBe(404);
  expect((await get('/assets/logo.txt')).status).toBe(200);
});

test('a path with .. is refused even when it comes back into the folder (a page could probe the names of folders)', async () => {
  for (const attempt of [`/..%2f${folder}%2findex.html`, `/assets/..%2f..%2f${folder}%2fnotes.dat`, `/%2e%2e%2f${folder}%2fAPP.JS`]) expect((await get(attempt)).status, attempt).toBe(404);
});

test('a backslash in a path is refused, encoded or not, even where a file of that name exists', async () => {
  for (const attempt of ['/a%5cb.txt', '/a%5Cb.txt']) expect((await get(attempt)).status, attempt).toBe(404);
});

test('what is not a regular file (a named pipe) is not served: reading it would wait for a writer', async () => {
  expect((await get('/pipe.txt', 'HEAD')).status).toBe(404);
});

test('a request with no Host header (HTTP/1.0) is refused as one naming no loopback host: 421', async () => {
  expect(await raw('GET / HTTP/1.0\r\n\r\n')).toBe('HTTP/1.1 421 Misdirected Request');
  expect(await raw('GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n')).toBe('HTTP/1.1 200 OK');
});

test('a Host header that only starts like a loopback one is refused: 421', async () => {
  for (const host of ['[::1].evil.example', '[::1]:80.evil.example', 'localhost:80.evil.example', '127.0.0.1:80@evil.example']) {
    expect((await get('/', 'GET', host)).status, host).toBe(421);
  }
});

test('every method but GET and HEAD gets 405 with Allow', async () => {
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const res = await get('/index.html', method);
    expect({ status: res.status, allow: res.headers.allow }, method).toEqual({ status: 405, allow: 'GET, HEAD' });
  }
});

test('every answer carries the security headers, the refusals (404, 405, 421) too', async () => {
  const answers = [await get('/'), await get('/missing.js'), await get('/', 'POST'), await get('/', 'GET', 'evil.example')];
  expect(answers.map((a) => a.status)).toEqual([200, 404, 405, 421]);
  for (const a of answers) {
    expect(
      {
        csp: a.headers['content-security-policy'],
        nosniff: a.headers['x-content-type-options'],
        referrer: a.headers['referrer-policy'],
        corp: a.headers['cross-origin-resource-policy'],
        cache: a.headers['cache-control'],
      },
      String(a.status),
    ).toEqual({ csp: expect.stringContaining("frame-ancestors 'none'"), nosniff: 'nosniff', referrer: 'no-referrer', corp: 'same-origin', cache: 'no-cache' });
  }
});

test('a file of an unknown kind is served as bytes, never as a page; an extension in capitals is known', async () => {
  expect((await get('/notes.dat')).headers['content-type']).toBe('application/octet-stream');
  expect((await get('/APP.JS')).headers['content-type']).toBe('text/javascript; charset=utf-8');
});

test('flowgrade serve refuses a --port of 65536 or written other than in digits, as not a TCP port', async () => {
  for (const port of ['65536', '0x50', '1e3', '80.0', '8 0']) {
    const run = await runCli(['serve', '--port', port]);
    expect({ code: run.code, stderr: run.stderr }, port).toEqual({ code: 2, stderr: expect.stringContaining('is not a TCP port (0-65535)') });
  }
});

test('flowgrade serve on a port in use says so and suggests --port 0', async () => {
  const busy: Server = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  try {
    const port = (busy.address() as { port: number }).port;
    const run = await runCli(['serve', '--port', String(port)]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: `flowgrade: port ${port} is already in use; try --port 0 for a free one\n` });
  } finally {
    await new Promise((resolve) => busy.close(resolve));
  }
});

test("a HEAD answer says the file's length without sending it, as GET's does", async () => {
  const head = await get('/assets/logo.txt', 'HEAD');
  expect({ status: head.status, length: head.headers['content-length'], body: head.body }).toEqual({ status: 200, length: '5', body: '' });
  expect((await get('/assets/logo.txt')).headers['content-length']).toBe('5');
});
