/** The text summary `flowgrade inspect` prints. */
import { activityById } from '../engine/graph.js';
import type { FlowGraph, FlowModel } from '../engine/model.js';
import { printableLine } from '../reports/escape.js';
import { caseExitLabel } from '../engine/simulator/activities/logic.js';

export function describeModel(model: FlowModel): string {
  const lines: string[] = [];
  // The generation is told by the file's shape (the keys it has), not by its dates: a "format".
  const modified = model.lastModifiedDate ? `, last modified ${model.lastModifiedDate}` : '';
  lines.push(`${model.name} (${model.flowType}, ${model.generation} export format${model.templateBody ? ', from a flow-template body' : ''}${modified})`);
  lines.push(`attendee: ${model.attendee.id} (from ${model.attendee.source})`);
  lines.push('', `variables (${model.variables.length}):`);
  for (const v of model.variables) lines.push(`  ${v.name}: ${v.type} = ${JSON.stringify(v.defaultValue)}${v.source ? ` [${v.source}]` : ''}`);
  describeGraph('main flow', model.main, lines);
  describeGraph('event flows', model.events, lines);
  lines.push('', `event handlers (${model.handlers.length}):`);
  for (const h of model.handlers) {
    const target = h.target ? `→ ${activityById(model.events, h.target)?.label}${h.reaches.length > 1 ? ` (reaches ${h.reaches.length} activities)` : ''}` : '(not linked)';
    lines.push(`  ${h.display} (${h.name}) ${target}`);
  }
  lines.push('', `findings (${model.findings.length}):`);
  for (const f of model.findings) lines.push(`  ${f.code}: ${f.message} at ${f.pointer}`);
  // Names, labels and values come from the export: their control characters and line breaks are shown as \u001b-style escapes, never sent to the terminal.
  return lines.map(printableLine).join('\n') + '\n';
}

function describeGraph(title: string, graph: FlowGraph, lines: string[]): void {
  lines.push('', `${title}: ${count(graph.activities.length, 'activity', 'activities')}, ${count(graph.links.length, 'link', 'links')}`);
  const byType = new Map<string, string[]>();
  for (const a of graph.activities) byType.set(a.type, [...(byType.get(a.type) ?? []), a.label + (a.reachable ? '' : ' (unreachable)')]);
  for (const [type, labels] of [...byType].sort(([a], [b]) => a.localeCompare(b, 'en'))) lines.push(`  ${type}: ${labels.join(', ')}`);
  const labelOf = (id: string) => activityById(graph, id)?.label ?? id;
  if (graph.links.length > 0) lines.push('  links:');
  for (const l of graph.links) {
    // A Case's exit key with the match value its port shows: `Case —0 (AMD)→ VoiceMail`.
    const from = activityById(graph, l.from);
    const port = from && l.exit !== 'default' ? caseExitLabel(from, l.exit) : undefined;
    lines.push(`    ${labelOf(l.from)} —${l.exit}${port === undefined ? '' : ` (${port})`}→ ${labelOf(l.to)}`);
  }
}

/** `1 link`, `2 links`, `0 links`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
