/**
 * The flow drawing's rules that the cases in svg.test.ts did not hold (mutation sweep of the HTML
 * side): which edges a call took, which activities a failing check marks, and how a drawing is
 * laid out and drawn at the edges of its rules.
 */
import { test, expect } from '@playwright/test';
import type { CheckResult, DrawingGraph, GradeReport } from '../../../engine/report.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { pointerOf } from '../../../engine/pointer.js';
import { activityTypeName, edgeKey, executedPath, failingActivities } from '../../../reports/drawing.js';
import { boundReport } from '../../../reports/bounds.js';
import { renderHtmlReport } from '../../../reports/html.js';
import { renderFlowSvg } from '../../../reports/svg.js';
import { CANVAS_REACH, canvasUsable, layoutFlow, NODE_WIDTH } from '../../../reports/svg-layout.js';
import { eventGraph, failedReport, mainGraph } from './sample-reports.js';
import { findAll, parseXml, type XmlNode } from './xml-check.js';

const step = (activityId: string, outcome: string): TraceEntry => ({ flow: 'main', activity: activityId, activityId, type: 'set-variable', outcome, modifiedVariables: {} });

test('an exit counts as taken only when the trace goes on to the activity it links to', () => {
  // WantCallback left by 3, but the next step is EndFlow_p88 (the call went on elsewhere, e.g. a
  // global error raised there): the link 3 → GET_CBID was not taken.
  const path = executedPath([step('start', 'out'), step('menu', '3'), step('end1', 'end')], [mainGraph()]);
  expect([...path.edges]).toEqual([edgeKey('start', 'out')]);
});

/** The failed report with its checks replaced by `checks`. */
function withChecks(...checks: Partial<CheckResult>[]): GradeReport {
  const report = failedReport();
  const base = report.checks.find((c) => c.id === 'simulate-error-value-fails')!;
  return { ...report, checks: checks.map((c, i) => ({ ...base, id: `c${i}`, pointer: undefined, activity: undefined, ...c })) };
}

test('only a failed or errored check marks an activity: not one passed, not judged or not checkable that points at it', () => {
  const report = withChecks(
    { status: 'passed', pointer: '/process/activities/get' },
    { status: 'skipped', pointer: '/process/activities/setget' },
    { status: 'info', severity: 'info', pointer: '/process/activities/menu' },
    { status: 'errored', pointer: '/process/activities/disc' },
    { status: 'failed', pointer: '/process/activities/sim' },
  );
  expect([...failingActivities(report)].sort()).toEqual(['disc', 'sim']);
});

test('a pointer to an activity the drawings do not have falls back to the check’s activity label', () => {
  const report = withChecks({ status: 'failed', pointer: '/process/activities/not-drawn/properties', activity: 'SimulateGlobalError' });
  expect([...failingActivities(report)]).toEqual(['sim']);
});

test('a label two activities share marks neither of them', () => {
  const report = withChecks({ status: 'failed', activity: 'Twin' });
  report.flow!.main.nodes.find((n) => n.id === 'get')!.label = 'Twin';
  report.flow!.events.nodes.find((n) => n.id === 'api')!.label = 'Twin';
  expect([...failingActivities(report)]).toEqual([]);
});

test('an activity id holding ~ and / is found from its JSON pointer (~01 is ~1, not /)', () => {
  for (const id of ['a~1b', 'a/b', '~0~']) {
    const report = withChecks({ status: 'failed', pointer: pointerOf(['process', 'activities', id, 'properties']) });
    report.flow!.main.nodes.push({ id, label: `Label of ${id}`, type: 'set-variable' });
    expect([...failingActivities(report)], id).toEqual([id]);
  }
});

test('an activity type named like an Object member is shown as exported, not as that member', () => {
  for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(activityTypeName(type)).toBe(type);
  const graph: DrawingGraph = { nodes: [{ id: 'a', label: 'A', type: 'constructor', position: { x: 0, y: 0 } }], edges: [] };
  expect(renderFlowSvg(graph, { executed: new Set(), failing: new Set(), title: 'Main flow' })).toContain('<title>A (constructor)</title>');
});

/** Each node's and edge's <g>, by data-id or exit label. */
function parts(svg: string): { nodes: Map<string, XmlNode>; edges: Map<string, XmlNode> } {
  const groups = findAll(parseXml(svg), 'g');
  const nodes = new Map(groups.filter((g) => g.attributes.class?.startsWith('node')).map((g) => [g.attributes['data-id'], g]));
  const edges = new Map(groups.filter((g) => g.attributes.class?.startsWith('edge')).map((g) => [g.children[1].text, g]));
  return { nodes, edges };
}
const child = (g: XmlNode, name: string) => g.children.find((c) => c.name === name)!;

