/**
 * Nothing an export says can reach the network. HTTP activities aimed at real hosts, loopback,
 * link-local metadata, `file:` or `data:` are blocked and show in the trace as unmocked (or, for
 * non-http schemes, as a refused request). Two proofs that no socket is opened: in-process, while
 * every fixture and every hostile flow is graded, `fetch`, `net` connects and DNS lookups are
 * spied and must see nothing; end to end, the real CLI (`check` in-process and `grade` in worker
 * threads) grades flows aimed at local listeners that must receive zero connections.
 */
import { test, expect } from '@playwright/test';
import dns from 'node:dns';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { createMockServices } from '../../../mocks/index.js';
import { fixturePath, runCli } from '../../helpers.js';
import { FLOW_FILES, fixtureText } from '../fuzz/mutations.js';
import { expectNoVisibleEffect, httpFlow, httpNode, removeTempDirs, tempDir } from './flows.js';

test.afterAll(removeTempDirs);

const mission = findMission('callback-on-global-error')!;
const NOW = '2025-08-01T09:00:00.000Z';
const tool = { name: 'flowgrade', version: 'test' };

const BLOCKED_HTTP = [
  'https://example.com/',
  'http://example.com/latest',
  'http://localhost/',
  'http://localhost:8080/admin',
  'http://127.0.0.1:9/',
  'http://127.1:9/',
  'http://2130706433/',
  'http://0.0.0.0:9/',
  'http://[::1]:9/',
  'http://[::ffff:127.0.0.1]:9/',
  'http://169.254.169.254/latest/meta-data',
  'http://metadata.google.internal/computeMetadata/v1/',
  'https://api.wxcc-us1.cisco.com.evil.example/v1/tasks',
  'https://674481b1b4e2e04abea27c6e.mockapi.io.evil.example/flowdesigner/Lab/DynVars?dn=1',
  'https://webhook.site.evil.example/0d1c3f5e-1111-4222-8333-944455556666',
  'https://0d1c3f5e-1111-4222-8333-944455556666.webhook.site.evil.example/',
];
/** Not http(s), or not a request at all (credentials in the URL): refused before a request exists. */
const NOT_HTTP = ['https://user:pass@674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn=1', 'file:///etc/passwd', 'data:text/plain,hello', 'ftp://example.com/x', 'javascript:alert(1)', 'ws://127.0.0.1:9/', 'gopher://127.0.0.1:9/'];

async function runAgainst(url: string) {
  const loaded = loadFlow(JSON.stringify(httpFlow(httpNode('Outbound', url, [{ outputVariable: 'out', jsonPathExp: '$' }]), [{ name: 'out', type: 'STRING', value: '' }])));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return simulate(loaded.model, {}, { services: createMockServices() });
}

test.describe('HTTP activities aimed off the mocks', () => {
  for (const url of BLOCKED_HTTP) {
    test(`${url} is blocked and recorded as unmocked`, async () => {
      const result = await runAgainst(url);
      const entry = result.trace.find((e) => e.activity === 'Outbound')!;
      expect(entry.outcome).toBe('error');
      expect(entry.http?.unmocked).toBe(true);
      expect(entry.http?.status).toBe(null);
      expect(entry.http?.responseBody).toBeUndefined();
      expect(entry.error).toContain('not answered by any mock');
      expect(result.globalErrorRaised).toBe(true);
    });
  }

  for (const url of NOT_HTTP) {
    test(`${url} is refused before any request is built`, async () => {
      const result = await runAgainst(url);
      const entry = result.trace.find((e) => e.activity === 'Outbound')!;
      expect(entry.outcome).toBe('error');
      expect(entry.http).toBeUndefined();
      expect(entry.error).toMatch(/not http\(s\)|invalid request URL|holds a user name or password/);
      expect(JSON.stringify(result)).not.toContain('root:'); // /etc/passwd was not read
    });
  }
});

/** Wraps fetch, net connects and DNS lookups for the duration of `run`; returns what they saw. */
async function spyOnNetwork(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = {
    fetch: globalThis.fetch,
    connect: net.Socket.prototype.connect,
    lookup: dns.lookup,
    promisesLookup: dns.promises.lookup,
    createConnection: net.createConnection,
  };
  globalThis.fetch = (async (input: unknown) => {
    seen.push(`fetch ${String(input instanceof Request ? input.url : input)}`);
    throw new Error('network disabled in this test');
  }) as typeof fetch;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    seen.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('network disabled in this test');
  } as typeof net.Socket.prototype.connect;
  (dns as { lookup: unknown }).lookup = (host: string) => {
    seen.push(`lookup ${host}`);
    throw new Error('network disabled in this test');
  };
  (dns.promises as { lookup: unknown }).lookup = async (host: string) => {
    seen.push(`lookup ${host}`);
    throw new Error('network disabled in this test');
  };
  try {
    await run();
  } finally {
    globalThis.fetch = original.fetch;
    net.Socket.prototype.connect = original.connect;
    (dns as { lookup: unknown }).lookup = original.lookup;
    (dns.promises as { lookup: unknown }).lookup = original.promisesLookup;
  }
  return seen;
}

