/**
 * Where the words on a drawing's links go (True, False, 1, Undefined Error, …). A label keeps the
 * spot it always had (a little above its curve's midpoint; under it when the curve bows under
 * another with the same ends) unless that spot clashes: overlaps a label placed before it, is
 * crossed by another link or covers an activity. Then it tries a few spots along its curve, beside
 * it (above and under, right and left), then the same a line further out, and takes the first that
 * clashes with nothing, one its own line does not strike through if it can; when none is free, the
 * one of fewest clashes. At the midpoint alone, links crossing each other had their labels stacked
 * at the crossing, and links running side by side, steeply diagonal or three between the same two
 * activities, had each label on its neighbours' paths.
 *
 * Cheap: links, labels and boxes are kept in a grid of cells, so a spot is tested against what lies
 * near it only, and each label tries at most 41 spots. Deterministic: labels are placed in the
 * links' order.
 */
import type { Point } from './svg-layout.js';

/** A piece of a link's path: `[start, control, control, end]` a cubic Bézier curve, `[start, end]` a line. */
export type Piece = readonly Point[];

export interface LabelledLink {
  pieces: readonly Piece[];
  /** The piece the label may slide along (a lane's straight run, else the one curve). */
  along: Piece;
  /** The spot tried first: the label's anchor (text-anchor middle, its baseline's y). */
  first: Point;
  /** Estimated width of the label's text, in drawing units. */
  width: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The label's font size, and how far its glyphs reach above and below the baseline (capitals and descenders, in em). */
export const LABEL_FONT_SIZE = 11;
const ASCENT = 0.8 * LABEL_FONT_SIZE;
const DESCENT = 0.25 * LABEL_FONT_SIZE;
/** How tall a label's box is. */
export const LABEL_BOX_HEIGHT = ASCENT + DESCENT;
/** Room kept round a label: its white halo and a pixel of rounding (the SVG's coordinates are whole). */
const MARGIN = 2;
/** Where along its piece a label may go (fractions of the piece, the middle first) and how far beside a steep curve. */
const ALONG = [0.5, 0.35, 0.65, 0.2, 0.8];
const BESIDE = 6;
/** Right beside the link, then a line further out: beside links too close together to hold a label between them, their labels stack up. */
const AWAY = [0, 14];
/** Segments a curve is cut into to test what it crosses. */
const STEPS = 24;
const CELL = 64;

/** The box a label's text takes with its anchor at `at`. */
function labelBox(at: Point, width: number): Box {
  return { left: at.x - width / 2, right: at.x + width / 2, top: at.y - ASCENT, bottom: at.y + DESCENT };
}

/** The label's anchor for each link, in the links' order. `boxes`: the activities' boxes, by their top-left corner. */
export function placeLinkLabels(links: readonly LabelledLink[], boxes: readonly Point[], boxWidth: number, boxHeight: number): Point[] {
  const grid = new Grid();
  links.forEach((link, i) => {
    for (const piece of link.pieces) {
      const points = polyline(piece);
      for (let k = 1; k < points.length; k++) grid.add(bounds(points[k - 1], points[k]), { kind: 'segment', link: i, p: points[k - 1], q: points[k] });
    }
  });
  for (const b of boxes) grid.add({ left: b.x, top: b.y, right: b.x + boxWidth, bottom: b.y + boxHeight }, { kind: 'box' });

  return links.map((link, i) => {
    const at = place(link, (box, enough) => grid.clashes(box, i, enough));
    grid.add(labelBox(at, link.width), { kind: 'label' });
    return at;
  });
}

/**
 * The first spot, ring by ring (see `rings`), where the label clashes with nothing, preferring in
 * each ring one its own link does not run through either (a label struck through by its own line
 * reads badly, but one a line further out reads less as that link's); else the spot of fewest clashes.
 */
function place(link: LabelledLink, clashesAt: (box: Box, enough: number) => { clashes: number; own: boolean }): Point {
  let fewest: { at: Point; clashes: number } | undefined;
  for (const ring of rings(link)) {
    let crossed: Point | undefined;
    for (const at of ring) {
      // (Counting stops where the spot can no longer be the one of fewest clashes, nor clash with nothing.)
      const { clashes, own } = clashesAt(labelBox(at, link.width), Math.max(1, fewest?.clashes ?? Infinity));
      if (clashes === 0 && !own) return at;
      if (clashes === 0) crossed ??= at;
      if (fewest === undefined || clashes < fewest.clashes) fewest = { at, clashes };
    }
    if (crossed) return crossed;
  }
  return fewest!.at;
}

/**
 * The spots a label may take, in rings of preference: where it always went; then along its piece
 * right beside it, above and under a curve running more across than down, right and left of a
 * steep one (and the other two after); then the same a line further out.
 */
function* rings(link: LabelledLink): Generator<Point[]> {
  yield [link.first]; // (most labels stop here: the others are worked out only when needed)
  const half = link.width / 2;
  for (const away of AWAY) {
    yield ALONG.flatMap((t) => {
      const p = pointAt(link.along, t);
      const tangent = tangentAt(link.along, t);
      const above = { x: p.x, y: p.y - 5 - away };
      const under = { x: p.x, y: p.y + 13 + away };
      const right = { x: p.x + BESIDE + away + half, y: p.y + 3 };
      const left = { x: p.x - BESIDE - away - half, y: p.y + 3 };
      return Math.abs(tangent.x) >= Math.abs(tangent.y) ? [above, under, right, left] : [right, left, above, under];
    });
  }
}

type Item = { kind: 'segment'; link: number; p: Point; q: Point } | { kind: 'box' } | { kind: 'label' };

/** What the drawing holds, by the CELL × CELL squares it touches. */
class Grid {
  /** What lies in each cell, with the first cell (left, top) each thing is in. */
  private readonly cells = new Map<number, { box: Box; item: Item; cx: number; cy: number }[]>();

