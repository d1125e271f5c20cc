/** A Markdown summary for CI job summaries and PR comments. */
import type { GradeReport } from '../engine/report.js';
import { escapeMarkdown as md } from './escape.js';
import { commonFailures } from './failures.js';
import { formatPoints } from './summary.js';

export function renderMarkdown(reports: GradeReport[], options: { title?: string } = {}): string {
  const count = (verdict: string) => reports.filter((r) => r.verdict === verdict).length;
  const lines = [
    `# ${md(options.title ?? 'flowgrade results')}`,
    '',
    `**${reports.length}** submissions: **${count('passed')}** passed, **${count('failed')}** failed, **${count('ungradable')}** ungradable.`,
    '',
    '| Attendee | Verdict | Score | Failing steps |',
    '|---|---|---|---|',
  ];
  for (const r of reports) {
    const verdict = r.verdict === 'passed' ? '✅ passed' : r.verdict === 'failed' ? '❌ failed' : '⚠️ ungradable';
    const score = r.score ? `${formatPoints(r.score.earned)}/${formatPoints(r.score.possible)}` : '—';
    const failing =
      r.verdict === 'ungradable'
        ? md(`${r.error?.code}: ${r.error?.message}`)
        : [...new Set(r.checks.filter((c) => c.status === 'failed' || c.status === 'errored').map((c) => c.step))].map((s) => `step ${s}`).join(', ') || '—';
    lines.push(`| ${md(r.attendee.id)} | ${verdict} | ${score} | ${failing} |`);
  }
  const common = commonFailures(reports).slice(0, 10);
  if (common.length) {
    lines.push('', '## Most common failures', '', '| Check | Step | Attendees |', '|---|---|---|');
    for (const f of common) lines.push(`| ${md(f.title)} (\`${f.id}\`) | ${f.step} | ${f.attendees.length}: ${f.attendees.map(md).join(', ')} |`);
  }
  return lines.join('\n') + '\n';
}
