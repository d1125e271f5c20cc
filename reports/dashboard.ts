/**
 * The class dashboard (`index.html`): attendees × Build steps heat-map, verdict and score,
 * sortable and filterable, the most common failures, links to every report. Self-contained:
 * rows are rendered here; a small inline script only sorts and filters them.
 */
import type { GradeReport } from '../engine/report.js';
import { escapeHtml as h } from './escape.js';
import { commonFailures } from './failures.js';
import { byStep, DEFAULT_STEP_TITLES, formatPoints, stepState } from './summary.js';

export interface DashboardOptions {
  reportHref: (report: GradeReport) => string;
  duplicates?: { attendee: string; kept: string; dropped: string[] }[];
  title?: string;
  stepTitles?: Record<number, string>;
}

export function renderDashboard(reports: GradeReport[], options: DashboardOptions): string {
  const titles = options.stepTitles ?? DEFAULT_STEP_TITLES;
  const steps = [...new Set(reports.flatMap((r) => r.checks.map((c) => c.step)))].sort((a, b) => a - b);
  const count = (v: string) => reports.filter((r) => r.verdict === v).length;
  const title = options.title ?? 'flowgrade — class results';
  const rows = reports.map((report) => {
    const states = new Map(byStep(report.checks).map(([step, checks]) => [step, stepState(checks)]));
    const percent = report.score && report.score.possible > 0 ? Math.round((report.score.earned / report.score.possible) * 100) : -1;
    const cells = steps.map((step) => {
      const state = report.verdict === 'ungradable' ? 'none' : states.get(step) ?? 'none';
      return `<td class="cell ${state}" data-sort="${{ passed: 3, partial: 2, failed: 1, info: 0, none: 0 }[state]}" title="${h(`Step ${step}: ${state}`)}"><span class="sr">${state}</span></td>`;
    });
    const failing = report.checks.filter((c) => c.status === 'failed' || c.status === 'errored').map((c) => c.id);
    return [
      `<tr data-verdict="${h(report.verdict)}" data-search="${h(`${report.attendee.id} ${report.input.file} ${failing.join(' ')}`.toLowerCase())}">`,
      `<th scope="row" data-sort="${h(report.attendee.id)}"><a href="${h(options.reportHref(report))}">${h(report.attendee.id)}</a></th>`,
      `<td data-sort="${h(report.verdict)}"><span class="verdict ${h(report.verdict)}">${h(report.verdict)}</span></td>`,
      `<td data-sort="${percent}">${report.score ? `${formatPoints(report.score.earned)}/${formatPoints(report.score.possible)}` : '—'}</td>`,
      ...cells,
      `<td class="file" data-sort="${h(report.input.file)}">${h(report.input.file)}${report.error ? ` <small>[${h(report.error.code)}]</small>` : ''}</td>`,
      '</tr>',
    ].join('');
  });
  const common = commonFailures(reports).slice(0, 15);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${CSS}</style></head><body><main>`,
    `<h1>${h(title)}</h1>`,
    `<p class="totals"><strong>${reports.length}</strong> submissions — <span class="verdict passed">${count('passed')} passed</span> <span class="verdict failed">${count('failed')} failed</span> <span class="verdict ungradable">${count('ungradable')} ungradable</span></p>`,
    '<div class="controls">',
    '<label for="filter">Filter</label> <input id="filter" type="search" placeholder="attendee, file or check id">',
    '<label for="verdict-filter">Verdict</label> <select id="verdict-filter"><option value="">all</option><option value="passed">passed</option><option value="failed">failed</option><option value="ungradable">ungradable</option></select>',
    '<span id="shown" aria-live="polite"></span>',
    '</div>',
    '<table id="results"><thead><tr>',
    '<th scope="col"><button type="button" data-col="0">Attendee</button></th><th scope="col"><button type="button" data-col="1">Verdict</button></th><th scope="col"><button type="button" data-col="2">Score</button></th>',
    ...steps.map((step, i) => `<th scope="col" class="step-col"><button type="button" data-col="${i + 3}" title="${h(titles[step] ?? '')}">${step}</button></th>`),
    `<th scope="col"><button type="button" data-col="${steps.length + 3}">File</button></th>`,
    '</tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    '<p class="legend"><span class="cell passed"></span> all checks passed <span class="cell partial"></span> some failed <span class="cell failed"></span> all failed <span class="cell info"></span> not checkable from an export</p>',
    '<h2>Most common failures</h2>',
    common.length
      ? `<ol class="failures">${common.map((f) => `<li><strong>${h(f.title)}</strong> <code>${h(f.id)}</code> — step ${f.step} — <strong>${f.attendees.length}</strong> attendee${f.attendees.length === 1 ? '' : 's'}: ${f.attendees.map(h).join(', ')}<br><small>${h(f.hint)}</small></li>`).join('')}</ol>`
      : '<p>No failing checks.</p>',
    ...(options.duplicates?.length
      ? ['<h2>Duplicate submissions</h2><ul class="duplicates">', ...options.duplicates.map((d) => `<li>${h(d.attendee)}: kept <code>${h(d.kept)}</code>, ignored ${d.dropped.map((f) => `<code>${h(f)}</code>`).join(', ')}</li>`), '</ul>']
      : []),
    `<script>${SCRIPT}</script>`,
    '</main></body></html>',
    '',
  ].join('\n');
}

const CSS = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; }
main { max-width: 1400px; margin: 0 auto; padding: 16px; }
.controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 12px 0; }
input, select { font: inherit; padding: 4px 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
thead button { font: inherit; font-weight: 600; background: none; border: 0; cursor: pointer; padding: 0; color: inherit; }
thead button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
thead th[aria-sort] button::after { content: " ▲"; } thead th[aria-sort="descending"] button::after { content: " ▼"; }
.cell { width: 26px; min-width: 26px; } .cell.passed { background: #2da44e; } .cell.partial { background: #d4a72c; } .cell.failed { background: #cf222e; } .cell.info { background: #eaeef2; } .cell.none { background: #fff; }
.legend .cell { display: inline-block; width: 14px; height: 14px; vertical-align: middle; margin: 0 4px 0 12px; border: 1px solid #d0d7de; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 999px; color: #fff; font-weight: 600; }
.verdict.passed { background: #1a7f37; } .verdict.failed { background: #c62828; } .verdict.ungradable { background: #9a6700; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.file { color: #57606a; font-size: 13px; word-break: break-all; }
tr[hidden] { display: none; }
`;

const SCRIPT = `
(() => {
  const body = document.querySelector('#results tbody');
  const rows = Array.from(body.rows);
  const filter = document.getElementById('filter');
  const verdict = document.getElementById('verdict-filter');
  const shown = document.getElementById('shown');
  function apply() {
    const text = filter.value.trim().toLowerCase();
    let n = 0;
    for (const row of rows) {
      const visible = (!text || row.dataset.search.includes(text)) && (!verdict.value || row.dataset.verdict === verdict.value);
      row.hidden = !visible;
      if (visible) n++;
    }
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  filter.addEventListener('input', apply);
  verdict.addEventListener('change', apply);
  for (const button of document.querySelectorAll('thead button')) {
    button.addEventListener('click', () => {
      const col = Number(button.dataset.col);
      const th = button.parentElement;
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const other of document.querySelectorAll('thead th')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const key = (row) => row.cells[col].dataset.sort ?? row.cells[col].textContent;
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = !isNaN(x) && !isNaN(y) ? Number(x) - Number(y) : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
      for (const row of rows) body.appendChild(row);
    });
  }
  apply();
})();
`;
