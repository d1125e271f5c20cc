/**
 * Where each activity of a drawing goes. The export's canvas positions are used when they are
 * usable (present for most activities, not all on one point, and within a canvas Flow Designer
 * could hold: see CANVAS_SPAN): the attendee recognises their own canvas. Otherwise a layered
 * layout: breadth-first layers from the entry and event activities, left to right. Deterministic: the same graph always gives the same positions.
 */
import { START_TYPES } from '../engine/activity-types.js';
import type { DrawingGraph } from '../engine/report.js';

export interface Point {
  x: number;
  y: number;
}

/** Size of an activity box, in drawing units. */
export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 50;
const COLUMN_GAP = 120;
const ROW_GAP = 40;
/**
 * The widest and tallest canvas drawn as it is, in canvas pixels. Real exports span a few thousand
 * (the widest fixture about 3,200, some 15 boxes); an export's positions are only checked to be
 * finite, so one edited to x = 5e7 (or ±1e308, whose span is Infinity) would make a drawing
 * millions of pixels wide, or an SVG with `width="Infinity"`. Beyond this it is laid out instead.
 */
export const CANVAS_SPAN = 20_000;
/**
 * How far from the canvas origin a position may lie. Renderers hold SVG coordinates in single
 * precision (24 bits), exact to well under a pixel only up to a few million: a canvas of sane size
 * moved to x = 1e15 would draw its boxes on top of each other.
 */
export const CANVAS_REACH = 1_000_000;

interface FlowLayout {
  /** Top-left corner of each activity's box. */
  at: Map<string, Point>;
  source: 'canvas' | 'computed';
}

export function layoutFlow(graph: DrawingGraph): FlowLayout {
  return canvasUsable(graph) ? { at: canvasLayout(graph), source: 'canvas' } : { at: layeredLayout(graph), source: 'computed' };
}

/**
 * More than half the activities have a position, they are not all on one point, and they fit a
 * canvas no more than CANVAS_SPAN wide and tall, within CANVAS_REACH of the origin.
 */
export function canvasUsable(graph: DrawingGraph): boolean {
  const positioned = graph.nodes.filter((node) => isPoint(node.position));
  if (positioned.length * 2 <= graph.nodes.length) return false;
  const distinct = new Set(positioned.map((node) => `${node.position!.x},${node.position!.y}`)).size;
  return (distinct > 1 || graph.nodes.length === 1) && withinCanvas(positioned.map((node) => node.position!));
}

function withinCanvas(points: readonly Point[]): boolean {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) [left, right, top, bottom] = [Math.min(left, p.x), Math.max(right, p.x), Math.min(top, p.y), Math.max(bottom, p.y)];
  const reach = Math.max(-left, right, -top, bottom);
  return right - left <= CANVAS_SPAN && bottom - top <= CANVAS_SPAN && reach <= CANVAS_REACH; // (an overflowing span is Infinity: not within)
}

/**
 * Canvas positions; activities without one go in a row under the drawing. A box that would cover
 * one placed before it (the canvas can hold activities a few pixels apart) moves down until clear.
 */
function canvasLayout(graph: DrawingGraph): Map<string, Point> {
  const at = new Map<string, Point>();
  const positioned = graph.nodes.filter((node) => isPoint(node.position));
  const grid = new Map<string, Point[]>(); // placed boxes by NODE_WIDTH × NODE_HEIGHT cell: a few neighbours to test, not all
  const cell = (p: Point) => [Math.floor(p.x / NODE_WIDTH), Math.floor(p.y / NODE_HEIGHT)];
  const covers = (p: Point) => {
    const [cx, cy] = cell(p);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) if (Math.abs(q.x - p.x) < NODE_WIDTH && Math.abs(q.y - p.y) < NODE_HEIGHT) return true;
      }
    }
    return false;
  };
  const stacked = new Map<string, number>(); // where the last box of each canvas point went: no re-walk of a tall stack
  for (const node of positioned) {
    const p = { ...node.position! };
    const point = `${p.x},${p.y}`;
    p.y = stacked.get(point) ?? p.y;
    while (covers(p)) p.y += NODE_HEIGHT + ROW_GAP / 2;
    stacked.set(point, p.y);
    const key = cell(p).join(',');
    const placed = grid.get(key);
    if (placed) placed.push(p);
    else grid.set(key, [p]);
    at.set(node.id, p);
  }
  const left = Math.min(...positioned.map((node) => node.position!.x));
  const below = Math.max(...[...at.values()].map((p) => p.y)) + NODE_HEIGHT + ROW_GAP * 2;
  graph.nodes
    .filter((node) => !at.has(node.id))
    .forEach((node, i) => at.set(node.id, { x: left + i * (NODE_WIDTH + COLUMN_GAP / 2), y: below }));
  return at;
}

/** Breadth-first layers from the entries (start, event activities, anything nothing links to). */
function layeredLayout(graph: DrawingGraph): Map<string, Point> {
  const incoming = new Set(graph.edges.filter((edge) => edge.from !== edge.to).map((edge) => edge.to));
  const isEntry = (node: DrawingGraph['nodes'][number]) => (START_TYPES.has(node.type) || node.type === 'event' || node.type === 'Event') || !incoming.has(node.id);
  const known = new Set(graph.nodes.map((node) => node.id));
  const layer = new Map<string, number>();
  const next = new Map<string, string[]>(); // each activity's targets, in edge order: linear, not activities × edges
  for (const edge of graph.edges) {
    const targets = next.get(edge.from);
    if (targets) targets.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  const visit = (roots: string[]) => {
    const queue = roots.filter((id) => !layer.has(id));
    for (const id of queue) layer.set(id, 0);
    for (let i = 0; i < queue.length; i++) {
      for (const to of next.get(queue[i]) ?? []) {
        if (layer.has(to) || !known.has(to)) continue;
        layer.set(to, layer.get(queue[i])! + 1);
        queue.push(to);
      }
    }
  };
  visit(graph.nodes.filter(isEntry).map((node) => node.id));
  // Activities only reachable through a cycle no entry leads into: each starts its own layers.
  for (const node of graph.nodes) if (!layer.has(node.id)) visit([node.id]);

  const order = [...graph.nodes].sort((a, b) => layer.get(a.id)! - layer.get(b.id)!);
  const rows = new Map<number, number>();
  const at = new Map<string, Point>();
  for (const node of order) {
    const column = layer.get(node.id)!;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    at.set(node.id, { x: column * (NODE_WIDTH + COLUMN_GAP), y: row * (NODE_HEIGHT + ROW_GAP) });
  }
  return at;
}

function isPoint(position: unknown): position is Point {
  const p = position as Point | undefined;
  return p !== undefined && p !== null && Number.isFinite(p.x) && Number.isFinite(p.y);
}
