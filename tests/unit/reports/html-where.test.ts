/**
 * A failed check's Where links to its activity in the drawing of its tab: the report runs no
 * script, so a fragment link is how it brings an activity beyond the drawing's edge (GET_CBID,
 * SetGetResult, SimulateGlobalError in the reference flow's 2,560-px Main Flow) into sight.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { renderHtmlReport, renderReportBody } from '../../../reports/html.js';
import { failedReport } from './sample-reports.js';
import { shown } from './shown.js';

/** Each Where of the report: its text, and the fragment it links to (undefined: plain text). */
function wheres(html: string): { text: string; href?: string }[] {
  return [...html.matchAll(/<dt>Where<\/dt><dd>(.*?)<\/dd>/g)].map(([, dd]) => {
    const link = /^<a class="fg-where" href="([^"]*)">(.*?)<span class="fg-sr">[^<]*<\/span><\/a>$/.exec(dd);
    return link ? { text: link[2], href: link[1] } : { text: dd };
  });
}

/** The id of the drawn activity `activityId` in the drawing whose ids start with `prefix` (undefined: it has none). */
function nodeId(html: string, prefix: 'fg-main' | 'fg-events', activityId: string): string | undefined {
  const svg = html.slice(html.indexOf(`aria-labelledby="${prefix}-title"`), html.indexOf('</svg>', html.indexOf(`aria-labelledby="${prefix}-title"`)));
  const node = [...svg.matchAll(/<g class="node[^"]*"( id="([^"]*)")? data-id="([^"]*)">/g)].find((m) => m[3] === activityId);
  if (!node) throw new Error(`no node ${activityId} in ${prefix}`);
  return node[2];
}

function allIds(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
}

function withCheck(report: GradeReport, id: string, change: Partial<GradeReport['checks'][number]>): GradeReport {
  return { ...report, checks: report.checks.map((c) => (c.id === id ? { ...c, ...change } : c)) };
}

test('a failed check’s Where links to its activity’s box in the Main Flow drawing, which alone has that id', () => {
  const html = shown(renderHtmlReport(failedReport()));
  expect(wheres(html)).toEqual([
    { text: 'GET_CBID, on the Main Flow tab', href: '#fg-main-node-get' },
    { text: 'SimulateGlobalError, on the Main Flow tab', href: '#fg-main-node-sim' },
  ]);
  expect(nodeId(html, 'fg-main', 'get')).toBe('fg-main-node-get');
  expect(nodeId(html, 'fg-main', 'sim')).toBe('fg-main-node-sim');
  expect(html).toContain('<g class="node executed failing" id="fg-main-node-sim" data-id="sim">');
  // Only the activities a Where can name get an id: the report stays small.
  expect(nodeId(html, 'fg-main', 'menu')).toBeUndefined();
  expect(nodeId(html, 'fg-events', 'cond')).toBeUndefined();
  const ids = allIds(html);
  expect(ids.length).toBe(new Set(ids).size);
  // Said to a screen reader: where the link goes.
  expect(html).toContain('SimulateGlobalError, on the Main Flow tab<span class="fg-sr"> (in the drawing of your flow)</span></a>');
});

test('an activity on the Event Flows tab is linked in the Event Flows drawing', () => {
  const report = withCheck(failedReport(), 'simulate-error-value-fails', { activity: 'HTTPStatusCode', pointer: '/eventFlows/eventsMap/GLOBAL_EVENTS/process/activities/cond' });
  const html = shown(renderReportBody(report));
  expect(wheres(html)[1]).toEqual({ text: 'HTTPStatusCode, on the Event Flows tab', href: '#fg-events-node-cond' });
  expect(nodeId(html, 'fg-events', 'cond')).toBe('fg-events-node-cond');
  // An id drawn in both tabs (an edited export): linked in the drawing of the tab the check names, each id still unique.
  const twice = { ...report, flow: { ...report.flow!, main: { ...report.flow!.main, nodes: [...report.flow!.main.nodes, { id: 'cond', label: 'Other', type: 'set-variable' }] } } };
  const both = shown(renderReportBody(twice));
  expect(wheres(both)[1].href).toBe('#fg-events-node-cond');
  expect(nodeId(both, 'fg-events', 'cond')).toBe('fg-events-node-cond');
  expect(nodeId(both, 'fg-main', 'cond')).toBe('fg-main-node-cond');
  expect(allIds(both).length).toBe(new Set(allIds(both)).size);
});

