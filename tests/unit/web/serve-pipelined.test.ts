/**
 * `serve` closes the file of an answer the browser no longer waits for. Two requests pipelined on
 * one connection, the connection closed once both are sent (session 50's robustness hunt): the
 * second answer, queued behind the first, was told nothing when the connection went, and held its
 * file until the garbage collector closed it, with a warning of Node's on stderr for each.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, realpathSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startStaticServer } from '../../../cli/static-server.js';
import { tempDir } from '../../helpers.js';

const openFiles = () => readdirSync('/proc/self/fd').length;

test('a pipelined request whose connection closes leaves no file open', async () => {
  test.skip(process.platform !== 'linux', 'counts open files in /proc/self/fd');
  const root = realpathSync(tempDir('serve-pipelined'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'app.js'), 'void 0;\n'.repeat(100_000));
  const server = await startStaticServer(root, { host: '127.0.0.1', port: 0 });
  try {
    const before = openFiles();
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((done) => {
        const connection = net.connect(server.port, '127.0.0.1', () =>
          connection.end('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
        );
        connection.resume();
        connection.on('error', () => {});
        connection.on('close', () => done());
      });
    }
    await expect.poll(openFiles, { timeout: 5_000 }).toBeLessThanOrEqual(before);
  } finally {
    await server.close();
  }
});
