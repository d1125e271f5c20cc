/**
 * The words on the flow drawings' links (True, False, 1, 2, Undefined Error, …), read back from the
 * SVG as geometry: no two labels overlap, and no label is crossed by another link's path. Labels
 * had been put at their curve's midpoint, so parallel links running steeply diagonal, or three
 * links between the same two activities, stacked their labels on each other and on each other's
 * paths. Checked on every committed fixture flow, every real export in ../shared/real-flows (when
 * present) and small flows made for those two cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import type { DrawingGraph, GradeReport } from '../../../engine/report.js';
import { placeLinkLabels, type LabelledLink } from '../../../reports/link-labels.js';
import { renderFlowSvg } from '../../../reports/svg.js';
import { widthInEm } from '../../../reports/text-fit.js';
import { fixturePath, HAS_SHARED, SHARED } from '../../helpers.js';
import { grade } from '../checks/support.js';
import { findAll, parseXml } from './xml-check.js';

const NONE = { executed: new Set<string>(), failing: new Set<string>(), title: 'Main flow' };
const FONT_SIZE = 11; // the links' labels (svg.ts)

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface Link {
  text: string;
  box: Box;
  /** The path as a polyline: its curves sampled. */
  points: { x: number; y: number }[];
}

/**
 * Each link of a drawing: its label's box (centred on x, from 0.8 em above the baseline to 0.25 em
 * below, as wide as text-fit estimates) and its path sampled (M, L and C commands, as svg.ts draws).
 */
function links(svg: string): Link[] {
  const edges = findAll(parseXml(svg), 'g').filter((g) => g.attributes.class?.split(' ').includes('edge'));
  return edges.map((g) => {
    const label = g.children.find((c) => c.name === 'text')!;
    const d = g.children.find((c) => c.name === 'path')!.attributes.d;
    const [x, y] = [Number(label.attributes.x), Number(label.attributes.y)];
    const half = (widthInEm(label.text) * FONT_SIZE) / 2;
    return { text: label.text, box: { left: x - half, right: x + half, top: y - 0.8 * FONT_SIZE, bottom: y + 0.25 * FONT_SIZE }, points: sample(d) };
  });
}

function sample(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (const [, command, args] of d.matchAll(/([MLC])([^MLC]*)/g)) {
    const p = [...args.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    if (command !== 'C') {
      points.push(...p);
      continue;
    }
    const p0 = points[points.length - 1];
    const [p1, p2, p3] = p;
    for (let i = 1; i <= 48; i++) {
      const t = i / 48;
      const [a, b, c, e] = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3];
      points.push({ x: a * p0.x + b * p1.x + c * p2.x + e * p3.x, y: a * p0.y + b * p1.y + c * p2.y + e * p3.y });
    }
  }
  return points;
}