  /**
   * How many things a label of `link` with the box `label` clashes with, each counted once, up to
   * `enough`: labels and links within MARGIN of it, activities it overlaps. `own`: its own link runs through it.
   */
  clashes(label: Box, link: number, enough: number): { clashes: number; own: boolean } {
    const box = grow(label, MARGIN);
    const inside = grow(label, -1); // touching an activity's edge is fine
    const [left, top] = [cellOf(box.left), cellOf(box.top)];
    let links: Set<number> | undefined;
    let count = 0;
    let own = false;
    for (let cx = left; cx <= cellOf(box.right); cx++) {
      for (let cy = top; cy <= cellOf(box.bottom); cy++) {
        for (const entry of this.cells.get(key(cx, cy)) ?? []) {
          const { box: at, item } = entry;
          // Each thing once: in the first cell it shares with the box.
          if (cx !== Math.max(left, entry.cx) || cy !== Math.max(top, entry.cy) || !overlap(at, box)) continue;
          if (item.kind === 'label') count++;
          else if (item.kind === 'box') count += overlap(at, inside) ? 1 : 0;
          else if (item.link === link) own ||= crosses(item.p, item.q, label);
          else if (!links?.has(item.link) && crosses(item.p, item.q, box)) {
            (links ??= new Set()).add(item.link);
            count++;
          }
          if (count >= enough) return { clashes: count, own };
        }
      }
    }
    return { clashes: count, own };
  }

  add(box: Box, item: Item): void {
    const entry = { box, item, cx: cellOf(box.left), cy: cellOf(box.top) };
    for (let cx = entry.cx; cx <= cellOf(box.right); cx++) {
      for (let cy = entry.cy; cy <= cellOf(box.bottom); cy++) {
        const cell = this.cells.get(key(cx, cy));
        if (cell) cell.push(entry);
        else this.cells.set(key(cx, cy), [entry]);
      }
    }
  }
}

function cellOf(coordinate: number): number {
  return Math.floor(coordinate / CELL);
}

/**
 * A cell by one number: two cells share one only 2^19 cells (33 million units) apart, far beyond
 * any drawing (and two that did would only cost a look more: what is in a cell is tested anyway).
 */
function key(cx: number, cy: number): number {
  return cx * 2 ** 20 + cy;
}

function polyline(piece: Piece): Point[] {
  if (piece.length === 2) return [...piece];
  return Array.from({ length: STEPS + 1 }, (_, k) => pointAt(piece, k / STEPS));
}

function pointAt(piece: Piece, t: number): Point {
  const [p0, p1] = piece;
  if (piece.length === 2) return { x: p0.x + (p1.x - p0.x) * t, y: p0.y + (p1.y - p0.y) * t };
  const [p2, p3] = [piece[2], piece[3]];
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

function tangentAt(piece: Piece, t: number): Point {
  if (piece.length === 2) return { x: piece[1].x - piece[0].x, y: piece[1].y - piece[0].y };
  const [a, b, c] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
  const [p0, p1, p2, p3] = piece;
  return { x: a * (p1.x - p0.x) + b * (p2.x - p1.x) + c * (p3.x - p2.x), y: a * (p1.y - p0.y) + b * (p2.y - p1.y) + c * (p3.y - p2.y) };
}

function bounds(p: Point, q: Point): Box {
  return { left: Math.min(p.x, q.x), right: Math.max(p.x, q.x), top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y) };
}

function grow(box: Box, by: number): Box {
  return { left: box.left - by, right: box.right + by, top: box.top - by, bottom: box.bottom + by };
}

function overlap(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Whether the segment p–q passes through the box (Liang–Barsky clipping). */
function crosses(p: Point, q: Point, box: Box): boolean {
  const range = { t0: 0, t1: 1 };
  return (
    clip(p.x - q.x, p.x - box.left, range) &&
    clip(q.x - p.x, box.right - p.x, range) &&
    clip(p.y - q.y, p.y - box.top, range) &&
    clip(q.y - p.y, box.bottom - p.y, range)
  );
}

/** Narrows the part of the segment within one side of the box; false when none is left. */
function clip(step: number, room: number, range: { t0: number; t1: number }): boolean {
  if (step === 0) return room >= 0;
  const t = room / step;
  if (step < 0) range.t0 = Math.max(range.t0, t);
  else range.t1 = Math.min(range.t1, t);
  return range.t0 <= range.t1;
}
