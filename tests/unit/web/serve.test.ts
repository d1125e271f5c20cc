/**
 * `flowgrade web --out` and `flowgrade serve`: the static site is written; the server answers with
 * the right content types and security headers, serves nothing outside its folder, and listens on
 * loopback only.
 */
import { test, expect } from '@playwright/test';
import { appendFileSync, existsSync, mkdirSync, truncateSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isLoopbackHost, metaPolicy, PAGE_CSP, startStaticServer, type StaticServer } from '../../../cli/static-server.js';
import { ROOT, runCli } from '../../helpers.js';
import { httpAnswer } from './http-answer.js';

const CSP = "default-src 'none'; script-src 'self'";

let base: string;
let root: string;
let server: StaticServer;

test.beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'flowgrade-serve-'));
  root = path.join(base, 'site');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><p>page</p>`);
  writeFileSync(path.join(root, 'app.js'), 'export {};\n');
  writeFileSync(path.join(root, 'page.css'), 'body{}\n');
  writeFileSync(path.join(root, '.env'), 'SECRET=1\n');
  writeFileSync(path.join(base, 'secret.txt'), 'outside\n');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'escape.txt'));
  symlinkSync('.env', path.join(root, 'visible.txt')); // inside the folder, but to a dot file
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, '.git', 'config'), 'SECRET=2\n');
  symlinkSync('.git', path.join(root, 'gitlink'));
  server = await startStaticServer(root, { host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

/** A raw request to the suite's server unless `port` says (tests/unit/web/http-answer.ts). */
const get = (rawPath: string, method = 'GET', host?: string, port = server.port) => httpAnswer(port, rawPath, method, host);

test('the URL is on 127.0.0.1 with the port it got', () => {
  expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  expect(server.port).toBeGreaterThan(0);
});

test('/ is index.html, with the page CSP as a header plus frame-ancestors, nosniff and no referrer', async () => {
  const res = await get('/');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.body).toContain('<p>page</p>');
  expect(res.headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
});

test('files get their content types (a module script must be JavaScript)', async () => {
  expect((await get('/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect((await get('/page.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  expect((await get('/index.html?x=1#y')).status).toBe(200);
});

test('HEAD answers without a body; other methods get 405', async () => {
  const head = await get('/app.js', 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body).toBe('');
  const post = await get('/', 'POST');
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
});

for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/..%2f..%2fsecret.txt', '/..\\secret.txt', '/%5c..%5csecret.txt', '/escape.txt', '/.env', '/sub', '/sub/', '/missing.js', '/app.js%00.html', '/%E0%A4%A', '/visible.txt', '/gitlink/config', '/index.html/', '/app.js/']) {
  test(`nothing outside the folder, no dot files, no directories: ${attempt} → 404`, async () => {
    const res = await get(attempt);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside');
    expect(res.body).not.toContain('SECRET');
  });
}

test('a download the browser abandons (a page closed while app.js.map loads) closes its file: no descriptor is left open', async () => {
  writeFileSync(path.join(root, 'big.js'), Buffer.alloc(8 * 1024 * 1024, 0x20));
  const open = () => readdirSync('/proc/self/fd').length;
  const before = open();
  for (let i = 0; i < 20; i++) {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/big.js' }, (res) => res.once('data', () => req.destroy()));
      req.on('close', () => resolve());
      req.on('error', () => {});
      req.end();
    });
  }
  await expect.poll(open, { timeout: 5_000 }).toBeLessThan(before + 5);
});

test('a request naming another host is refused (DNS rebinding): 421; loopback names are answered', async () => {
  for (const host of ['evil.example', 'evil.example:80', '10.0.0.1', '127.0.0.1.evil.example']) expect((await get('/', 'GET', host)).status, host).toBe(421);
  for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, 'LOCALHOST', `[::1]:${server.port}`]) expect((await get('/', 'GET', host)).status, host).toBe(200);
});

test("the page's policy is read from its meta tag whatever the attribute order, and the shipped page's is the fallback", () => {
  expect(metaPolicy(`<meta content="${CSP}" http-equiv="content-security-policy">`)).toBe(CSP);
  expect(metaPolicy(`<meta charset="utf-8"><meta http-equiv='Content-Security-Policy' content='default-src https:'>`)).toBe('default-src https:');
  expect(metaPolicy('<meta charset="utf-8">')).toBeUndefined();
  expect(metaPolicy(readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8'))).toBe(PAGE_CSP);
});

/** A server of its own for a folder `name` (under `base`) holding an index.html of `html`, given to `use`, then closed. */
async function withPage(name: string, html: string, use: (port: number, dir: string) => Promise<void>): Promise<void> {
  const dir = path.join(base, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), html);
  const own = await startStaticServer(dir, { host: '127.0.0.1', port: 0 });
  try {
    await use(own.port, dir);
  } finally {
    await own.close();
  }
}

test('a page whose policy spans lines (index.html edited, the long attribute wrapped) is served with it on one header line', async () => {
  await withPage('wrapped', `<meta http-equiv="Content-Security-Policy" content="default-src 'none';\n\tscript-src 'self'\r\n">`, async (port, dir) => {
    expect(metaPolicy(readFileSync(path.join(dir, 'index.html'), 'utf8'))).toBe("default-src 'none'; script-src 'self'");
    const res = await get('/', 'GET', undefined, port);
    expect({ status: res.status, csp: res.headers['content-security-policy'] }).toEqual({ status: 200, csp: "default-src 'none'; script-src 'self'; frame-ancestors 'none'" });
  });
});

test('a page whose policy has characters no header can carry (curly quotes from a word processor) is still served, the policy left to its meta tag', async () => {
  await withPage('curly', `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src \u2018self\u2019">`, async (port) => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/', 'GET', undefined, port);
      expect({ status: res.status, csp: res.headers['content-security-policy'] }).toEqual({ status: 200, csp: "frame-ancestors 'none'" });
    }
  });
});

