/** The flow drawing: layout, highlighting, escaping, determinism. */
import { test, expect } from '@playwright/test';
import type { DrawingGraph } from '../../../engine/report.js';
import { edgeKey, executedPath, failingActivities } from '../../../reports/drawing.js';
import { renderFlowSvg } from '../../../reports/svg.js';
import { CANVAS_REACH, CANVAS_SPAN, canvasUsable, layoutFlow, NODE_HEIGHT, NODE_WIDTH } from '../../../reports/svg-layout.js';
import { parseXml, findAll, type XmlNode } from './xml-check.js';
import { brokenTrace, eventGraph, failedReport, HOSTILE, hostileReport, mainGraph } from './sample-reports.js';

const NONE = { executed: new Set<string>(), failing: new Set<string>(), title: 'Main flow' };

/** The <rect> of each activity box, by activity id. */
function boxes(svg: string): Map<string, { x: number; y: number }> {
  const root = parseXml(svg);
  const nodes = findAll(root, 'g').filter((g) => g.attributes.class?.split(' ').includes('node'));
  return new Map(nodes.map((g) => [g.attributes['data-id'], { x: Number(rect(g).attributes.x), y: Number(rect(g).attributes.y) }]));
}
const rect = (g: XmlNode) => g.children.find((c) => c.name === 'rect')!;
const classOf = (svg: string, id: string) => findAll(parseXml(svg), 'g').find((g) => g.attributes['data-id'] === id)?.attributes.class;

test('canvas positions are used when most activities have one', () => {
  const at = boxes(renderFlowSvg(mainGraph(), NONE));
  expect(at.get('start')).toEqual({ x: 60, y: 80 });
  expect(at.get('sim')).toEqual({ x: 1100, y: 200 });
  expect(layoutFlow(mainGraph()).source).toBe('canvas');
});

test('a link is labelled by its label where it has one (a Case\'s match value), else by its exit as the canvas names it', () => {
  const graph: DrawingGraph = {
    nodes: [{ id: 'c', label: 'Case', type: 'case-statement' }, { id: 'v', label: 'VoiceMail', type: 'play-message' }, { id: 'e', label: 'Errors', type: 'play-message' }],
    edges: [{ from: 'c', to: 'v', exit: '0', label: 'AMD' }, { from: 'c', to: 'e', exit: 'error' }],
  };
  const texts = findAll(parseXml(renderFlowSvg(graph, { executed: new Set(), failing: new Set(), title: 't' })), 'text').map((t) => t.text);
  expect(texts).toEqual(expect.arrayContaining(['AMD', 'Undefined Error']));
  expect(texts).not.toContain('0');
  // A match value is the attendee's text: cut in its middle to a box's width, as the boxes' labels are.
  const long = renderFlowSvg({ ...graph, edges: [{ from: 'c', to: 'v', exit: '0', label: `AMD${'x'.repeat(5000)}END` }] }, { executed: new Set(), failing: new Set(), title: 't' });
  const cut = findAll(parseXml(long), 'text').map((t) => t.text).find((text) => text.startsWith('AMD'))!;
  expect(cut).toMatch(/^AMDx+…x*END$/);
  expect(cut.length).toBeLessThanOrEqual(24);
});

test('activities without a position go in a row under the canvas drawing', () => {
  const graph = mainGraph();
  delete graph.nodes[6].position; // EndFlow_p88
  const at = boxes(renderFlowSvg(graph, NONE));
  expect(at.get('start')).toEqual({ x: 60, y: 80 });
  expect(at.get('end1')!.y).toBeGreaterThan(220 + NODE_HEIGHT);
  expect(at.get('end1')!.x).toBe(60);
});

