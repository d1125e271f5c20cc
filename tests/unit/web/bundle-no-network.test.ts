/**
 * Nothing is uploaded (docs/web.md): besides the page's Content-Security-Policy (no connect-src) and
 * the browser tests that watch every request, the bundle itself holds no way to send anything —
 * no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, service worker or worker script.
 * (The simulated HTTP calls are answered by MSW's getResponse inside the page.) Reads the built
 * bundle: run `npm run build` first.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

const SENDERS = /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bserviceWorker\b|\bimportScripts\b|\bnew (?:Shared)?Worker\(|\bRTCPeerConnection\b|\bWebTransport\b/g;

test('the page\'s bundle has no way to send a request', () => {
  const bundle = readFileSync(path.join(ROOT, 'dist', 'web', 'app.js'), 'utf8');
  const found = [...bundle.matchAll(SENDERS)].map((m) => `${m[0]} in …${bundle.slice(Math.max(0, m.index! - 60), m.index! + 40)}…`);
  expect(found).toEqual([]);
});

test('the pattern finds each way to send', () => {
  const samples = ['fetch(url)', 'new XMLHttpRequest()', 'new WebSocket(u)', 'new EventSource(u)', 'navigator.sendBeacon(u, d)', 'navigator.serviceWorker.register(s)', 'importScripts(u)', 'new Worker(u)', 'new SharedWorker(u)', 'new RTCPeerConnection()', 'new WebTransport(u)'];
  expect(samples.filter((sample) => !new RegExp(SENDERS.source).test(sample))).toEqual([]);
  expect(new RegExp(SENDERS.source).test('prefetch(x); const fetched = 1; worker(); getResponse(handlers, request)')).toBe(false);
});
