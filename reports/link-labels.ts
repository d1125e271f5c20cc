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
 * near it only, each label tries at most 41 spots, and a drawing's work is bounded (WORK_BUDGET).
 * Deterministic: labels are placed in the links' order.
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
/** How far the straight segments a curve is tested as may stray from it. */
const FLATNESS = 0.5;
const CELL = 64;
/**
 * How much a drawing's label placement may do, counted in things put in cells and things looked at:
 * a real flow's drawing takes a few hundred to about 1,500. Without a bound, an export of thousands
 * of activities linked across the canvas (the loader takes 5,000) took seconds per drawing; past
 * it, the labels left keep their first spot, as every label did before they were placed (the same
 * drawing every time).
 */
const WORK_BUDGET = 50_000;
/** The most cells a piece of a path is kept in before it is halved. */
const MOST_CELLS = 8;

/** The box a label's text takes with its anchor at `at`. */
function labelBox(at: Point, width: number): Box {
  return { left: at.x - width / 2, right: at.x + width / 2, top: at.y - ASCENT, bottom: at.y + DESCENT };
}

/** The label's anchor for each link, in the links' order. `boxes`: the activities' boxes, by their top-left corner. */
export function placeLinkLabels(links: readonly LabelledLink[], boxes: readonly Point[], boxWidth: number, boxHeight: number): Point[] {
  const grid = new Grid();
  for (let i = 0; i < links.length && grid.work <= WORK_BUDGET; i++) {
    for (const piece of links[i].pieces) grid.addPiece(piece, i);
  }
  for (const b of boxes) grid.add({ left: b.x, top: b.y, right: b.x + boxWidth, bottom: b.y + boxHeight }, { kind: 'activity' });

  return links.map((link, i) => {
    // Past the budget (a drawing far more crowded than any real flow's), the labels left keep their first spot.
    if (grid.work > WORK_BUDGET) return link.first;
    const at = place(link, (box, enough, own) => grid.clashes(box, i, enough, own));
    grid.add(labelBox(at, link.width), { kind: 'label' });
    return at;
  });
}

/**
 * The spot the label always had, when nothing clashes there (its own line may run through it: it
 * always did); else the first spot, ring by ring (see `rings`), where the label clashes with
 * nothing, preferring in each ring one its own link does not run through either (a label struck
 * through by its own line reads badly, but one a line further out reads less as that link's); else
 * the spot of fewest clashes.
 */
function place(link: LabelledLink, clashesAt: (box: Box, enough: number, own: boolean) => { clashes: number; own: boolean }): Point {
  const first = clashesAt(labelBox(link.first, link.width), Infinity, false).clashes;
  if (first === 0) return link.first; // (most labels: the other spots are worked out only when needed)
  let fewest = { at: link.first, clashes: first };
  for (const ring of rings(link)) {
    let crossed: Point | undefined;
    for (const at of ring) {
      // (Counting stops where the spot can no longer be the one of fewest clashes, nor clash with nothing:
      // at one, once a spot its own line runs through has none.)
      const { clashes, own } = clashesAt(labelBox(at, link.width), Math.max(1, fewest.clashes), true);
      if (clashes === 0 && !own) return at;
      if (clashes === 0) crossed ??= at;
      if (clashes < fewest.clashes) fewest = { at, clashes };
    }
    if (crossed) return crossed;
  }
  return fewest.at;
}

/**
 * The spots a label may take after the one it always had, in rings of preference: along its piece
 * right beside it, above and under a curve running more across than down, right and left of a
 * steep one (and the other two after); then the same a line further out.
 */
