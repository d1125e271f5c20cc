/**
 * The per-attendee HTML report: one self-contained file (inline CSS, no external assets, works
 * from file://, prints well). `renderReportBody` + `REPORT_CSS` are reused by the self-check page.
 */
import type { CheckResult, GradeReport, ScenarioResult } from '../engine/report.js';
import type { TraceEntry } from '../engine/trace.js';
import { escapeHtml as h } from './escape.js';
import { byStep, DEFAULT_STEP_TITLES, formatPoints, stepState, summarize } from './summary.js';
import { renderFlowSvg } from './svg.js';

export const REPORT_CSS = `
:root { --ok: #1a7f37; --bad: #c62828; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --exec: #0969da; }
.fg-report { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 1200px; margin: 0 auto; padding: 16px; }
.fg-report h1 { font-size: 1.5rem; margin: 0 0 4px; }
.fg-report h2 { font-size: 1.15rem; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.fg-report h3 { font-size: 1rem; margin: 16px 0 6px; }
.fg-report .meta { color: var(--muted); margin: 0 0 12px; }
.verdict { display: inline-block; padding: 4px 12px; border-radius: 999px; font-weight: 700; color: #fff; }
.verdict.passed { background: var(--ok); } .verdict.failed { background: var(--bad); } .verdict.ungradable { background: var(--warn); }
.score { font-size: 1.1rem; margin-left: 12px; font-weight: 600; }
.step { border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; padding: 4px 14px 10px; }
.step.failed, .step.partial { border-left: 5px solid var(--bad); } .step.passed { border-left: 5px solid var(--ok); } .step.info { border-left: 5px solid var(--line); }
.check { margin: 8px 0; }
.check .mark { display: inline-block; width: 1.3em; font-weight: 700; }
.check.passed .mark { color: var(--ok); } .check.failed .mark, .check.errored .mark { color: var(--bad); } .check.info .mark, .check.skipped .mark { color: var(--muted); }
.check .detail { margin: 2px 0 0 1.3em; }
.check .hint { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 10px; margin: 6px 0 0 1.3em; }
.check dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 0 1.3em; }
.check dt { color: var(--muted); } .check dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; word-break: break-word; }
table.trace { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
table.trace th, table.trace td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.trace th { background: var(--bg); }
table.trace td.outcome-error { color: var(--bad); font-weight: 600; }
table.trace td code { white-space: pre-wrap; word-break: break-word; }
.drawing { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; margin: 8px 0; }
svg.flow { display: block; height: auto; max-width: none; font: 12px system-ui, sans-serif; }
svg.flow .node rect { fill: #fff; stroke: #8c959f; stroke-width: 1.5; }
svg.flow .node.executed rect { fill: #ddf4ff; stroke: var(--exec); stroke-width: 3; }
svg.flow .node.failing rect { fill: #ffebe9; stroke: var(--bad); stroke-width: 3; stroke-dasharray: 6 3; }
svg.flow .node .label { font-weight: 600; fill: #1f2328; } svg.flow .node .type { fill: var(--muted); font-size: 11px; }
svg.flow .edge path { fill: none; stroke: #8c959f; stroke-width: 1.3; } svg.flow .edge text { fill: var(--muted); font-size: 10px; }
svg.flow .edge.executed path { stroke: var(--exec); stroke-width: 3; } svg.flow .edge.executed text { fill: var(--exec); font-weight: 600; }
svg.flow marker path { fill: #8c959f; }
.sr-status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.legend span { margin-right: 14px; } .legend .exec { color: var(--exec); font-weight: 600; } .legend .fail { color: var(--bad); font-weight: 600; }
.error-box { border: 1px solid var(--warn); background: #fff8c5; border-radius: 8px; padding: 10px 14px; }
@media print { .fg-report { max-width: none; padding: 0; } .step, .drawing, table.trace tr { break-inside: avoid; } .drawing { overflow: visible; } svg.flow { width: 100%; } }
`;

export interface HtmlOptions {
  stepTitles?: Record<number, string>;
}