test('the drawing stands alone: the path is blue and thick, a failing activity red and dashed with a ✗ badge, in its own attributes', () => {
  const report = failedReport();
  const path = executedPath([step('start', 'out'), step('menu', '3'), step('get', 'default')], [report.flow!.main]);
  const svg = renderFlowSvg(report.flow!.main, { executed: path.nodes, executedEdges: path.edges, failing: new Set(['get', 'sim']), title: 'Main flow' });
  const { nodes, edges } = parts(svg);
  const look = (g: XmlNode, name: string) => {
    const { fill, stroke, 'stroke-width': width, 'stroke-dasharray': dashes } = child(g, name).attributes;
    return { fill, stroke, width, dashes };
  };
  expect(look(edges.get('3')!, 'path')).toEqual({ fill: 'none', stroke: '#0969da', width: '3', dashes: undefined });
  expect(child(edges.get('3')!, 'text').attributes.fill).toBe('#0969da');
  expect(look(edges.get('No-Input Timeout')!, 'path')).toEqual({ fill: 'none', stroke: '#6e7781', width: '1.5', dashes: undefined });
  expect(child(edges.get('No-Input Timeout')!, 'text').attributes.fill).toBe('#57606a');
  expect(look(nodes.get('menu')!, 'rect')).toEqual({ fill: '#ddf4ff', stroke: '#0969da', width: '3', dashes: undefined });
  expect(look(nodes.get('end1')!, 'rect')).toEqual({ fill: '#fff', stroke: '#6e7781', width: '1.5', dashes: undefined });
  // Failing wins over executed (GET_CBID), and marks one not on the path too (SimulateGlobalError).
  for (const id of ['get', 'sim']) {
    expect(look(nodes.get(id)!, 'rect'), id).toEqual({ fill: '#ffebe9', stroke: '#cf222e', width: '3', dashes: '7 3' });
    expect(findAll(nodes.get(id)!, 'circle'), id).toHaveLength(1);
  }
  expect(child(nodes.get('get')!, 'title').text).toBe('GET_CBID (HTTP Request) — executed, has a failing check');
  expect(child(nodes.get('sim')!, 'title').text).toBe('SimulateGlobalError (Set Variable) — has a failing check');
  expect(child(nodes.get('menu')!, 'title').text).toBe('WantCallback (Menu) — executed');
  expect(child(nodes.get('end1')!, 'title').text).toBe('EndFlow_p88 (End Flow)');
});

test('a label is cut at 19 characters, not UTF-16 units, and sooner when wider than its box, keeping its start and its end: emoji are never split', () => {
  const labels = ['SimulateGlobalError', 'DisconnectContact_g9e', '😀'.repeat(19), '😀'.repeat(20)];
  const graph: DrawingGraph = { nodes: labels.map((label, i) => ({ id: `n${i}`, label, type: 'play-message', position: { x: i * 300, y: 0 } })), edges: [] };
  const svg = renderFlowSvg(graph, { executed: new Set(), failing: new Set(), title: 'Main flow' });
  const shownLabels = [...parts(svg).nodes.values()].map((g) => g.children.find((c) => c.attributes.class === 'label')!.text);
  // 19 emoji are some 300 px wide: they ran over the 180-px box (tests/browser/drawing-labels.test.ts).
  // Cut in the middle: the end that tells DisconnectContact_g9e from DisconnectContact_3zq stays.
  expect(shownLabels).toEqual(['SimulateGlobalError', 'DisconnectCont…_g9e', `${'😀'.repeat(5)}…${'😀'.repeat(4)}`, `${'😀'.repeat(5)}…${'😀'.repeat(4)}`]);
});

test('links sharing both ends (a Condition’s True and False to one EndFlow) are drawn apart', () => {
  const { edges } = parts(renderFlowSvg(eventGraph(), { executed: new Set(), failing: new Set(), title: 'Event flows' }));
  const d = (exit: string) => child(edges.get(exit)!, 'path').attributes.d;
  expect(d('True')).not.toBe(d('False'));
});

const box = (id: string, type: string, position?: { x: number; y: number }) => ({ id, label: id, type, ...(position ? { position } : {}) });
const link = (from: string, to: string, exit = 'out') => ({ from, to, exit });

test('canvas positions are used when more than half the activities have one: exactly half is not enough', () => {
  const graph = (positioned: number): DrawingGraph => ({ nodes: ['a', 'b', 'c', 'd'].map((id, i) => box(id, 'play-message', i < positioned ? { x: i * 300, y: 100 } : undefined)), edges: [] });
  expect(canvasUsable(graph(2))).toBe(false);
  expect(canvasUsable(graph(3))).toBe(true);
});