test('without usable positions (none, too few, all on one point) a layered layout, left to right from the entry', () => {
  const stacked = mainGraph();
  stacked.nodes.forEach((node) => (node.position = { x: 0, y: 0 }));
  const few = mainGraph(false);
  few.nodes[0].position = { x: 5, y: 5 };
  for (const graph of [mainGraph(false), stacked, few]) {
    expect(canvasUsable(graph)).toBe(false);
    const at = boxes(renderFlowSvg(graph, NONE));
    const column = (id: string) => at.get(id)!.x / (at.get('menu')!.x - at.get('start')!.x);
    expect(at.get('start')).toEqual({ x: 0, y: 0 });
    expect([column('start'), column('menu'), column('get'), column('setget'), column('sim'), column('disc')]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(column('end1')).toBe(2); // WantCallback → timeout → EndFlow_p88, beside GET_CBID
    expect(at.get('end1')!.y).not.toBe(at.get('get')!.y);
  }
  // Event flows: every event node starts a row in the first column.
  const events = eventGraph();
  events.nodes.push({ id: 'onend', label: 'ContactEnded', type: 'event' });
  events.nodes.forEach((node) => delete node.position);
  const at = layoutFlow(events).at;
  expect(at.get('onerr')!.x).toBe(0);
  expect(at.get('onend')!.x).toBe(0);
  expect(at.get('api')!.x).toBeGreaterThan(NODE_WIDTH);
});

test('a canvas wider or taller than CANVAS_SPAN, or beyond CANVAS_REACH, is laid out instead: the drawing stays finite and small', () => {
  const moved = (move: (p: { x: number; y: number }, i: number) => void) => {
    const graph = mainGraph();
    graph.nodes.forEach((node, i) => move(node.position!, i));
    return graph;
  };
  const viewBox = (graph: DrawingGraph) => /viewBox="([^"]*)" width="([^"]*)" height="([^"]*)"/.exec(renderFlowSvg(graph, NONE))!.slice(1).flatMap((v) => v.split(' ').map(Number));
  const extreme = moved((p, i) => (p.x = i % 2 ? 1e308 : -1e308)); // finite, but their span is Infinity
  const far = moved((p, i) => i === 3 && (p.x = 5e7)); // one activity 50 km off
  const tall = moved((p, i) => i === 3 && (p.y = CANVAS_SPAN + 81)); // 80 is the lowest other y
  const away = moved((p) => (p.x += 1e15)); // a sane canvas, where a renderer's floats lose pixels
  for (const graph of [extreme, far, tall, away]) {
    expect(canvasUsable(graph)).toBe(false);
    expect(layoutFlow(graph).source).toBe('computed');
    const numbers = viewBox(graph);
    for (const v of numbers) expect(Number.isFinite(v), numbers.join(' ')).toBe(true);
    expect(numbers[2]).toBeLessThan(2_000); // six columns of the computed layout
  }
  // On the bounds, still the attendee's own canvas.
  const widest = moved((p, i) => i === 3 && (p.x = 60 + CANVAS_SPAN)); // 60 is the leftmost other x
  const reaching = moved((p) => (p.x += CANVAS_REACH - 1360)); // 1360 is the rightmost x
  for (const graph of [widest, reaching]) expect(layoutFlow(graph).source).toBe('canvas');
  expect(viewBox(widest)[2]).toBe(CANVAS_SPAN + NODE_WIDTH + 2 * 40);
});

test('a cycle nothing leads into is still laid out', () => {
  const graph: DrawingGraph = { nodes: [{ id: 'a', label: 'A', type: 'play-music' }, { id: 'b', label: 'B', type: 'play-message' }], edges: [{ from: 'a', to: 'b', exit: 'default' }, { from: 'b', to: 'a', exit: 'default' }] };
  const at = layoutFlow(graph).at;
  expect(at.get('a')).toEqual({ x: 0, y: 0 });
  expect(at.get('b')!.x).toBeGreaterThan(0);
});