function* rings(link: LabelledLink): Generator<Point[]> {
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

type Thing = { kind: 'path'; link: number; piece: Piece } | { kind: 'activity' } | { kind: 'label' };

/**
 * What the drawing holds, by the CELL × CELL squares it touches: the links' paths, the activities
 * and the labels placed. A path is kept as its pieces, by the box round their points (a curve lies
 * within its control points), and cut into straight segments only when a label's spot is tried
 * near it: most of a drawing's links have no label tried near them but their own. A piece whose
 * box would fill more than MOST_CELLS cells (a long diagonal link) is halved until its halves do
 * not: the cells a path fills then grow with its length, never with the area it spans.
 */
class Grid {
  /** What lies in each cell, with the box it is kept by and the first cell (left, top) it is in. */
  private readonly cells = new Map<number, { box: Box; thing: Thing; cx: number; cy: number }[]>();
  /** Things put in cells and things looked at so far (see WORK_BUDGET). */
  work = 0;

  /**
   * How many things a label of `link` with the box `label` clashes with, each counted once, up to
   * `enough`: labels and links within MARGIN of it, activities it overlaps. `own`: its own link runs
   * through it (when `withOwn`; else false).
   */
  clashes(label: Box, link: number, enough: number, withOwn: boolean): { clashes: number; own: boolean } {
    const box = grow(label, MARGIN);
    const inside = grow(label, -1); // touching an activity's edge is fine
    const left = cellOf(box.left);
    const top = cellOf(box.top);
    let links: Set<number> | undefined;
    let count = 0;
    let own = false;
    for (let cx = left; cx <= cellOf(box.right); cx++) {
      for (let cy = top; cy <= cellOf(box.bottom); cy++) {
        const cell = this.cells.get(key(cx, cy)) ?? [];
        for (let k = 0; k < cell.length; k++) {
          // (Indexed, not for…of: in code V8 has not optimised yet, as a grading thread's mostly is, for…of allocates per step.)
          const entry = cell[k];
          this.work++;
          const { box: at, thing } = entry;
          // Each thing once: in the first cell it shares with the box.
          if (cx !== Math.max(left, entry.cx) || cy !== Math.max(top, entry.cy) || !overlap(at, box)) continue;
          if (thing.kind === 'label') count++;
          else if (thing.kind === 'activity') count += overlap(at, inside) ? 1 : 0;
          else if (thing.link === link) own ||= withOwn && pieceCrosses(thing.piece, label);
          else if (!links?.has(thing.link) && pieceCrosses(thing.piece, box)) {
            (links ??= new Set()).add(thing.link);
            count++;
          }
          if (count >= enough) return { clashes: count, own };
        }
      }
    }
    return { clashes: count, own };
  }

  /** A piece of `link`'s path, halved while its box fills too many cells (see the class). */
  addPiece(piece: Piece, link: number): void {
    const box = hull(piece);
    const cells = (cellOf(box.right) - cellOf(box.left) + 1) * (cellOf(box.bottom) - cellOf(box.top) + 1);
    if (cells <= MOST_CELLS) this.add(box, { kind: 'path', link, piece });
    else for (const half of halves(piece)) this.addPiece(half, link);
  }

  add(box: Box, thing: Thing): void {
    const entry = { box, thing, cx: cellOf(box.left), cy: cellOf(box.top) };
    for (let cx = entry.cx; cx <= cellOf(box.right); cx++) {
      for (let cy = entry.cy; cy <= cellOf(box.bottom); cy++) {
        const cell = this.cells.get(key(cx, cy));
        this.work++;
        if (cell) cell.push(entry);
        else this.cells.set(key(cx, cy), [entry]);
      }
    }
  }
}

/**
 * Whether a piece passes through the box: a line as it is; a curve cut into as many straight
 * segments as keep each within FLATNESS of it (the usual bound on flattening a cubic, from its
 * second differences), each tested in turn. Plain numbers throughout: this runs for every spot
 * tried near a link, mostly in code V8 has not optimised, where each object made costs.
 */
function pieceCrosses(piece: Piece, box: Box): boolean {
  const p0 = piece[0];
  const p1 = piece[1];
  if (piece.length === 2) return crosses(p0.x, p0.y, p1.x, p1.y, box);
  const p2 = piece[2];
  const p3 = piece[3];
  const steps = Math.max(1, Math.ceil(Math.sqrt((3 * Math.max(secondDifference(p0, p1, p2), secondDifference(p1, p2, p3))) / (4 * FLATNESS))));
  let x = p0.x;
  let y = p0.y;
  for (let k = 1; k <= steps; k++) {
    const nx = cubic(p0.x, p1.x, p2.x, p3.x, k / steps);
    const ny = cubic(p0.y, p1.y, p2.y, p3.y, k / steps);
    if (crosses(x, y, nx, ny, box)) return true;
    x = nx;
    y = ny;
  }
  return false;
}

function secondDifference(a: Point, b: Point, c: Point): number {
  return Math.hypot(a.x - 2 * b.x + c.x, a.y - 2 * b.y + c.y);
}

/** The box round a piece's points (a cubic Bézier curve lies within its control points). */
function hull(piece: Piece): Box {
  const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let k = 0; k < piece.length; k++) {
    const p = piece[k];
    box.left = Math.min(box.left, p.x);
    box.right = Math.max(box.right, p.x);
    box.top = Math.min(box.top, p.y);
    box.bottom = Math.max(box.bottom, p.y);
  }
  return box;
}