/** Boxes overlapping by more than a pixel's rounding each way. */
function overlap(a: Box, b: Box): boolean {
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

/** Whether the segment p–q passes through the box's inside (a pixel in from each side): Liang–Barsky clipping. */
function crosses(p: { x: number; y: number }, q: { x: number; y: number }, box: Box): boolean {
  const [left, right, top, bottom] = [box.left + 1, box.right - 1, box.top + 1, box.bottom - 1];
  let [t0, t1] = [0, 1];
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [step, room] of [[-dx, p.x - left], [dx, right - p.x], [-dy, p.y - top], [dy, bottom - p.y]]) {
    if (step === 0) {
      if (room < 0) return false;
      continue;
    }
    const t = room / step;
    if (step < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Every label overlapping another, and every label a link other than its own runs through, in words. */
function clashes(svg: string): string[] {
  const all = links(svg);
  const found: string[] = [];
  all.forEach((link, i) => {
    all.forEach((other, j) => {
      if (j > i && overlap(link.box, other.box)) found.push(`labels ${link.text} (link ${i}) and ${other.text} (link ${j}) overlap`);
      if (j !== i && other.points.some((p, k) => k > 0 && crosses(other.points[k - 1], p, link.box))) found.push(`label ${link.text} (link ${i}) crossed by link ${j} (${other.text})`);
    });
  });
  return found;
}

function clashesOf(report: GradeReport): string[] {
  if (!report.flow) return [];
  return [...clashes(renderFlowSvg(report.flow.main, NONE)), ...clashes(renderFlowSvg(report.flow.events, { ...NONE, title: 'Event flows' }))];
}

/** The flow files under `folder` (fixtures/**, ../shared/real-flows/**), by path. */
function flowFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json') && path.basename(name) !== 'manifest.json')
    .sort()
    .map((name) => path.join(folder, name));
}

test('no link label overlaps another or lies on another link, in the drawing of any fixture flow', async () => {
  const found: string[] = [];
  for (const file of flowFiles(fixturePath(''))) {
    for (const clash of clashesOf(await grade(readFileSync(file), path.basename(file)))) found.push(`${path.relative(fixturePath(''), file)}: ${clash}`);
  }
  expect(found).toEqual([]);
});

test('laid out without canvas positions (the layered layout), the solution\'s labels cover no activity, and no link arrives where another leaves', async () => {
  const report = await grade(readFileSync(fixturePath('flows/solution.json')), 'solution.json');
  const main = structuredClone(report.flow!.main);
  for (const node of main.nodes) delete node.position;
  const svg = renderFlowSvg(main, NONE);
  const boxes = findAll(parseXml(svg), 'g')
    .filter((g) => g.attributes.class?.split(' ').includes('node'))
    .map((g) => {
      const rect = g.children.find((c) => c.name === 'rect')!.attributes;
      const [x, y] = [Number(rect.x), Number(rect.y)];
      return { id: g.attributes['data-id'], box: { left: x, top: y, right: x + Number(rect.width), bottom: y + Number(rect.height) } };
    });
  const covered = links(svg).flatMap((link) => boxes.filter(({ box }) => overlap(link.box, box)).map(({ id }) => `${link.text} on ${id}`));
  expect(covered).toEqual([]); // "Undefined Error" between two neighbouring columns fits the gap
  // A link's start is never another's arrowhead: Music's Undefined Error leaves down from its middle,
  // PlayMessage_q1d's default comes back to it left of that.
  const ends = links(svg).map((link) => ({ start: link.points[0], end: link.points.at(-1)! }));
  const meeting = ends.flatMap((a, i) => ends.filter((b, j) => j !== i && Math.hypot(a.start.x - b.end.x, a.start.y - b.end.y) < 4).map(() => i));
  expect(meeting).toEqual([]);
});

test.describe('real exports in ../shared/real-flows', () => {
  test.skip(!HAS_SHARED, '../shared is not present');

  test('no link label overlaps another or lies on another link, in the drawing of any real export', async () => {
    const folder = path.join(SHARED, 'real-flows');
    const found: string[] = [];
    for (const file of flowFiles(folder)) {
      for (const clash of clashesOf(await grade(readFileSync(file), path.basename(file)))) found.push(`${path.relative(folder, file)}: ${clash}`);
    }
    expect(found).toEqual([]);
  });
});

const node = (id: string, x: number, y: number) => ({ id, label: id, type: 'condition', position: { x, y } });

test('three links between the same two activities: their labels apart and off each other\'s paths, whichever way the target lies', () => {
  const found: string[] = [];
  for (const [x, y] of [[500, 0], [0, 300], [0, -300], [400, 400], [400, -400], [-400, 0], [-300, 300], [60, 20]]) {
    const graph: DrawingGraph = {
      nodes: [node('menu', 0, 0), node('end', x, y)],
      edges: ['1', '2', '3'].map((exit) => ({ from: 'menu', to: 'end', exit })),
    };
    found.push(...clashes(renderFlowSvg(graph, NONE)).map((clash) => `target at ${x},${y}: ${clash}`));
  }
  expect(found).toEqual([]);
});

test('two parallel links running steeply diagonal, side to side and top to bottom: their labels apart and off each other\'s paths', () => {
  const found: string[] = [];
  // One activity under the other, each linked to one of two others far below: the links run side by side, one a box lower.
  for (const [x, y] of [[220, 600], [190, 400]]) {
    const graph: DrawingGraph = {
      nodes: [node('a', 0, 0), node('b', 0, 60), node('c', x, y), node('d', x, y + 60)],
      edges: [
        { from: 'a', to: 'c', exit: 'true' },
        { from: 'b', to: 'd', exit: 'false' },
      ],
    };
    found.push(...clashes(renderFlowSvg(graph, NONE)).map((clash) => `targets at ${x},${y}: ${clash}`));
  }
  expect(found).toEqual([]);
});

test('the labels are placed the same way every time', () => {
  const graph: DrawingGraph = { nodes: [node('menu', 0, 0), node('end', 400, 400)], edges: ['1', '2', '3'].map((exit) => ({ from: 'menu', to: 'end', exit })) };
  expect(renderFlowSvg(graph, NONE)).toBe(renderFlowSvg(graph, NONE));
});

test('a drawing far more crowded than any real flow keeps every label at its first spot (the placement\'s work is bounded), the same every time', () => {
  // Two links crossing at (100, 100), their labels both first at the crossing: each on the other's line, they move.
  const crossing = (dx: number): LabelledLink[] => [
    { pieces: [[{ x: dx, y: 0 }, { x: dx + 200, y: 200 }]], along: [{ x: dx, y: 0 }, { x: dx + 200, y: 200 }], first: { x: dx + 100, y: 100 }, width: 30 },
    { pieces: [[{ x: dx + 200, y: 0 }, { x: dx, y: 200 }]], along: [{ x: dx + 200, y: 0 }, { x: dx, y: 200 }], first: { x: dx + 100, y: 100 }, width: 30 },
  ];
  const alone = placeLinkLabels(crossing(0), [], 180, 50);
  expect(alone[0]).not.toEqual({ x: 100, y: 100 });
  expect(alone[1]).not.toEqual({ x: 100, y: 100 });
  // The same two after 3,000 links running across a 20,000-unit canvas: past the budget, nothing moves.
  const across: LabelledLink[] = Array.from({ length: 3000 }, (_, i) => {
    const line = [{ x: 0, y: i * 6 }, { x: 20_000, y: 18_000 - i * 6 }];
    return { pieces: [line], along: line, first: { x: 10_000, y: 9_000 }, width: 30 };
  });
  const crowded = [...across, ...crossing(30_000)];
  const placed = placeLinkLabels(crowded, [], 180, 50);
  expect(placed).toEqual(crowded.map((link) => link.first));
  expect(placeLinkLabels(crowded, [], 180, 50)).toEqual(placed);
});
