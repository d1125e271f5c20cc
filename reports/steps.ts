/**
 * Build step titles. A report names its lab (`report.lab.id`); the titles come from that mission's
 * own table (`Mission.steps`, e.g. checks/callback-on-global-error: 4 → "Add the HTTP Request
 * GET_CBID …"), so the reports and `flowgrade explain` word the steps the same way. A report of a
 * lab that is not registered has no titles: its steps are by number only.
 */
import { findMission } from '../checks/index.js';
import type { GradeReport } from '../engine/report.js';

export type StepTitles = Readonly<Record<number, string>>;

/** The titles to use for this report: its mission's, else none. */
export function stepTitlesFor(report: Pick<GradeReport, 'lab'>): StepTitles {
  return findMission(report.lab.id)?.steps ?? {};
}

/** `Step 4 — Add the HTTP Request GET_CBID …`, or `Step 4` when there is no title. */
export function stepHeading(step: number, titles: StepTitles): string {
  const title = titles[step];
  return title ? `Step ${step} — ${title}` : `Step ${step}`;
}