test('a flow of one activity is drawn where its canvas has it', () => {
  const layout = layoutFlow({ nodes: [box('only', 'NewPhoneContact', { x: 500, y: 300 })], edges: [] });
  expect(layout.source).toBe('canvas');
  expect(layout.at.get('only')).toEqual({ x: 500, y: 300 });
});

test('a canvas moved far to the left or above its origin (beyond CANVAS_REACH) is laid out instead, as one moved right or down is', () => {
  const moved = (dx: number, dy: number): DrawingGraph => {
    const graph = mainGraph();
    graph.nodes.forEach((node) => (node.position = { x: node.position!.x + dx, y: node.position!.y + dy }));
    return graph;
  };
  for (const graph of [moved(-1e15, 0), moved(0, -1e15), moved(-CANVAS_REACH - 100, 0), moved(0, -CANVAS_REACH - 100)]) expect(canvasUsable(graph)).toBe(false);
  expect(canvasUsable(moved(-CANVAS_REACH + 100, -CANVAS_REACH + 100))).toBe(true);
});

test('activities without a canvas position go side by side in the row under the drawing, not on top of each other', () => {
  const graph = mainGraph();
  delete graph.nodes[5].position; // DisconnectContact_g9e
  delete graph.nodes[6].position; // EndFlow_p88
  const at = layoutFlow(graph).at;
  expect(at.get('end1')!.y).toBe(at.get('disc')!.y);
  expect(at.get('end1')!.x - at.get('disc')!.x).toBe(NODE_WIDTH + 60);
});

test('computed layout: an activity only its own loop links to starts a column, as one nothing links to does', () => {
  // A menu looping on itself (No-Input Timeout) that nothing else links to, then GET_CBID: GET_CBID is in
  // the next column, not three columns on behind the other entry's chain.
  const graph: DrawingGraph = {
    nodes: [box('e', 'play-message'), box('c', 'play-message'), box('d', 'play-message'), box('menu', 'ivr-menu'), box('get', 'http-request-v2')],
    edges: [link('e', 'c'), link('c', 'd'), link('d', 'get'), link('menu', 'menu', 'timeout'), link('menu', 'get', '3')],
  };
  const at = layoutFlow(graph).at;
  expect(at.get('menu')!.x).toBe(0);
  expect(at.get('get')!.x).toBe(at.get('c')!.x);
});

test('computed layout: the start and event activities start the first column even when something links back to them', () => {
  for (const type of ['NewPhoneContact', 'event']) {
    const graph: DrawingGraph = { nodes: [box('again', 'play-message'), box('start', type)], edges: [link('start', 'again'), link('again', 'start')] };
    const at = layoutFlow(graph).at;
    expect(at.get('start'), type).toEqual({ x: 0, y: 0 });
    expect(at.get('again')!.x, type).toBeGreaterThan(0);
  }
});

test('an activity label or a Case\'s match value over the report\'s bound of 200 characters keeps its real end on the drawing, not the end of the cut text\'s "… (297 characters)"', () => {
  const label = `Very_long_label_${'x'.repeat(271)}_Music_3zq`; // 297 characters
  const value = `AMD_${'y'.repeat(280)}_machine`;
  const report = failedReport();
  const main = mainGraph();
  main.nodes[3] = { ...main.nodes[3], label }; // SetGetResult
  main.edges = [...main.edges, { from: 'menu', to: 'disc', exit: '0', label: value }];
  report.flow = { ...report.flow!, main };
  const texts = (html: string) => [...html.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!.replace(/&#8230;/g, '…'));
  // Bounded as every output shows a report, and read back from its JSON (merge's shards) and bounded again.
  const bounded = boundReport(report);
  expect(bounded.flow!.main.nodes[3]).toMatchObject({ label: `${label.slice(0, 200)}… (${label.length} characters)`, labelEnd: label.slice(-24) });
  expect(bounded.flow!.main.edges.at(-1)!.labelEnd).toBe(value.slice(-24));
  for (const [name, html] of [['bounded', renderHtmlReport(report)], ['read back', renderHtmlReport(JSON.parse(JSON.stringify(bounded)) as GradeReport)]]) {
    const shown = texts(html);
    expect(shown.find((text) => text.startsWith('Very_long')), name).toBe('Very_long_labe…_3zq'); // as the whole label's box reads: its start, and its end from a word
    expect(shown.find((text) => text.startsWith('AMD_')), name).toMatch(/^AMD_y+…_machine$/);
    expect(shown.filter((text) => text.includes('characters)')), name).toEqual([]);
  }
});
