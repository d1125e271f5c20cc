/**
 * The attendee's flow as inline SVG: activity boxes (label and type), links as curves with the
 * exit name, the executed path highlighted (class `executed`), activities with failing checks
 * marked (class `failing`, dashed red and a ✗ badge). Presentation attributes make it stand alone;
 * classes let a page restyle it. Deterministic; every label escaped.
 */
import type { DrawingEdge, DrawingGraph } from '../engine/report.js';
import { exitName } from '../engine/activity-types.js';
import { activityTypeName, edgeKey } from './drawing.js';
import { escapeXml as x, escapeXmlAttribute as xa, idToken } from './escape.js';
import { LABEL_BOX_HEIGHT, LABEL_FONT_SIZE, placeLinkLabels, pointAt, type Piece } from './link-labels.js';
import { keptOfCutText } from './code-points.js';
import { fitText, fitTextMiddle, widthInEm } from './text-fit.js';
import { layoutFlow, NODE_HEIGHT as H, NODE_WIDTH as W, type Point } from './svg-layout.js';

export interface SvgOptions {
  /** Activity ids on the executed path. */
  executed: ReadonlySet<string>;
  /**
   * Ids of activities that failing checks point at. Each is marked, and its box gets the HTML id
   * `activityAnchor(idPrefix, id)`, which a report's Where links to (the other boxes get none:
   * nothing links to them, and the report stays small).
   */
  failing: ReadonlySet<string>;
  title: string;
  /**
   * Edges taken (`edgeKey(from, exit)`, see drawing.ts `executedPath`). Without it, an edge counts
   * as executed when both its ends are.
   */
  executedEdges?: ReadonlySet<string>;
  /** Prefix of the ids inside the SVG (unique per page when several drawings share one). Default: from the title. */
  idPrefix?: string;
  /** What the drawing shows, in words (drawing.ts `drawingDescription`): its `<desc>`, the image's accessible description. */
  description?: string;
}

const PAD = 40;
/** How far a loop from an activity to itself rises above it, and how far apart links sharing both ends are drawn. */
const LOOP_RISE = 34;
const PARALLEL_GAP = 16;
const LABEL_HEIGHT = 16;
/** Width an activity's name and type may take in its box: from 10 px in to 8 px short of its right edge. */
const TEXT_ROOM = W - 18;
const COLORS = { line: '#6e7781', text: '#1f2328', muted: '#57606a', exec: '#0969da', execFill: '#ddf4ff', bad: '#cf222e', badFill: '#ffebe9' };

