/**
 * The checks of the Activity Labels the guide gives the mission's activities, one recommended
 * check per Build step. The other checks find an activity by its role when its label differs (and
 * name it by its own label), so a flow labelled otherwise works and passes them; these say that
 * the guide's names, which the Testing steps look for in the Debug tool, are missing.
 */
import { defineCheck, type Check, type CheckContext } from '../../../engine/check.js';
import type { Activity } from '../../../engine/model.js';
import { firstFew } from '../../../engine/word-list.js';
import { failed, passed } from './outcome.js';
import type { Found } from './require.js';
import { assignments, valueTemplate } from './set-variable.js';
import { namesRead } from './templates.js';
import { inAnotherCaseOnly } from './names.js';

interface LabelSpec {
  id: string;
  step: number;
  /** What the activity is, for the title and messages: "the HTTP Request after option 3". */
  role: string;
  label: string;
  /**
   * Another label a version of the guide gave it, accepted only when the flow's references agree
   * (lab-context §2.6): `disagrees` says what still reads the guide's label, if anything does.
   */
  alsoAccepted?: { label: string; guide: string; disagrees?: (ctx: CheckContext) => string | undefined };
  /** Why the name matters beyond the canvas. */
  why: string;
  find: (ctx: CheckContext) => Found;
  /** The role of the activity found, in a failure's words, when it is not `role` (one found by its place: "the Set Variable after GET_CBID"). */
  roleOf?: (ctx: CheckContext) => string | undefined;
}

export function labelCheck(spec: LabelSpec): Check {
  const accepted = [spec.label, ...(spec.alsoAccepted ? [spec.alsoAccepted.label] : [])].map((label) => label.toLowerCase());
  return defineCheck({
    id: spec.id,
    title: `${capitalised(spec.role)} is labelled ${spec.label}`,
    step: spec.step,
    points: 1,
    severity: 'recommended',
    hint: `${capitalised(spec.role)} → Activity Label: ${spec.label}`,
    description: [
      `Verifies the **Activity Label** Build step ${spec.step} gives ${spec.role}: **${spec.label}** (in any case),`,
      `${spec.why}.`,
      '',
      `A label in another case passes only when the flow's references agree with it, or nothing reads it: names are`,
      `case-sensitive, so an activity reading \`${spec.label}.<output>\` reads nothing of a \`${spec.label.toLowerCase()}\`. The failure names`,
      "that reader, and the hint renames the activity (with every activity reading it by the label it has), as the",
      "reader's own check, which fails too, says; a leftover holding the guide's exact label leaves it passing (the",
      "reader's check explains that).",
      ...(spec.alsoAccepted
        ? ['', `${spec.alsoAccepted.guide} label **${spec.alsoAccepted.label}** passes too${spec.alsoAccepted.disagrees ? ", unless the flow still reads the activity by the guide's label (the references then disagree: rename the activity)" : ''}.`]
        : []),
      '',
      'Recommended only: the other checks find the activity by its role when it is labelled otherwise (and name it',
      'by its own label), so another label changes neither what the flow does nor the verdict. A failure says when',
      "another activity, one the call does not reach (a leftover of the step built again), holds the guide's label.",
      "Flow Designer reads an activity's outputs by its label as written (`GET_CBID.httpResponseBody`), and",
      'renaming the activity does not change what reads them: the hint names every activity that reads its outputs',
      'by the label it has, to be changed with it.',
      'Skipped when the activity is missing or of another type (the first check of the step reports it).',
    ].join('\n'),
    run(ctx) {
      const found = spec.find(ctx);
      if (!found.ok) return found.outcome;
      const activity = found.activity;
      const old = spec.alsoAccepted;
      const oldLabel = old !== undefined && activity.label.toLowerCase() === old.label.toLowerCase();
      const reader = oldLabel ? old.disagrees?.(ctx) : undefined;
      if (reader && old) {
        // The old label beside a reference typed from today's guide: renaming the activity mends both.
        return failed(`${capitalised(spec.role)} is labelled ${activity.label}, ${old.guide[0].toLowerCase()}${old.guide.slice(1)} label, but ${reader}: ${spec.why}`, {
          expected: spec.label,
          actual: activity.label,
          activity,
          hint: `${activity.label.trim()} → Activity Label: ${spec.label}`,
        });
      }
      // The guide's label in another case, read by its exact spelling: the same disagreement, for
      // Pebble names are case-sensitive (GET_CBID.httpResponseBody reads nothing of a Get_CBID).
      const caseReader = inAnotherCaseOnly(activity.label, spec.label) ? exactLabelReader(ctx, activity, spec.label) : undefined;
      if (caseReader) {
        return failed(`${capitalised(spec.role)} is labelled ${activity.label}, ${spec.label} in another case, but ${caseReader} (names are case-sensitive): ${spec.why}`, {
          expected: spec.label,
          actual: activity.label,
          activity,
          hint: `${activity.label} → Activity Label: ${spec.label}${readersToChange(ctx, activity, spec.label)}`,
        });
      }
      if (accepted.includes(activity.label.toLowerCase())) return passed(`${capitalised(spec.role)} is labelled ${activity.label}`);
      const holder = [...ctx.model.main.activities, ...ctx.model.events.activities].find((a) => a !== activity && accepted.includes(a.label.toLowerCase()));
      const held = holder ? `; ${holder.label} is the label of another ${holder.reachable ? 'activity' : 'activity, one the call does not reach'}` : '';
      const role = spec.roleOf?.(ctx) ?? spec.role;
      // A space before or after the name cannot be seen: the label is quoted then.
      const spaced = activity.label.trim() !== activity.label;
      const shown = spaced ? `${JSON.stringify(activity.label)} (with spaces around the name)` : activity.label;
      return failed(`${capitalised(role)} is labelled ${shown}, not ${spec.label}${held}: ${spec.why}`, {
        expected: spec.label,
        actual: spaced ? JSON.stringify(activity.label) : activity.label,
        activity,
        hint: `${activity.label.trim()} → Activity Label: ${spec.label}${holder ? ` (first delete the other ${holder.label}, or rename it)` : ''}${readersToChange(ctx, activity, spec.label)}`,
      });
    },
  });
}