export function renderHtmlReport(report: GradeReport, options: HtmlOptions = {}): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${h(`flowgrade — ${report.attendee.id} — ${report.verdict}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    renderReportBody(report, options),
    '</body></html>',
    '',
  ].join('\n');
}

export function renderReportBody(report: GradeReport, options: HtmlOptions = {}): string {
  const titles = options.stepTitles ?? DEFAULT_STEP_TITLES;
  const summary = summarize(report);
  const parts = [
    '<article class="fg-report">',
    `<h1>${h(report.lab.title)}: attendee ${h(report.attendee.id)}</h1>`,
    `<p class="meta">${h(report.input.file)}${report.input.flowName ? ` — flow ${h(report.input.flowName)}` : ''} — graded ${h(report.generatedAt)} by ${h(report.tool.name)} ${h(report.tool.version)}</p>`,
    `<p><span class="verdict ${h(report.verdict)}" data-verdict="${h(report.verdict)}">${h(report.verdict.toUpperCase())}</span>${report.score ? `<span class="score">${formatPoints(report.score.earned)} / ${formatPoints(report.score.possible)} points</span>` : ''}</p>`,
    `<p class="summary">${h(summary.line)}</p>`,
  ];
  if (report.verdict === 'ungradable') {
    parts.push(`<div class="error-box" role="alert"><strong>This file could not be graded.</strong> ${h(report.error?.message)} <code>[${h(report.error?.code)}]</code></div>`, '</article>');
    return parts.join('\n');
  }
  parts.push('<h2>Checks by Build step</h2>');
  for (const [step, checks] of byStep(report.checks)) {
    parts.push(
      `<section class="step ${stepState(checks)}" id="step-${step}" aria-labelledby="step-${step}-title">`,
      `<h3 id="step-${step}-title">Step ${step} — ${h(titles[step] ?? '')}</h3>`,
      ...checks.map(renderCheck),
      '</section>',
    );
  }
  parts.push(renderDrawings(report));
  parts.push('<h2>Simulated calls</h2>');
  for (const scenario of report.scenarios) parts.push(renderScenario(scenario));
  parts.push('</article>');
  return parts.join('\n');
}

function renderCheck(check: CheckResult): string {
  const mark = { passed: '✓', failed: '✗', errored: '✗', info: '–', skipped: '–' }[check.status];
  const problem = check.status === 'failed' || check.status === 'errored';
  const points = check.severity === 'info' ? '' : ` <small>(${formatPoints(check.earned)}/${formatPoints(check.points)} pts, ${h(check.severity)})</small>`;
  const rows: [string, string | undefined][] = problem
    ? [
        ['expected', check.expected],
        ['actual', check.actual],
        ['activity', check.activity ? `${check.activity}${check.pointer ? ` (${check.pointer})` : ''}` : undefined],
      ]
    : [];
  const defined = rows.filter((row): row is [string, string] => row[1] !== undefined);
  return [
    `<div class="check ${h(check.status)}" data-check="${h(check.id)}">`,
    `<div><span class="mark" aria-hidden="true">${mark}</span><strong>${h(check.title)}</strong>${points} <span class="sr-status">${h(check.status)}</span></div>`,
    `<div class="detail">${h(check.message)}</div>`,
    defined.length ? `<dl>${defined.map(([k, v]) => `<dt>${k}</dt><dd>${h(v)}</dd>`).join('')}</dl>` : '',
    problem ? `<div class="hint"><strong>How to fix:</strong> ${h(check.hint)}</div>` : '',
    problem && check.traceExcerpt?.length ? renderTrace(check.traceExcerpt) : '',
    '</div>',
  ].join('');
}

function renderDrawings(report: GradeReport): string {
  if (!report.flow) return '';
  const trace = report.scenarios[0]?.trace ?? [];
  const executed = new Set(trace.map((e) => e.activityId));
  const executedEdges = new Set(trace.slice(1).map((e, i) => `${trace[i].activityId}>${e.activityId}`));
  const failing = new Set(report.checks.filter((c) => c.status === 'failed' || c.status === 'errored').map((c) => activityIdOf(c.pointer)).filter((id): id is string => Boolean(id)));
  const svg = (title: string, graph: typeof report.flow.main) =>
    `<h3>${h(title)}</h3><div class="drawing">${renderFlowSvg(graph, { executed, executedEdges, failing, title })}</div>`;
  return [
    '<h2>Your flow</h2>',
    `<p class="legend"><span class="exec">■ executed in “${h(report.scenarios[0]?.title ?? '')}”</span><span class="fail">▢ activity with a failing check</span></p>`,
    svg('Main flow', report.flow.main),
    svg('Event flows', report.flow.events),
  ].join('\n');
}

/** `/process/activities/<id>` (or the event-flow equivalent) → `<id>`. */
function activityIdOf(pointer: string | undefined): string | undefined {
  const match = pointer ? /\/activities\/([^/]+)/.exec(pointer) : null;
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

function renderScenario(scenario: ScenarioResult): string {
  return [
    `<section class="scenario" data-scenario="${h(scenario.id)}">`,
    `<h3>${scenario.passed ? '✓' : '✗'} ${h(scenario.title)}</h3>`,
    `<p class="meta">${h(scenario.summary)}</p>`,
    renderTrace(scenario.trace),
    '</section>',
  ].join('\n');
}

function renderTrace(trace: TraceEntry[]): string {
  const rows = trace.map((e) => {
    const variables = Object.entries(e.modifiedVariables).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('\n');
    const http = e.http ? `${e.http.method} ${e.http.url} → ${e.http.unmocked ? 'blocked (no mock)' : e.http.timedOut ? 'no response' : e.http.status}` : '';
    const notes = [e.error ? `error: ${e.error}` : '', ...(e.prompts ?? []).map((p) => `“${p}”`), http].filter(Boolean).join('\n');
    return `<tr><td>${h(e.flow)}</td><td>${h(e.activity)}</td><td>${h(e.type)}</td><td class="outcome-${e.outcome === 'error' ? 'error' : 'ok'}">${h(e.outcome)}</td><td><code>${h(variables)}</code></td><td><code>${h(notes)}</code></td></tr>`;
  });
  return `<table class="trace"><thead><tr><th scope="col">Flow</th><th scope="col">Activity Name</th><th scope="col">Type</th><th scope="col">Outcome</th><th scope="col">Modified Variables</th><th scope="col">Details</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