test('the spies work: a real fetch attempt is seen (so an empty list below means something)', async () => {
  const seen = await spyOnNetwork(async () => {
    await fetch('http://127.0.0.1:9/').catch(() => undefined);
    await new Promise<void>((resolve) => {
      const socket = new net.Socket();
      try {
        socket.connect(9, '127.0.0.1');
      } catch {
        // refused by the spy
      }
      resolve();
    });
  });
  expect(seen).toEqual(['fetch http://127.0.0.1:9/', 'connect 9']);
});

test('grading every fixture and every hostile flow calls no fetch, opens no socket and resolves no name', async () => {
  const reports: string[] = [];
  const seen = await spyOnNetwork(async () => {
    for (const file of FLOW_FILES) {
      const report = await gradeFlow(fixtureText(file), { mission, fileName: file, now: () => new Date(NOW), tool });
      reports.push(report.verdict);
    }
    const solution = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
    for (const url of [...BLOCKED_HTTP, ...NOT_HTTP]) {
      const flow = structuredClone(solution);
      for (const activity of Object.values<Record<string, Record<string, unknown>>>(flow.process.activities)) {
        if (activity.properties.activityName !== 'http-request-v2') continue;
        activity.properties.httpRequestUrl = url;
        activity.properties.authenticated = false;
      }
      const report = await gradeFlow(JSON.stringify(flow), { mission, fileName: 'hostile.json', now: () => new Date(NOW), tool });
      reports.push(report.verdict);
      const unmocked = report.scenarios.flatMap((s) => s.trace).filter((e) => e.http?.unmocked);
      if (BLOCKED_HTTP.includes(url)) expect(unmocked.length, url).toBeGreaterThan(0);
    }
  });
  expect(seen).toEqual([]);
  expect(reports).toHaveLength(FLOW_FILES.length + BLOCKED_HTTP.length + NOT_HTTP.length);
  expectNoVisibleEffect();
});

/** A TCP listener on a random port that counts connections. */
async function listener(host: string): Promise<{ port: number; connections: () => number; close: () => Promise<void> } | undefined> {
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  const port = await new Promise<number | undefined>((resolve) => {
    server.once('error', () => resolve(undefined)); // e.g. no IPv6 on this machine
    server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port));
  });
  if (port === undefined) return undefined;
  return { port, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('end to end: check and grade aimed at local listeners open no connection to them', async () => {
  const v4 = (await listener('127.0.0.1'))!;
  const v6 = await listener('::1');
  try {
    // Self-test: the listener does count a real connection.
    await new Promise<void>((resolve) => net.connect(v4.port, '127.0.0.1').on('close', () => resolve()).on('error', () => resolve()));
    await expect.poll(() => v4.connections()).toBe(1);

    const targets = [`http://127.0.0.1:${v4.port}/flowdesigner/Lab/DynVars?dn=1`, `http://localhost:${v4.port}/x`, `https://127.0.0.1:${v4.port}/x`];
    if (v6) targets.push(`http://[::1]:${v6.port}/x`, `http://localhost:${v6.port}/y`);
    const dir = tempDir('network');
    const solution = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
    const files = targets.map((url, i) => {
      const flow = structuredClone(solution);
      flow.name = `Main_Flow_${900 + i}`;
      for (const activity of Object.values<Record<string, Record<string, unknown>>>(flow.process.activities)) {
        if (activity.properties.activityName === 'http-request-v2') activity.properties.httpRequestUrl = url;
      }
      const file = path.join(dir, `flow-${i}.json`);
      writeFileSync(file, JSON.stringify(flow));
      return file;
    });
    const check = await runCli(['check', ...files, '--format', 'json', '--now', NOW]);
    expect(check.stderr).not.toContain('internal error');
    const reports = JSON.parse(check.stdout) as { scenarios: { trace: { http?: { url: string; unmocked?: boolean } }[] }[] }[];
    expect(reports).toHaveLength(files.length);
    reports.forEach((report, i) => {
      const toTarget = report.scenarios.flatMap((s) => s.trace).flatMap((e) => (e.http && e.http.url === targets[i] ? [e.http] : []));
      expect(toTarget.length, targets[i]).toBeGreaterThan(0);
      for (const exchange of toTarget) expect(exchange.unmocked, exchange.url).toBe(true);
    });

    // In worker threads, with the connector (the authenticated Tasks API call) also aimed at a
    // listener: the mocks answer for a configured connector base, nothing is sent.
    const connector = ['--connector', `WxCC_API=http://127.0.0.1:${v4.port}`];
    const out = tempDir('network-out');
    const grade = await runCli(['grade', dir, '--out', out, '--jobs', '2', '--now', NOW, '--quiet', ...connector]);
    expect(grade.stderr).not.toContain('internal');
    expect(grade.stdout).toContain(`graded ${files.length} attendees`);

    expect(v4.connections()).toBe(1); // only the self-test's
    if (v6) expect(v6.connections()).toBe(0);
  } finally {
    await v4.close();
    await v6?.close();
  }
});
