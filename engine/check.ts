/**
 * The unit of a lab mission: a check is metadata plus one pure function over the flow model and
 * the mission's simulated runs. Missions live under `checks/<mission-id>/`.
 */
import type { AcceptedTask, DynVarsRecord, MockApiFilter, MockOptions, SeenRequest } from '../mocks/index.js';
import type { Activity, FlowModel } from './model.js';
import type { Severity } from './report.js';
import type { Scenario } from './simulator/index.js';
import type { SimulationResult, TraceEntry } from './trace.js';

interface CheckMeta {
  /** Stable kebab-case id: file name, docs page, JUnit testcase. */
  id: string;
  title: string;
  /** Build step of the guide this check verifies. */
  step: number;
  points: number;
  severity: Severity;
  /** What to change, in Flow Designer's own words (activity label, panel, field). */
  hint: string;
  /** Longer explanation for the check's docs page (Markdown): what it verifies and its tolerances. */
  description: string;
  /** The scenario whose run this check judges (behavioural checks); a scenario passes when all its checks pass. */
  scenario?: string;
  /**
   * A failure of this check is the report's "Fix first", before any required check: nothing else
   * in the report applies until it is fixed (e.g. the export is another flow than the mission's).
   */
  fixFirst?: boolean;
}

export type CheckOutcome =
  | { status: 'passed'; message: string }
  | {
      status: 'failed';
      message: string;
      expected?: string;
      actual?: string;
      /** The activity the failure points at (its label and JSON pointer go into the report). */
      activity?: Activity;
      pointer?: string;
      traceExcerpt?: TraceEntry[];
      /** What to change for this very failure, when the check's own hint would not fit it. */
      hint?: string;
      /**
       * A key naming the root cause when other checks can fail for it too (e.g. an activity that
       * is missing): the first check in mission order reports it, the later ones are not judged.
       */
      cause?: string;
    }
  /** Not checkable from an export (validate, publish, Control Hub). Never counts as passed. */
  | { status: 'info'; message: string }
  /**
   * Could not be evaluated because something it depends on went wrong (earns nothing);
   * `reportedBy`: the id of the check that reports it (the report names it by its title).
   */
  | { status: 'skipped'; message: string; reportedBy?: string };

/** One simulated run of a mission scenario, as checks see it. */
export interface ScenarioRun {
  result: SimulationResult;
  /** Tasks the mocked Tasks API accepted during the run. */
  tasks: AcceptedTask[];
  /** Every request a mock saw. */
  requests: SeenRequest[];
}

export interface CheckContext {
  model: FlowModel;
  /** Scenario id → its run. */
  runs: Readonly<Record<string, ScenarioRun>>;
  /** The mission's settings as resolved for this grading (DNIS, dataset record, …). */
  settings: Readonly<MissionSettings>;
}

export interface Check extends CheckMeta {
  run(ctx: CheckContext): CheckOutcome;
}

export interface ScenarioDefinition {
  id: string;
  title: string;
  scenario: Scenario;
  /** Mock behaviour for this scenario (forced Tasks API status, …), merged over the grading's options. */
  mocks?: Pick<MockOptions, 'tasks'>;
}

export interface MissionSettings {
  /** DNIS the scenarios call (E.164 with +). */
  dnis: string;
  /** The DynVars dataset the mocks answer from (the lab's own unless the user gave one). */
  dynvars: readonly DynVarsRecord[];
  /** How the DynVars mock matches a query parameter to a record's field (the grading's `mocks.mockapiFilter`). */
  mockapiFilter: MockApiFilter;
}

export interface Mission {
  id: string;
  title: string;
  /** Where the guide lives (for docs links). */
  guide: string;
  /**
   * The flow the attendee exports, as Flow Designer's Flows list shows it (`Main_Flow_<Your_Attendee_ID>`):
   * the reports of a file that must be exported again name it (default: "your flow"), and what comes
   * before its `<` is what comes before the attendee id in a flow's or a file's name (default `Main_Flow_`).
   */
  flowName?: string;
  /** Build step number → its short title, as the guide words it. */
  steps: Record<number, string>;
  checks: Check[];
  /**
   * Scenarios are built from the resolved settings (e.g. the DNIS a user passed) and, when grading,
   * the flow (e.g. to answer the menu the flow really has, whatever its label).
   */
  scenarios(settings: Pick<MissionSettings, 'dnis'>, model?: FlowModel): ScenarioDefinition[];
  /**
   * How this mission's checks are judged beyond what every mission shares (one Markdown list item
   * each, without its `- `): its section of docs/checks/README.md lists them under Scoring.
   */
  docsNotes?: readonly string[];
  /** Mission defaults; `dynvars` and `mockapiFilter` are filled in by the grading (the mocks' options). */
  defaultSettings: Omit<MissionSettings, 'dynvars' | 'mockapiFilter'>;
  /**
   * Why no flow could pass with these settings (a grader's setup, not an attendee's mistake), or
   * undefined. The CLI's check and grade refuse such settings, and the page its DNIS; a
   * simulation and gradeFlow itself take them.
   */
  settingsProblem?(settings: Readonly<MissionSettings>): string | undefined;
}

export function defineCheck(check: Check): Check {
  return check;
}
