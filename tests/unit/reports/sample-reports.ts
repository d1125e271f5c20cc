/** Real reports (grading fixtures with a fixed clock) and a hostile one, for reporter tests. */
import { MISSIONS } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { readFixture } from '../../helpers.js';

export const FIXED_NOW = () => new Date('2025-07-16T09:00:00.000Z');
export const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>]]>"&\'|`*_[x](y)=cmd|';

export function grade(file: string, bytes: Uint8Array = readFixture(file)): Promise<GradeReport> {
  return gradeFlow(bytes, { mission: MISSIONS[0], fileName: file, now: FIXED_NOW, tool: { name: 'flowgrade', version: 'test' } });
}

/** A failed report whose export-sourced strings are all hostile. */
export async function hostileReport(): Promise<GradeReport> {
  const report = await grade('flows/defect-condition-tests-200.json');
  const swap = (text: string) => text.replace(/HTTPStatusCode|CallBackAPI_HTTPRequest/g, HOSTILE);
  return {
    ...report,
    attendee: { id: HOSTILE, source: 'option' },
    input: { ...report.input, file: `${HOSTILE}.json` },
    checks: report.checks.map((c) => ({ ...c, message: swap(c.message), ...(c.activity ? { activity: HOSTILE } : {}), ...(c.actual ? { actual: HOSTILE } : {}) })),
    scenarios: report.scenarios.map((s) => ({ ...s, trace: s.trace.map((e) => ({ ...e, activity: swap(e.activity), modifiedVariables: { [HOSTILE]: HOSTILE } })) })),
    flow: report.flow && {
      main: { ...report.flow.main, nodes: report.flow.main.nodes.map((n) => ({ ...n, label: HOSTILE })) },
      events: { ...report.flow.events, nodes: report.flow.events.nodes.map((n) => ({ ...n, label: HOSTILE, type: HOSTILE })), edges: report.flow.events.edges.map((e) => ({ ...e, exit: HOSTILE })) },
    },
  };
}