test('executed activities and edges are highlighted, failing activities marked', () => {
  const report = failedReport();
  const path = executedPath(brokenTrace(), [report.flow!.main]);
  expect([...path.nodes]).toEqual(['start', 'menu', 'get', 'setget', 'sim', 'disc']);
  expect(path.edges.has(edgeKey('menu', '3'))).toBe(true);
  expect(path.edges.has(edgeKey('menu', 'timeout'))).toBe(false);
  const failing = failingActivities(report);
  expect([...failing].sort()).toEqual(['get', 'sim']); // by pointer; the errored check points nowhere
  const svg = renderFlowSvg(report.flow!.main, { executed: path.nodes, executedEdges: path.edges, failing, title: 'Main flow' });
  expect(classOf(svg, 'sim')).toBe('node executed failing');
  expect(classOf(svg, 'menu')).toBe('node executed');
  expect(classOf(svg, 'end1')).toBe('node');
  const edges = findAll(parseXml(svg), 'g').filter((g) => g.attributes.class?.startsWith('edge'));
  // The others first, the path taken last: drawn over the boxes, never hidden behind one.
  expect(edges.map((g) => `${g.children[1].text}:${g.attributes.class}`)).toEqual(['No-Input Timeout:edge', 'out:edge executed', '3:edge executed', 'default:edge executed', 'out:edge executed', 'out:edge executed']);
  const order = findAll(parseXml(svg), 'g').map((g) => g.attributes.class);
  expect(order.indexOf('edge')).toBeLessThan(order.findIndex((c) => c?.startsWith('node'))); // an edge not taken lies under the boxes
  expect(order.findLastIndex((c) => c?.startsWith('node'))).toBeLessThan(order.indexOf('edge executed')); // the path taken over them
  expect(svg).toContain('marker-end="url(#fg-main-flow-arrow-executed)"');
  expect(findAll(parseXml(svg), 'circle')).toHaveLength(2); // the ✗ badges of the two failing activities
});

test('a failing activity\'s ✗ badge sits on its top right corner, or its top left when a link loops from it back to it (passing by that corner)', () => {
  // Before: always top right, over the loop a menu's Unmatched Entry draws, where a stuck call ends.
  const badgeAt = (graph: DrawingGraph, id: string) => {
    const node = findAll(parseXml(renderFlowSvg(graph, { ...NONE, failing: new Set([id]) })), 'g').find((g) => g.attributes['data-id'] === id)!;
    const circle = findAll(node, 'circle')[0];
    return Number(circle.attributes.cx) - Number(rect(node).attributes.x);
  };
  expect(badgeAt(mainGraph(), 'menu')).toBe(NODE_WIDTH);
  const looped = mainGraph();
  looped.edges.push({ from: 'menu', to: 'menu', exit: 'invalid' });
  expect(badgeAt(looped, 'menu')).toBe(0);
});

test('without executedEdges an edge counts as executed when both its ends are', () => {
  const svg = renderFlowSvg(eventGraph(), { executed: new Set(['onerr', 'api']), failing: new Set(), title: 'Event flows' });
  const classes = findAll(parseXml(svg), 'g').filter((g) => g.attributes.class?.startsWith('edge')).map((g) => g.attributes.class);
  expect(classes).toEqual(['edge', 'edge', 'edge', 'edge executed']);
});

test('a failing check is matched by label when its pointer names no activity', () => {
  const report = failedReport();
  report.checks = report.checks.map((c) => (c.id === 'simulate-error-value-fails' ? { ...c, pointer: '/process/links/4' } : c));
  expect(failingActivities(report).has('sim')).toBe(true);
});

test('a scaled viewBox around the drawing, an accessible title, well-formed, escaped', () => {
  const svg = renderFlowSvg(hostileReport().flow!.main, { ...NONE, title: HOSTILE });
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  const [x, y, width, height] = root.attributes.viewBox.split(' ').map(Number);
  expect(x).toBeLessThan(60);
  expect(y).toBeLessThan(40);
  expect(x + width).toBeGreaterThan(1360 + NODE_WIDTH);
  expect(y + height).toBeGreaterThan(220 + NODE_HEIGHT);
  expect(root.attributes.role).toBe('img');
  expect(findAll(root, 'title')[0].text).toBe(HOSTILE);
  expect(svg).not.toContain('<img');
  expect(svg).not.toContain('<script');
  expect(root.attributes['aria-labelledby']).toMatch(/^fg-[a-z0-9-]+-title$/); // ids are slugs, never raw export text
});

test('an empty graph still gives an <svg>', () => {
  const svg = renderFlowSvg({ nodes: [], edges: [] }, NONE);
  expect(parseXml(svg).name).toBe('svg');
  expect(svg).toContain('no activities');
});

test('deterministic: the same input gives the same bytes', () => {
  const render = () => renderFlowSvg(mainGraph(false), { executed: new Set(['start']), failing: new Set(['sim']), title: 'Main flow' });
  expect(render()).toBe(render());
});