/**
 * What else renaming `activity` to `label` asks for: `; then, where HTTPStatusCode reads
 * HTTPRequest_k2m.httpStatusCode, read CallBackAPI_HTTPRequest.httpStatusCode`, for every activity
 * that reads its outputs by the label it has (its settings' templates, a Set To Variable row's
 * `Label.output`); '' when none does.
 */
function readersToChange(ctx: CheckContext, activity: Activity, label: string): string {
  const fixes = readersOf(ctx, activity.label, activity).map(({ reader, read }) => {
    const renamed = read.map((name) => label + name.slice(activity.label.length));
    return `where ${reader.label} reads ${read.join(' and ')}, read ${renamed.join(' and ')}`;
  });
  return fixes.length > 0 ? `; then, ${firstFew(fixes, 3, { between: '; ', before: '; and ', others: (left) => `${left} more activities reading ${activity.label}` })}` : '';
}

/**
 * `SetGetResult reads GET_CBID.httpResponseBody`: the first activity reading the outputs of `label`
 * spelled exactly so while no activity carries it (`activity` has it in another case); undefined when
 * nothing reads it, or another activity holds it (a leftover: the reader's own check explains that).
 */
function exactLabelReader(ctx: CheckContext, activity: Activity, label: string): string | undefined {
  if ([...ctx.model.main.activities, ...ctx.model.events.activities].some((a) => a.label === label)) return undefined;
  const declared = new Set(ctx.model.variables.map((variable) => variable.name));
  for (const { reader, read } of readersOf(ctx, label, activity)) {
    // An output read (`GET_CBID.httpResponseBody`, `GET_CBID['httpResponseBody']`), or the bare label unless a flow variable has that name.
    const output = read.find((name) => name.includes('.') || !declared.has(name));
    if (output) return `${reader.label} reads ${output}`;
  }
  return undefined;
}

/**
 * The activities but `except` that read the outputs of `label`, each with the names it reads
 * (`GET_CBID.httpResponseBody`, also for `GET_CBID['httpResponseBody']`), in the flows' order.
 */
function readersOf(ctx: CheckContext, label: string, except: Activity): { reader: Activity; read: string[] }[] {
  return [...ctx.model.main.activities, ...ctx.model.events.activities]
    .filter((reader) => reader !== except)
    .map((reader) => ({ reader, read: [...new Set(templatesOf(reader).flatMap(namesRead))].filter((name) => name.split('.')[0] === label) }))
    .filter(({ read }) => read.length > 0);
}

/** Every text an activity runs as a template: its settings' texts, and a Set To Variable row's bare `Label.output`. */
function templatesOf(activity: Activity): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(activity.props);
  if (activity.type === 'set-variable') texts.push(...assignments(activity).map(valueTemplate));
  return texts.filter((text) => text.includes('{'));
}

function capitalised(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