export function renderFlowSvg(graph: DrawingGraph, options: SvgOptions): string {
  const prefix = options.idPrefix ?? `fg-${slug(options.title)}`;
  const { at } = layoutFlow(graph);
  const boxes = [...at.values()];
  const byX = [...boxes].sort((a, b) => a.x - b.x); // for the links that must go round (laneAbove, clearOfActivities)
  const detours: DetourBudget = { left: DETOUR_WORK };
  let minX = boxes.length ? Math.min(...boxes.map((p) => p.x)) - PAD : 0;
  // Loops from an activity to itself rise above it, each one more a gap higher (see route()).
  const loops = new Map<string, number>();
  for (const edge of graph.edges) if (edge.from === edge.to) loops.set(edge.from, (loops.get(edge.from) ?? 0) + 1);
  const headroom = (id: string) => {
    const count = loops.get(id) ?? 0;
    return Math.max(PAD, count > 0 ? LOOP_RISE + PARALLEL_GAP * (count - 1) + LABEL_HEIGHT : 0);
  };
  let minY = boxes.length ? Math.min(...[...at].map(([id, p]) => p.y - headroom(id))) : 0;
  let maxX = boxes.length ? Math.max(...boxes.map((p) => p.x)) + W + PAD : minX + 320;
  let maxY = boxes.length ? Math.max(...boxes.map((p) => p.y)) + H + PAD * 2 : 60;
  const isExecuted = (edge: DrawingEdge) =>
    options.executedEdges ? options.executedEdges.has(edgeKey(edge.from, edge.exit)) : options.executed.has(edge.from) && options.executed.has(edge.to);

  // Links sharing both ends are drawn apart (see route()); three or more, far enough apart for a label between two.
  const pairs = graph.edges.map((edge) => JSON.stringify([edge.from, edge.to]));
  const widths = graph.edges.map((edge) => widthInEm(edgeText(edge)) * LABEL_FONT_SIZE);
  const bundles = new Map<string, { count: number; widest: number }>();
  pairs.forEach((pair, i) => {
    const bundle = bundles.get(pair);
    if (bundle) {
      bundle.count++;
      bundle.widest = Math.max(bundle.widest, widths[i]);
    } else bundles.set(pair, { count: 1, widest: widths[i] });
  });
  const seenPairs = new Map<string, number>();
  const routed = graph.edges.flatMap((edge, i) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    const pair = pairs[i];
    const parallel = seenPairs.get(pair) ?? 0; // earlier edges with both these ends
    seenPairs.set(pair, parallel + 1);
    if (!from || !to) return [];
    const { pieces, along, label } = route(from, to, edge.from === edge.to, parallel, bundles.get(pair)!, byX, detours);
    return [{ edge, width: widths[i], pieces, along, label }];
  });
  const labels = placeLinkLabels(
    routed.map(({ pieces, along, label, width }) => ({ pieces, along, first: label, width })),
    boxes,
    W,
    H,
  );
  const edges = routed.map(({ edge, pieces, width: labelWidth }, i) => {
    // A curve taken round an activity (clearOfActivities) may bow beyond the boxes' margin: the drawing grows to hold it.
    for (const piece of pieces) {
      for (let t = 0; t <= 1; t += 1 / 16) {
        const { x: px, y: py } = pointAt(piece, t);
        minX = Math.min(minX, px - 4);
        maxX = Math.max(maxX, px + 4);
        minY = Math.min(minY, py - 4);
        maxY = Math.max(maxY, py + 4);
      }
    }
    const label = labels[i];
    const executed = isExecuted(edge);
    // A label moved beside its link may lie beyond the boxes' margin: the drawing grows to hold it.
    const half = labelWidth / 2;
    minX = Math.min(minX, label.x - half - 4);
    maxX = Math.max(maxX, label.x + half + 4);
    minY = Math.min(minY, label.y - LABEL_HEIGHT);
    maxY = Math.max(maxY, label.y + 8);
    const stroke = executed ? `stroke="${COLORS.exec}" stroke-width="3"` : `stroke="${COLORS.line}" stroke-width="1.5"`;
    const svg =
      `<g class="edge${executed ? ' executed' : ''}">` +
      `<path d="${pathData(pieces)}" fill="none" ${stroke} marker-end="url(#${prefix}-arrow${executed ? '-executed' : ''})"/>` +
      `<text x="${n(label.x)}" y="${n(label.y)}" text-anchor="middle" font-size="${LABEL_FONT_SIZE}" fill="${executed ? COLORS.exec : COLORS.muted}" stroke="#fff" stroke-width="3" paint-order="stroke">${x(edgeText(edge))}</text></g>`;
    return { executed, svg };
  });

  const nodes = graph.nodes.map((node) =>
    nodeSvg(node, at.get(node.id)!, { executed: options.executed.has(node.id), failing: options.failing.has(node.id), loop: loops.has(node.id) }, prefix),
  );
  const width = maxX - minX;
  const height = maxY - minY;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow" role="img" aria-labelledby="${prefix}-title"${options.description ? ` aria-describedby="${prefix}-desc"` : ''} viewBox="${n(minX)} ${n(minY)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${prefix}-title">${x(options.title)}</title>`,
    options.description ? `<desc id="${prefix}-desc">${x(options.description)}</desc>` : '',
    '<defs>',
    marker(`${prefix}-arrow`, COLORS.line),
    marker(`${prefix}-arrow-executed`, COLORS.exec),
    '</defs>',
    graph.nodes.length === 0 ? `<text x="${n(minX + PAD)}" y="${n(minY + PAD)}" font-size="13" fill="${COLORS.muted}">no activities</text>` : '',
    // The path the call took is drawn over the boxes: a straight link from the canvas positions may
    // cross an activity it never ran through, and must not vanish behind it.
    ...edges.filter((e) => !e.executed).map((e) => e.svg),
    ...nodes,
    ...edges.filter((e) => e.executed).map((e) => e.svg),
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * An activity's box at `p`: its label and type, drawn as the call ran through it (`executed`) and
 * as a failing check points at it (`failing`, with a badge and the id activityAnchor gives it). The
 * badge sits on the box's top right corner, or its top left when a link loops from the box back to
 * it (`loop`), which passes by that corner (a menu's Unmatched Entry back to itself).
 */
function nodeSvg(node: DrawingGraph['nodes'][number], p: Point, { executed, failing, loop }: { executed: boolean; failing: boolean; loop: boolean }, prefix: string): string {
  const classes = ['node', executed ? 'executed' : '', failing ? 'failing' : ''].filter(Boolean).join(' ');
  const type = activityTypeName(node.type);
  const states = [executed ? 'executed' : '', failing ? 'has a failing check' : ''].filter(Boolean).join(', ');
  const fill = failing ? COLORS.badFill : executed ? COLORS.execFill : '#fff';
  const badgeX = loop ? p.x : p.x + W;
  const stroke = failing ? `stroke="${COLORS.bad}" stroke-width="3" stroke-dasharray="7 3"` : executed ? `stroke="${COLORS.exec}" stroke-width="3"` : `stroke="${COLORS.line}" stroke-width="1.5"`;
  return (
    `<g class="${classes}"${failing ? ` id="${activityAnchor(prefix, node.id)}"` : ''} data-id="${xa(node.id)}">` +
    `<title>${x(`${node.label} (${type})${states ? ` — ${states}` : ''}`)}</title>` +
    `<rect x="${n(p.x)}" y="${n(p.y)}" width="${W}" height="${H}" rx="6" fill="${fill}" ${stroke}/>` +
    `<text x="${n(p.x + 10)}" y="${n(p.y + 21)}" class="label" font-size="13" font-weight="600" fill="${COLORS.text}">${x(fitTextMiddle(boxText(node.label, node.labelEnd), 19, TEXT_ROOM / 13))}</text>` +
    `<text x="${n(p.x + 10)}" y="${n(p.y + 39)}" class="type" font-size="11" fill="${COLORS.muted}">${x(fitText(type, 26, TEXT_ROOM / 11))}</text>` +
    (failing ? `<g class="badge"><circle cx="${n(badgeX)}" cy="${n(p.y)}" r="10" fill="${COLORS.bad}"/><text x="${n(badgeX)}" y="${n(p.y + 4)}" text-anchor="middle" font-size="12" font-weight="700" fill="#fff">&#10007;</text></g>` : '') +
    '</g>'
  );
}

/**
 * A link's label: its exit as the canvas names it (Undefined Error, True), or a Case's match value,
 * which the attendee wrote, cut in its middle to the width of a box.
 */
function edgeText(edge: DrawingEdge): string {
  return edge.label === undefined ? exitName(edge.exit) : fitTextMiddle(boxText(edge.label, edge.labelEnd), 24, TEXT_ROOM / LABEL_FONT_SIZE);
}

/**
 * The text a box (or a link) shows the start and end of: the label, or for a label the report cut
 * (`… (297 characters)`, bounds.ts) its kept start and its real end (`labelEnd`) with `…` between:
 * the end of the cut text was its mark (`Very_long…aracters)`), which tells no activity apart.
 */
function boxText(label: string, end: string | undefined): string {
  const start = end === undefined ? undefined : keptOfCutText(label);
  return start === undefined ? label : `${start}…${end}`;
}

/**
 * The HTML id of an activity's box in the drawing whose ids start with `idPrefix`: unique in the
 * page (each drawing has its prefix, no other id of a report starts `<prefix>-node-`), the same
 * for the same activity in every report, and safe whatever the export's id holds (escape.ts
 * idToken: letters, digits, `-` and `_`, so `#` + it is the link, as it is).
 */
export function activityAnchor(idPrefix: string, activityId: string): string {
  return `${idPrefix}-node-${idToken(activityId)}`;
}

function marker(id: string, color: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
}

/** A link's path in SVG path data: M, then C for each curve and L for each line. */
function pathData(pieces: readonly Piece[]): string {
  const pair = (p: Point) => `${n(p.x)},${n(p.y)}`;
  let d = `M${pair(pieces[0][0])}`;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    d += piece.length === 4 ? ` C${pair(piece[1])} ${pair(piece[2])} ${pair(piece[3])}` : ` L${pair(piece[1])}`;
  }
  return d;
}

/**
 * A curve between two boxes and where its exit label goes first (link-labels.ts may move it):
 * right side to left side when the target is to the right, bottom to top when below, top to bottom
 * when above, else a loop under both. The `parallel`-th link of a `bundle` sharing both ends is
 * drawn apart from the earlier ones (see `spread`).
 */
function route(
  from: Point,
  to: Point,
  self: boolean,
  parallel: number,
  bundle: { count: number; widest: number },
  byX: readonly Point[],
  detours: DetourBudget,
): { pieces: Piece[]; along: Piece; label: Point } {
  const offset = parallel * PARALLEL_GAP;
  if (self) {
    const sx = from.x + W;
    const sy = from.y + H / 2;
    const top = from.y - LOOP_RISE - offset;
    const loop = [{ x: sx, y: sy }, { x: sx + 50, y: sy }, { x: from.x + W / 2, y: top }, { x: from.x + W / 2, y: from.y }];
    return { pieces: [loop], along: loop, label: { x: sx + 22, y: top + 4 } };
  }
  /**
   * How far this curve is moved from the bundle's first: `parallel` steps of PARALLEL_GAP; in a
   * bundle of three or more, steps that leave `room` for a label between two neighbours at their
   * middles (moving both control points moves a curve's middle three quarters as far). At 16, the
   * middle one's label had no room between its neighbours.
   */
  const spread = (room: number) => parallel * (bundle.count < 3 ? PARALLEL_GAP : Math.max(PARALLEL_GAP, Math.ceil((room + 6) / 0.75)));
  /** Curves moved down: a label's height, and some air, as the curves close in towards their ends. Moved right: half its width (a label there sits across its own line). */
  const roomDown = LABEL_BOX_HEIGHT + 8;
  const roomRight = bundle.widest / 2;
  let start: Point, end: Point, c1: Point, c2: Point;
  /** The curve bows down, under the link drawn first between the same two activities (offset > 0). */
  let bowsDown = false;
  if (to.x >= from.x + W + 20) {
    start = { x: from.x + W, y: from.y + H / 2 };
    end = { x: to.x, y: to.y + H / 2 };
    const lane = laneAbove(start, end, byX, offset);
    if (lane !== undefined) {
      // Up, across above the activities in the way, and down: straight across, the link would run
      // through them as if the call had passed there.
      const across = [{ x: start.x + 48, y: lane }, { x: end.x - 48, y: lane }];
      const pieces = [
        [start, { x: start.x + 24, y: start.y }, { x: start.x + 24, y: lane }, across[0]],
        across,
        [across[1], { x: end.x - 24, y: lane }, { x: end.x - 24, y: end.y }, end],
      ];
      return { pieces, along: across, label: { x: (start.x + end.x) / 2, y: lane - 5 } };
    }
    const bend = Math.max(30, (end.x - start.x) / 2);
    const down = spread(roomDown);
    c1 = { x: start.x + bend, y: start.y + down };
    c2 = { x: end.x - bend, y: end.y + down };
    bowsDown = parallel > 0;
  } else if (to.y >= from.y + H + 20 || to.y + H + 20 <= from.y) {
    const down = to.y > from.y;
    start = { x: from.x + W / 2, y: down ? from.y + H : from.y };
    end = { x: to.x + W / 2, y: down ? to.y : to.y + H };
    const bend = Math.max(25, Math.abs(end.y - start.y) / 2) * (down ? 1 : -1);
    const right = spread(roomRight);
    c1 = { x: start.x + right, y: start.y + bend };
    c2 = { x: end.x + right, y: end.y - bend };
  } else {
    // (It comes back to the target's bottom left of the middle: links leave an activity down from the
    // middle, and one there arrowed in beside one going out read as a link both ways.)
    start = { x: from.x + W / 2, y: from.y + H };
    end = { x: to.x + (to.x < from.x ? W / 3 : W / 2), y: to.y + H };
    const low = Math.max(start.y, end.y) + 45 + spread(roomDown);
    c1 = { x: start.x, y: low };
    c2 = { x: end.x, y: low };
    bowsDown = parallel > 0;
  }
  const curve = clearOfActivities([start, c1, c2, end], from, to, byX, detours);
  // The curve's midpoint (t = 0.5), a little above the line; under it when the curve bows down under
  // another link with the same ends: above, the label sat on that link (the solution's False under
  // True, struck through by the call's path drawn over it).
  const mid = pointAt(curve, 0.5);
  const label = { x: mid.x, y: bowsDown ? mid.y + 13 : mid.y - 5 };
  return { pieces: [curve], along: curve, label };
}

/** How near a link may pass an activity it does not connect. */
const CLEARANCE = 8;

/** How far a curve's control points are moved, in turn, to take it round an activity it would cross. */
const DETOURS = [40, 80, 120, 160].flatMap((d) => [{ x: d, y: 0 }, { x: -d, y: 0 }, { x: 0, y: d }, { x: 0, y: -d }]);

/**
 * How much a drawing may spend keeping its links clear of activities, counted in boxes looked at
 * (DetourBudget): the drawings of the fixtures and real exports take at most about 6,500. Without a bound, an export
 * of thousands of activities linked across the canvas (the loader takes 5,000) took 5 s per drawing
 * instead of 0.3; past it, the links left are drawn as they are (the same drawing every time).
 */
const DETOUR_WORK = 100_000;

/** What is left of a drawing's DETOUR_WORK. */
interface DetourBudget {
  left: number;
}

/**
 * `curve`, from the box at `from` to the box at `to`, kept clear of every other activity: when it
 * would run through one (the export's positions put an activity on its way), its control points are
 * moved together, the least first, until it passes none. Drawn under the boxes, a link through one
 * seemed to leave it, its exit label beside it: WantCallback's Undefined Error out of GET_CBID. When
 * no move clears it (an activity between two others in one column, which only a bow far out to the
 * side would pass, crossing other links), it is drawn as it was.
 */
function clearOfActivities(curve: Piece, from: Point, to: Point, byX: readonly Point[], detours: DetourBudget): Piece {
  if (clearOf(curve, from, to, byX, detours) !== false) return curve;
  const [start, c1, c2, end] = curve as [Point, Point, Point, Point];
  for (const { x: dx, y: dy } of DETOURS) {
    const moved = [start, { x: c1.x + dx, y: c1.y + dy }, { x: c2.x + dx, y: c2.y + dy }, end];
    const clear = clearOf(moved, from, to, byX, detours);
    if (clear === undefined) return curve; // (the budget spent)
    if (clear) return moved;
  }
  return curve;
}

/**
 * Whether a cubic curve (sampled) passes no box but `from` and `to` within CLEARANCE; undefined, not
 * looked at, once the drawing's DETOUR_WORK is spent (each box looked at is charged to `detours`).
 */
function clearOf(curve: Piece, from: Point, to: Point, byX: readonly Point[], detours: DetourBudget): boolean | undefined {
  if (detours.left <= 0) return undefined;
  // Only the boxes in the curve's bounds (it lies within its control points'), checked at 32 points along it.
  const xs = curve.map((p) => p.x);
  const ys = curve.map((p) => p.y);
  const [left, right] = [Math.min(...xs) - W - CLEARANCE, Math.max(...xs) + CLEARANCE];
  const [top, bottom] = [Math.min(...ys) - H - CLEARANCE, Math.max(...ys) + CLEARANCE];
  const near: Point[] = [];
  for (let i = firstRightOf(byX, left); i < byX.length && byX[i].x <= right; i++) {
    const box = byX[i];
    if (box.y >= top && box.y <= bottom && box !== from && box !== to) near.push(box);
    detours.left--;
  }
  for (let i = 1; i < 32 && near.length > 0; i++) {
    const { x, y } = pointAt(curve, i / 32);
    detours.left -= near.length;
    for (const box of near) if (x > box.x - CLEARANCE && x < box.x + W + CLEARANCE && y > box.y - CLEARANCE && y < box.y + H + CLEARANCE) return false;
  }
  return true;
}

/** The index of the first box of `byX` (sorted by x) whose left edge is right of `x` (a binary search). */
function firstRightOf(byX: readonly Point[], x: number): number {
  let first = 0;
  for (let hi = byX.length; first < hi; ) {
    const mid = (first + hi) >> 1;
    if (byX[mid].x > x) hi = mid;
    else first = mid + 1;
  }
  return first;
}

/**
 * Where a link from `start` rightwards to `end`, both on about one row, must go across, above the
 * activities that lie between them on its way (the band between its two ends' heights); undefined
 * when none does.
 * Boxes above those are passed too: the lane rises over each it would cut, from the lowest up.
 */
function laneAbove(start: Point, end: Point, byX: readonly Point[], offset: number): number | undefined {
  // Only a link along a row: a diagonal one keeps its curve, which a lane would turn into a long drop.
  if (Math.abs(start.y - end.y) > H) return undefined;
  const left = start.x + 1;
  const right = end.x - 1;
  // The boxes between the two ends (byX is sorted by x).
  const column: Point[] = [];
  for (let i = firstRightOf(byX, left - W); i < byX.length && byX[i].x < right; i++) if (byX[i].x + W > left) column.push(byX[i]);
  const low = Math.min(start.y, end.y) - CLEARANCE;
  const high = Math.max(start.y, end.y) + CLEARANCE;
  if (!column.some((b) => b.y < high && b.y + H > low)) return undefined;
  let lane = Math.min(start.y, end.y);
  column.sort((a, b) => b.y - a.y);
  for (const b of column) if (b.y - CLEARANCE - LABEL_HEIGHT < lane && b.y + H + CLEARANCE > lane) lane = b.y - CLEARANCE - LABEL_HEIGHT;
  return lane - offset;
}

function n(value: number): string {
  return String(Math.round(value));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'flow';
}