test('loops from an activity to itself stay inside the drawing, however many there are', () => {
  const graph: DrawingGraph = {
    nodes: [{ id: 'menu', label: 'Menu', type: 'ivr-menu', position: { x: 100, y: 100 } }, { id: 'next', label: 'Next', type: 'play-message', position: { x: 400, y: 100 } }],
    edges: ['timeout', 'invalid', 'error'].map((exit) => ({ from: 'menu', to: 'menu', exit })),
  };
  const [, minY] = /viewBox="(-?[\d.]+) (-?[\d.]+)/.exec(renderFlowSvg(graph, NONE))!.slice(1).map(Number);
  const labelTops = [...renderFlowSvg(graph, NONE).matchAll(/<text x="[\d.]+" y="(-?[\d.]+)" text-anchor="middle" font-size="11"/g)].map((m) => Number(m[1]) - 11);
  expect(labelTops).toHaveLength(3);
  for (const top of labelTops) expect(top).toBeGreaterThanOrEqual(minY);
});

test('canvas boxes that would cover each other are moved apart, exact or a few pixels off', () => {
  const graph: DrawingGraph = {
    nodes: [
      { id: 'a', label: 'A', type: 'play-message', position: { x: 100, y: 100 } },
      { id: 'b', label: 'B', type: 'play-message', position: { x: 108, y: 104 } },
      { id: 'c', label: 'C', type: 'play-message', position: { x: 100, y: 100 } },
      { id: 'd', label: 'D', type: 'play-message', position: { x: 600, y: 100 } },
    ],
    edges: [],
  };
  const at = layoutFlow(graph).at;
  const boxesOf = [...at.values()];
  for (const [i, p] of boxesOf.entries()) {
    for (const q of boxesOf.slice(i + 1)) expect(Math.abs(p.x - q.x) >= NODE_WIDTH || Math.abs(p.y - q.y) >= NODE_HEIGHT, JSON.stringify([p, q])).toBe(true);
  }
  expect(at.get('a')).toEqual({ x: 100, y: 100 });
  expect(at.get('d')).toEqual({ x: 600, y: 100 });
});

/** Points along an SVG path of M, L and C commands (absolute), 20 per segment. */
function pathPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  let at = { x: 0, y: 0 };
  for (const [, command, args] of d.matchAll(/([MLC])([^MLC]*)/g)) {
    const v = args.trim().split(/[\s,]+/).map(Number);
    if (command === 'M') at = { x: v[0], y: v[1] };
    else if (command === 'L') {
      for (let i = 1; i <= 20; i++) points.push({ x: at.x + ((v[0] - at.x) * i) / 20, y: at.y + ((v[1] - at.y) * i) / 20 });
      at = { x: v[0], y: v[1] };
    } else {
      const [x1, y1, x2, y2, x, y] = v;
      for (let i = 1; i <= 20; i++) {
        const t = i / 20, u = 1 - t;
        points.push({ x: u * u * u * at.x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x, y: u * u * u * at.y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y });
      }
      at = { x, y };
    }
  }
  return points;
}

/** Whether a path runs through the activity box at `box` (its top left). */
function runsThrough(d: string, box: { x: number; y: number }): boolean {
  return pathPoints(d).some((p) => p.x > box.x && p.x < box.x + NODE_WIDTH && p.y > box.y && p.y < box.y + NODE_HEIGHT);
}

