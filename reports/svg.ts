/**
 * The attendee's flow as inline SVG: canvas positions from the export where usable, else a
 * layered left-to-right layout; the executed path highlighted, failing activities marked.
 */
import type { DrawingGraph, DrawingNode } from '../engine/report.js';
import { escapeXml as x } from './escape.js';

export interface SvgOptions {
  /** Activity ids on the executed path. */
  executed: ReadonlySet<string>;
  /** Executed edges as `from>to`. */
  executedEdges?: ReadonlySet<string>;
  /** Activity ids that failing checks point at. */
  failing: ReadonlySet<string>;
  title: string;
}

const W = 160;
const H = 44;
const PAD = 30;

export function renderFlowSvg(graph: DrawingGraph, options: SvgOptions): string {
  if (graph.nodes.length === 0) return `<p class="empty">${x(options.title)}: no activities</p>`;
  const at = layout(graph);
  const xs = [...at.values()].map((p) => p.x);
  const ys = [...at.values()].map((p) => p.y);
  const minX = Math.min(...xs) - PAD;
  const minY = Math.min(...ys) - PAD;
  const width = Math.max(...xs) + W + PAD - minX;
  const height = Math.max(...ys) + H + PAD - minY;
  const edges = graph.edges.map((edge) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) return '';
    const executed = options.executedEdges?.has(`${edge.from}>${edge.to}`) ?? false;
    const d =
      edge.from === edge.to
        ? `M${from.x + W},${from.y + H / 2} C${from.x + W + 40},${from.y - 30} ${from.x + W / 2},${from.y - 40} ${from.x + W / 2},${from.y}`
        : curve(from.x + W, from.y + H / 2, to.x, to.y + H / 2);
    const lx = edge.from === edge.to ? from.x + W + 6 : (from.x + W + to.x) / 2;
    const ly = edge.from === edge.to ? from.y - 18 : (from.y + to.y + H) / 2 - 4;
    return `<g class="edge${executed ? ' executed' : ''}"><path d="${d}" marker-end="url(#arrow)"/><text x="${r(lx)}" y="${r(ly)}">${x(edge.exit)}</text></g>`;
  });
  const nodes = graph.nodes.map((node) => {
    const p = at.get(node.id)!;
    const classes = ['node', options.executed.has(node.id) ? 'executed' : '', options.failing.has(node.id) ? 'failing' : ''].filter(Boolean).join(' ');
    return `<g class="${classes}" data-id="${x(node.id)}"><title>${x(`${node.label} (${node.type})`)}</title><rect x="${r(p.x)}" y="${r(p.y)}" width="${W}" height="${H}" rx="6"/><text x="${r(p.x + 8)}" y="${r(p.y + 18)}" class="label">${x(truncate(node.label, 22))}</text><text x="${r(p.x + 8)}" y="${r(p.y + 34)}" class="type">${x(truncate(node.type, 26))}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow" role="img" aria-label="${x(options.title)}" viewBox="${r(minX)} ${r(minY)} ${r(width)} ${r(height)}" width="${r(Math.min(width, 1600))}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
    ...edges.filter(Boolean),
    ...nodes,
    '</svg>',
  ].join('\n');
}

/** Canvas positions when every node has one and they are spread out; otherwise layers. */
export function layout(graph: DrawingGraph): Map<string, { x: number; y: number }> {
  const positioned = graph.nodes.filter((n): n is DrawingNode & { position: { x: number; y: number } } => Boolean(n.position));
  const distinct = new Set(positioned.map((n) => `${n.position.x},${n.position.y}`)).size;
  if (positioned.length === graph.nodes.length && distinct === graph.nodes.length && distinct > 1) {
    return new Map(positioned.map((n) => [n.id, { x: n.position.x, y: n.position.y }]));
  }
  return layered(graph);
}

function layered(graph: DrawingGraph): Map<string, { x: number; y: number }> {
  const incoming = new Set(graph.edges.filter((e) => e.from !== e.to).map((e) => e.to));
  const roots = graph.nodes.filter((n) => n.type === 'NewPhoneContact' || n.type === 'event' || !incoming.has(n.id)).map((n) => n.id);
  const layer = new Map<string, number>();
  const queue: [string, number][] = roots.map((id) => [id, 0]);
  for (const [id, depth] of queue) layer.set(id, depth);
  for (let i = 0; i < queue.length; i++) {
    const [id, depth] = queue[i];
    for (const edge of graph.edges) {
      if (edge.from === id && !layer.has(edge.to)) {
        layer.set(edge.to, depth + 1);
        queue.push([edge.to, depth + 1]);
      }
    }
  }
  for (const node of graph.nodes) if (!layer.has(node.id)) layer.set(node.id, 0);
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const column = layer.get(node.id)!;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    at.set(node.id, { x: column * (W + 70), y: row * (H + 36) });
  }
  return at;
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const dx = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M${r(x1)},${r(y1)} C${r(x1 + dx)},${r(y1)} ${r(x2 - dx)},${r(y2)} ${r(x2)},${r(y2)}`;
}

function r(n: number): string {
  return String(Math.round(n));
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
