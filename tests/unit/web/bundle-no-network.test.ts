/**
 * Nothing is uploaded (docs/web.md): besides the page's Content-Security-Policy (no connect-src) and
 * the browser tests that watch every request, the bundle itself holds no way to send anything —
 * no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, service worker or worker script
 * other than its grading worker, whose script is the bundle's own source (a blob: URL made from the
 * function app.js is: web/grading-thread.ts), so it holds no way either.
 * (The simulated HTTP calls are answered by MSW's getResponse inside the page.) Reads the built
 * bundle: run `npm run build` first.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

const SENDERS = /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bserviceWorker\b|\bimportScripts\b|\bnew (?:Shared)?Worker\(|\bRTCPeerConnection\b|\bWebTransport\b/g;

/** The one worker the page makes: from a blob: URL of its own script's function, nothing fetched. */
const OWN_WORKER = /URL\.createObjectURL\(new Blob\(\[`\(\$\{flowgradeSelfCheck\.toString\(\)\}\)\(\)`\],\{type:"text\/javascript"\}\)\),(?:\w+=)?new Worker\(this\.url\)/;

test('the page\'s bundle has no way to send a request; its one worker runs the bundle itself', () => {
  const bundle = readFileSync(path.join(ROOT, 'dist', 'web', 'app.js'), 'utf8');
  expect(bundle.match(new RegExp(OWN_WORKER.source, 'g')), 'the grading worker, made once from the bundle\'s own source').toHaveLength(1);
  expect(bundle.startsWith('function flowgradeSelfCheck(){'), 'the bundle is the function the worker runs').toBe(true);
  const found = [...bundle.replace(OWN_WORKER, '').matchAll(SENDERS)].map((m) => `${m[0]} in …${bundle.slice(Math.max(0, m.index! - 60), m.index! + 40)}…`);
  expect(found).toEqual([]);
});

test('the pattern finds each way to send', () => {
  const samples = ['fetch(url)', 'new XMLHttpRequest()', 'new WebSocket(u)', 'new EventSource(u)', 'navigator.sendBeacon(u, d)', 'navigator.serviceWorker.register(s)', 'importScripts(u)', 'new Worker(u)', 'new SharedWorker(u)', 'new RTCPeerConnection()', 'new WebTransport(u)'];
  expect(samples.filter((sample) => !new RegExp(SENDERS.source).test(sample))).toEqual([]);
  expect(new RegExp(SENDERS.source).test('prefetch(x); const fetched = 1; worker(); getResponse(handlers, request)')).toBe(false);
});