test('a link that would run straight through other activities on its row goes round them (OnGlobalError still linked to EndFlow)', () => {
  // The event flow as attendees leave it when they forget to delete OnGlobalError → EndFlow: the
  // HTTP Request and the Condition put between them on the canvas, the old link still taken.
  const graph: DrawingGraph = {
    nodes: [
      { id: 'ev', label: 'OnGlobalError', type: 'event', position: { x: 40, y: 80 } },
      { id: 'api', label: 'CallBackAPI_HTTPRequest', type: 'http-request-v2', position: { x: 340, y: 80 } },
      { id: 'cond', label: 'HTTPStatusCode', type: 'condition-activity', position: { x: 640, y: 80 } },
      { id: 'end', label: 'EndFlow_kid', type: 'end', position: { x: 940, y: 80 } },
    ],
    edges: [
      { from: 'ev', to: 'end', exit: 'out' },
      { from: 'api', to: 'cond', exit: 'default' },
      { from: 'cond', to: 'end', exit: 'true' },
    ],
  };
  const svg = renderFlowSvg(graph, { executed: new Set(['ev', 'end']), executedEdges: new Set([edgeKey('ev', 'out')]), failing: new Set(), title: 'Event flows' });
  const at = boxes(svg);
  const edges = findAll(parseXml(svg), 'g').filter((g) => g.attributes.class?.startsWith('edge'));
  const taken = edges.find((g) => g.attributes.class === 'edge executed')!;
  expect(['api', 'cond'].filter((id) => runsThrough(taken.children[0].attributes.d, at.get(id)!))).toEqual([]);
  // Its exit label no longer lies on the label of the link between the two it passed.
  const label = (g: XmlNode) => ({ x: Number(g.children[1].attributes.x), y: Number(g.children[1].attributes.y) });
  const other = label(edges.find((g) => g.children[1].text === 'default')!);
  const mine = label(taken);
  expect(Math.abs(mine.x - other.x) > 40 || Math.abs(mine.y - other.y) > 12).toBe(true);
  // The links between neighbours stay as they were: a curve straight across.
  expect(edges.find((g) => g.children[1].text === 'default')!.children[0].attributes.d).toBe('M520,105 C580,105 580,105 640,105');
  // The drawing grows upwards to hold the way round.
  const [minX, minY] = findAll(parseXml(svg), 'svg')[0].attributes.viewBox.split(' ').map(Number);
  expect(minX).toBeLessThanOrEqual(0);
  expect(Math.min(...pathPoints(taken.children[0].attributes.d).map((p) => p.y))).toBeGreaterThanOrEqual(minY);
});

test('a link that would run through an activity it does not connect, off its row, bows round it; one that no small bow clears is drawn as it was', () => {
  // The reference flow's canvas: WantCallback's Undefined Error to EndFlow_vb9, down and right,
  // straight through GET_CBID (it seemed to leave GET_CBID); Music's through PlayMessage_q1d.
  const graph: DrawingGraph = {
    nodes: [
      { id: 'want', label: 'WantCallback', type: 'ivr-menu', position: { x: 860, y: 120 } },
      { id: 'get', label: 'GET_CBID', type: 'http-request-v2', position: { x: 1160, y: 460 } },
      { id: 'music', label: 'Music', type: 'play-music', position: { x: 860, y: 780 } },
      { id: 'play', label: 'PlayMessage_q1d', type: 'play-message', position: { x: 1160, y: 920 } },
      { id: 'end', label: 'EndFlow_vb9', type: 'end', position: { x: 1460, y: 940 } },
      // In one column: Hours over ToSalesEP over Sorry, Hours linked to Sorry.
      { id: 'hours', label: 'Hours', type: 'business-hours', position: { x: 2000, y: 40 } },
      { id: 'sales', label: 'ToSalesEP', type: 'goto', position: { x: 2000, y: 130 } },
      { id: 'sorry', label: 'Sorry', type: 'play-message', position: { x: 2000, y: 220 } },
    ],
    edges: [
      { from: 'want', to: 'get', exit: '3' },
      { from: 'want', to: 'end', exit: 'error' },
      { from: 'music', to: 'end', exit: 'error' },
      { from: 'music', to: 'play', exit: 'default' },
      { from: 'hours', to: 'sorry', exit: 'error' },
    ],
  };
  const svg = renderFlowSvg(graph, NONE);
  const at = boxes(svg);
  const edges = findAll(parseXml(svg), 'g').filter((g) => g.attributes.class?.startsWith('edge'));
  const through = (d: string, id: string) => runsThrough(d, at.get(id)!);
  const path = (from: string, to: string) => {
    const [start, end] = [at.get(from)!, at.get(to)!];
    return edges.map((g) => g.children[0].attributes.d).find((d) => d.startsWith(`M${start.x + NODE_WIDTH},${start.y + NODE_HEIGHT / 2}`) || d.startsWith(`M${start.x + NODE_WIDTH / 2},${start.y + NODE_HEIGHT}`) ? d.endsWith(`${end.x},${end.y + NODE_HEIGHT / 2}`) || d.endsWith(`${end.x + NODE_WIDTH / 2},${end.y}`) : false)!;
  };
  expect(['get', 'play'].filter((id) => through(path('want', 'end'), id))).toEqual([]);
  expect(['get', 'play'].filter((id) => through(path('music', 'end'), id))).toEqual([]);
  // Wholly inside the drawing.
  const [minX, minY, width, height] = findAll(parseXml(svg), 'svg')[0].attributes.viewBox.split(' ').map(Number);
  for (const d of edges.map((g) => g.children[0].attributes.d)) for (const p of pathPoints(d)) expect(p.x >= minX && p.x <= minX + width && p.y >= minY && p.y <= minY + height).toBe(true);
  // A bow of a few boxes' width would not clear ToSalesEP between its two ends: drawn straight down, as before.
  expect(path('hours', 'sorry')).toBe('M2090,90 C2090,155 2090,155 2090,220');
});