test('a hostile activity id: the link and the id are letters, digits, - and _ only, distinct for ids a plain escape would merge, and they match', () => {
  const hostile = ['"><script>alert(1)</script>', 'a b', 'a_20_b', 'a\u202Eb', 'caf\u00e9 \ud800', '#fg-check-x', ''];
  const base = failedReport();
  const rename = (id: string) => (id === 'get' ? hostile[0] : id === 'sim' ? hostile[1] : id);
  const main = {
    nodes: [...base.flow!.main.nodes.map((n) => ({ ...n, id: rename(n.id) })), ...hostile.slice(2).map((id, i) => ({ id, label: `Extra ${i}`, type: 'set-variable' }))],
    edges: base.flow!.main.edges.map((e) => ({ ...e, from: rename(e.from), to: rename(e.to) })),
  };
  const pointer = (id: string) => `/process/activities/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const report: GradeReport = {
    ...base,
    flow: { ...base.flow!, main },
    checks: [
      ...base.checks.map((c) => (c.pointer === '/process/activities/get' ? { ...c, pointer: pointer(hostile[0]) } : c.pointer === '/process/activities/sim' ? { ...c, pointer: pointer(hostile[1]) } : c)),
      ...hostile.slice(2).map((id, i) => ({ ...base.checks[3], id: `extra-${i}`, title: `Extra ${i}`, activity: `Extra ${i}`, pointer: pointer(id) })),
    ],
  };
  const html = renderReportBody(report);
  const links = wheres(html).map((w) => w.href!);
  expect(links).toHaveLength(hostile.length);
  for (const href of links) expect(href).toMatch(/^#fg-main-node-[A-Za-z0-9_-]*$/);
  expect(new Set(links).size).toBe(hostile.length);
  const ids = allIds(html);
  expect(ids.length).toBe(new Set(ids).size);
  for (const href of links) expect(ids.filter((id) => `#${id}` === href)).toHaveLength(1);
  expect(html).not.toContain('<script');
});

test('no link for an activity that is not drawn (a missing activity, or a label two activities share)', () => {
  const missing = withCheck(failedReport(), 'simulate-error-value-fails', { activity: 'SimulateGlobalError', pointer: undefined });
  missing.flow = { ...missing.flow!, main: { ...missing.flow!.main, nodes: missing.flow!.main.nodes.filter((n) => n.id !== 'sim') } };
  expect(wheres(shown(renderReportBody(missing)))[1]).toEqual({ text: 'SimulateGlobalError' });
  const ambiguous = withCheck(failedReport(), 'simulate-error-value-fails', { activity: 'EndFlow', pointer: '/process/activities/gone' });
  ambiguous.flow = { ...ambiguous.flow!, main: { ...ambiguous.flow!.main, nodes: ambiguous.flow!.main.nodes.map((n) => (n.id === 'end1' || n.id === 'disc' ? { ...n, label: 'EndFlow' } : n)) } };
  const html = shown(renderReportBody(ambiguous));
  expect(wheres(html)[1]).toEqual({ text: 'EndFlow, on the Main Flow tab' });
  expect(html).not.toContain('href="#fg-main-node-end1"');
  // A report without a drawing (none in the report): the Where as text.
  expect(wheres(shown(renderReportBody({ ...failedReport(), flow: undefined })))).toEqual([{ text: 'GET_CBID, on the Main Flow tab' }, { text: 'SimulateGlobalError, on the Main Flow tab' }]);
});

test('a passed check’s activity is neither marked failing nor given an id: only a failed or errored check’s Where links', () => {
  const base = failedReport();
  const passedAtMenu = { ...base.checks.find((c) => c.status === 'failed')!, id: 'menu-ok', title: 'Menu ok', status: 'passed' as const, activity: 'WantCallback', pointer: '/process/activities/menu' };
  const html = shown(renderReportBody({ ...base, checks: [...base.checks, passedAtMenu] }));
  expect(nodeId(html, 'fg-main', 'menu')).toBeUndefined();
  expect(html).not.toMatch(/<g class="[^"]*failing[^"]*"[^>]* data-id="menu">/);
  expect(nodeId(html, 'fg-main', 'get')).toBe('fg-main-node-get');
});
