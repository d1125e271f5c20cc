/** A check's documentation page (Markdown), from its metadata: docs/checks/<id>.md and `flowgrade explain`. */
import type { Check, Mission } from '../engine/check.js';
import { pointCount } from '../reports/summary.js';

export function renderCheckPage(check: Check, mission: Mission): string {
  const points = check.severity === 'info' ? 'no points (not checkable from an export)' : pointCount(check.points);
  return [
    `# ${check.id}`,
    '',
    `**${check.title}**`,
    '',
    `- Mission: ${mission.title} (\`${mission.id}\`)`,
    `- Build step: ${check.step} — ${mission.steps[check.step] ?? ''}`.trimEnd(),
    `- Severity: ${check.severity}`,
    `- Points: ${points}`,
    ...(check.scenario ? [`- Judges the simulated scenario: \`${check.scenario}\``] : []),
    '',
    '## What it verifies',
    '',
    check.description.trim(),
    '',
    '## How to fix a failure',
    '',
    check.hint.trim(),
    '',
  ].join('\n');
}