test('a drawing far more crowded than any real flow keeps its last links as they are (the work of taking links round activities is bounded), the same every time', () => {
  // WantCallback's Undefined Error through GET_CBID, as in the test above, far right of the rest.
  const probe: DrawingGraph = {
    nodes: [
      { id: 'want', label: 'WantCallback', type: 'ivr-menu', position: { x: 16_860, y: 120 } },
      { id: 'get', label: 'GET_CBID', type: 'http-request-v2', position: { x: 17_160, y: 460 } },
      { id: 'end', label: 'EndFlow_vb9', type: 'end', position: { x: 17_460, y: 940 } },
    ],
    edges: [{ from: 'want', to: 'end', exit: 'error' }],
  };
  const probePath = (svg: string) => findAll(parseXml(svg), 'g').find((g) => g.attributes.class === 'edge')!.children[0].attributes.d;
  const straight = 'M17040,145 C17250,145 17250,965 17460,965';
  const alone = probePath(renderFlowSvg(probe, NONE));
  expect(alone).not.toBe(straight); // taken round GET_CBID
  // Before it, 2,500 activities on a 14,000 × 19,000 canvas, each linked across it: every link looks at hundreds of boxes.
  const crowd = Array.from({ length: 2500 }, (_, i) => ({ id: `c${i}`, label: `C${i}`, type: 'play-message', position: { x: (i % 50) * 280, y: Math.floor(i / 50) * 380 } }));
  const crowded: DrawingGraph = {
    nodes: [...crowd, ...probe.nodes],
    edges: [...crowd.map((node, i) => ({ from: node.id, to: `c${(i * 7919) % crowd.length}`, exit: 'default' })), ...probe.edges],
  };
  const svg = renderFlowSvg(crowded, NONE);
  const last = (text: string) => findAll(parseXml(text), 'g').filter((g) => g.attributes.class === 'edge').at(-1)!.children[0].attributes.d;
  expect(last(svg)).toBe(straight); // past the budget: drawn as routed
  expect(renderFlowSvg(crowded, NONE)).toBe(svg);
});

test('exits are labelled as the canvas and the hints name them: Undefined Error, No-Input Timeout, Unmatched Entry, True, False', () => {
  const graph: DrawingGraph = {
    nodes: [
      { id: 'menu', label: 'Menu', type: 'ivr-menu', position: { x: 100, y: 100 } },
      { id: 'cond', label: 'Cond', type: 'condition-activity', position: { x: 400, y: 100 } },
      { id: 'end', label: 'End', type: 'end', position: { x: 700, y: 100 } },
    ],
    edges: [
      ...['timeout', 'invalid', 'error'].map((exit) => ({ from: 'menu', to: 'menu', exit })),
      { from: 'menu', to: 'cond', exit: '3' },
      { from: 'cond', to: 'end', exit: 'true' },
      { from: 'cond', to: 'end', exit: 'false' },
    ],
  };
  const labels = findAll(parseXml(renderFlowSvg(graph, NONE)), 'g').filter((g) => g.attributes.class?.startsWith('edge')).map((g) => g.children[1].text);
  expect(labels).toEqual(['No-Input Timeout', 'Unmatched Entry', 'Undefined Error', '3', 'True', 'False']);
});