/** A piece's two halves: a line's, or a curve's by de Casteljau's construction (the same curve, in two). */
function halves(piece: Piece): [Piece, Piece] {
  const mid = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });
  if (piece.length === 2) {
    const m = mid(piece[0], piece[1]);
    return [[piece[0], m], [m, piece[1]]];
  }
  const [p0, p1, p2, p3] = piece;
  const [a, b, c] = [mid(p0, p1), mid(p1, p2), mid(p2, p3)];
  const [d, e] = [mid(a, b), mid(b, c)];
  const m = mid(d, e);
  return [[p0, a, d, m], [m, e, c, p3]];
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

/** The point at `t` (0 to 1) along a piece: a cubic curve (4 points) or a line (2). */
export function pointAt(piece: Piece, t: number): Point {
  const p0 = piece[0];
  const p1 = piece[1];
  if (piece.length === 2) return { x: p0.x + (p1.x - p0.x) * t, y: p0.y + (p1.y - p0.y) * t };
  const p2 = piece[2];
  const p3 = piece[3];
  return { x: cubic(p0.x, p1.x, p2.x, p3.x, t), y: cubic(p0.y, p1.y, p2.y, p3.y, t) };
}

/** One coordinate of a cubic Bézier curve at `t`, from its four points' (plain numbers: pieceCrosses makes no object per step). */
function cubic(v0: number, v1: number, v2: number, v3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * v0 + 3 * u * u * t * v1 + 3 * u * t * t * v2 + t * t * t * v3;
}

function tangentAt(piece: Piece, t: number): Point {
  if (piece.length === 2) return { x: piece[1].x - piece[0].x, y: piece[1].y - piece[0].y };
  const [a, b, c] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
  const [p0, p1, p2, p3] = piece;
  return { x: a * (p1.x - p0.x) + b * (p2.x - p1.x) + c * (p3.x - p2.x), y: a * (p1.y - p0.y) + b * (p2.y - p1.y) + c * (p3.y - p2.y) };
}

function overlap(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function grow(box: Box, by: number): Box {
  return { left: box.left - by, right: box.right + by, top: box.top - by, bottom: box.bottom + by };
}

/** Whether the segment from (x1, y1) to (x2, y2) passes through the box (Liang–Barsky clipping). */
function crosses(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  if (Math.max(x1, x2) < box.left || Math.min(x1, x2) > box.right || Math.max(y1, y2) < box.top || Math.min(y1, y2) > box.bottom) return false;
  let t0 = 0;
  let t1 = 1;
  for (let side = 0; side < 4; side++) {
    // Left, right, top, bottom: how far the segment moves out through that side, and the room it has.
    const step = side === 0 ? x1 - x2 : side === 1 ? x2 - x1 : side === 2 ? y1 - y2 : y2 - y1;
    const room = side === 0 ? x1 - box.left : side === 1 ? box.right - x1 : side === 2 ? y1 - box.top : box.bottom - y1;
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