test('only loopback hosts count as local', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopbackHost(host), host).toBe(true);
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.test', '127.0.0.1.example.test']) expect(isLoopbackHost(host), host).toBe(false);
  // Not addresses at all: listening on one would ask the DNS for it (a network request).
  for (const host of ['127.0.0.256', '127.999.999.999', '127.00.0.1', '127.0.0.01']) expect(isLoopbackHost(host), host).toBe(false);
});

test('flowgrade serve refuses a --host that looks like 127.x.y.z but is not an address, without looking it up', async () => {
  const run = await runCli(['serve', '--host', '127.0.0.256', '--port', '0']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('flowgrade: --host 127.0.0.256: serve listens on this machine only (127.0.0.1 or another 127.x.y.z, ::1 or localhost); to share the page, host the files of `flowgrade web --out <dir>` on a web server\n');
});

test('flowgrade serve refuses a non-loopback --host with exit 2', async () => {
  const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('serve listens on this machine only');
});

test('flowgrade serve refuses a --dir without index.html, and a port that is not one', async () => {
  const noPage = await runCli(['serve', '--port', '0', '--dir', base]);
  expect(noPage.code).toBe(2);
  expect(noPage.stderr).toContain('no index.html there');
  // A file is no folder: `flowgrade web --out <that file>` would be refused too, so it is not advised.
  const file = path.join(base, 'page.html');
  writeFileSync(file, '<!doctype html>');
  const notAFolder = await runCli(['serve', '--port', '0', '--dir', file]);
  expect([notAFolder.code, notAFolder.stderr]).toEqual([2, `flowgrade: --dir ${file}: is not a folder: give the folder \`flowgrade web --out\` wrote the page into\n`]);
  const badPort = await runCli(['serve', '--port', '70000']);
  expect(badPort.code).toBe(2);
  expect(badPort.stderr).toContain('is not a TCP port');
});

test('flowgrade web --out blank is a usage error saying so', async () => {
  const run = await runCli(['web', '--out', '']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`option '--out <dir>' argument '' is invalid. "" is blank: give the folder to write the page into`);
});

test('flowgrade web --out writes the built page: index.html with its CSP, app.js, page.css', async () => {
  const out = path.join(base, 'written', 'site');
  const run = await runCli(['web', '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`to ${out}`);
  const files = readdirSync(out);
  for (const file of ['index.html', 'app.js', 'page.css']) expect(files).toContain(file);
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/);
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // no CDN, no external asset
  expect(readFileSync(path.join(out, 'app.js'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'dist', 'web', 'app.js'), 'utf8'));
});

test('the bundle is one self-contained classic script: no import or export, no Node built-in', () => {
  const bundle = readFileSync(path.join(ROOT, 'dist', 'web', 'app.js'), 'utf8');
  // One function (its source is also the grading worker's: web/grading-thread.ts) holding one IIFE, called at once.
  expect(bundle.trimStart()).toMatch(/^function flowgradeSelfCheck\(\)\{\s*(\/\*[\s\S]*?\*\/\s*)?(\(\(\)=>\{|"use strict";\(\(\)=>\{)/);
  expect(bundle).toMatch(/\}\)\(\);\s*\}flowgradeSelfCheck\(\);\s*(\/\*[^*]*\*\/\s*)?\/\/# sourceMappingURL=app\.js\.map\s*$/);
  expect(bundle).not.toMatch(/(^|[;}\s])import\s*[{*\w"'][^;]*?from\s*["']/);
  expect(bundle).not.toMatch(/\bimport\s*\(\s*["']/);
  expect(bundle).not.toMatch(/(^|[;}])export\s*\{/);
  expect(bundle).not.toMatch(/require\(\s*["'](node:)?(fs|path|os|crypto|child_process|vm|http|https|net|url|buffer|stream|util|worker_threads)["']\s*\)/);
  expect(bundle).not.toContain('"node:');
  expect(existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))).toBe(true);
});

for (const file of ['web/app.js', 'cli.js', 'worker.js']) {
  test(`dist/${file} has no ajv schema compiler: validators were precompiled at build time`, () => {
    const bundle = readFileSync(path.join(ROOT, 'dist', file), 'utf8');
    // ajv's compiler (code generation) carries these messages; the standalone validators do not.
    expect(bundle).not.toContain('schema with key or id');
    expect(bundle).not.toContain('strict mode: ');
    expect(bundle).toContain('was not precompiled: list it in scripts/build.mjs');
  });
}

test('a page edited while it is served (serve --dir) is served with its new policy', async () => {
  // Before: the policy was read once, when serve started, and the page's edited one never applied.
  await withPage('edited', `<meta http-equiv="Content-Security-Policy" content="${CSP}">`, async (port, dir) => {
    expect((await httpAnswer(port, '/')).headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`);
    writeFileSync(path.join(dir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="${CSP}; connect-src 'self'">`);
    expect((await httpAnswer(port, '/app.js')).headers['content-security-policy']).toBe(`${CSP}; connect-src 'self'; frame-ancestors 'none'`);
  });
});

const BIG = 24 * 1024 * 1024;

/**
 * GET /big.js (BIG bytes of `a`, in `dir`) on a connection of its own that reads nothing after the
 * first bytes until `change` has changed the file, so that the server is held mid-file (24 MB: more
 * than the loopback's socket buffers hold); then everything the connection got until it closed.
 */
async function changedWhileSent(port: number, dir: string, change: (file: string) => void, headers = ''): Promise<Buffer> {
  const file = path.join(dir, 'big.js');
  writeFileSync(file, Buffer.alloc(BIG, 0x61));
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  const closed = new Promise<void>((resolve, reject) => socket.on('close', () => resolve()).on('error', reject));
  const firstData = new Promise<void>((resolve) => socket.once('data', () => resolve(void socket.pause())));
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(`GET /big.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}\r\n`);
  await firstData;
  await new Promise((resolve) => setTimeout(resolve, 200)); // (the server fills the buffers meanwhile; it cannot finish)
  change(file);
  socket.resume();
  await closed;
  return Buffer.concat(chunks);
}

test('a file that grows while it is sent (web --out again) is sent as long as its Content-Length says, no byte more', async () => {
  // Before: the read went on to the file's new end, and the bytes past the Content-Length ran into
  // the next answer on a kept-alive connection ("Parse Error: Expected HTTP/"): serve.test's edited
  // page failed so, 1 run in 20.
  await withPage('growing', '<p>page</p>', async (port, dir) => {
    const answer = await changedWhileSent(port, dir, (file) => appendFileSync(file, 'GROWN'.repeat(1000)), 'Connection: close\r\n');
    const headEnd = answer.indexOf('\r\n\r\n');
    expect(answer.subarray(0, headEnd).toString()).toContain(`Content-Length: ${BIG}`);
    expect(answer.length - headEnd - 4).toBe(BIG);
  });
});

test('a file that shrinks while it is sent ends the connection (no waiting for the bytes promised), and the server goes on answering; an empty file is answered', async () => {
  // The file is opened once and its size taken from it; bytes fewer than promised fail the answer,
  // which closes the connection. Without the empty file's own branch, it got no answer at all.
  await withPage('shrinking', '<p>page</p>', async (port, dir) => {
    writeFileSync(path.join(dir, 'empty.js'), '');
    // Kept alive: only the server can close it (the idle timeout is 30 s: the test's own would end first).
    const answer = await changedWhileSent(port, dir, (file) => truncateSync(file, 1024));
    expect(answer.length).toBeLessThan(BIG);
    expect((await httpAnswer(port, '/')).status).toBe(200);
    const empty = await httpAnswer(port, '/empty.js');
    expect([empty.status, empty.headers['content-length'], empty.body]).toEqual([200, '0', '']);
  });
});

test('a connection that sends nothing is closed after the idle time; one that asks is answered', async () => {
  // Before: it stayed open for ever, holding a file descriptor; enough of them and the server answered no one.
  const quick = await startStaticServer(root, { host: '127.0.0.1', port: 0, idleTimeoutMs: 300 });
  try {
    const socket = connect(quick.port, '127.0.0.1');
    const closed = await new Promise<boolean>((resolve) => {
      socket.on('close', () => resolve(true));
      setTimeout(() => resolve(false), 5_000);
    });
    expect(closed).toBe(true);
    expect((await httpAnswer(quick.port, '/')).status).toBe(200);
  } finally {
    await quick.close();
  }
});
