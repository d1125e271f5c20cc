import { defineCheck } from '../../engine/check.js';
import { HINTS } from './lib/hints.js';
import { failed, passed } from './lib/outcome.js';

/** A flow's name: its `<ID>` letters and digits, also beyond ASCII (`Main_Flow_José`, composed or not). */
const PATTERN = /^Main_Flow_([\p{L}\p{M}\p{N}]+)$/u;
/**
 * An id given to the grader taken for a flow's `<ID>`: ASCII letters and digits, at least one digit
 * (the lab's ids are three digits; `Alice` or `Müller` is a person's name).
 */
const ID = /^(?=[A-Za-z]*[0-9])[A-Za-z0-9]+$/;

export default defineCheck({
  id: 'flow-name',
  title: 'The export is the flow Main_Flow_<ID>',
  step: 1,
  points: 1,
  severity: 'recommended',
  fixFirst: true,
  hint: HINTS.exportMainFlow,
  description: [
    'Build step 1 opens the flow **Main_Flow_<Your_Attendee_ID>** that Callback Missions 1–2 built; this',
    'mission extends that same flow. The check verifies that the exported flow is named `Main_Flow_` followed',
    'by the attendee ID (letters and digits, e.g. `Main_Flow_140`; also letters beyond ASCII, `Main_Flow_José`).',
    '',
    'When an attendee ID is given to the grader (`--attendee`, the self-check page\'s Attendee id) and it could be',
    'a flow\'s `<ID>` (ASCII letters and digits only, with at least one digit: the lab\'s IDs are three digits), the name',
    'must carry that ID; one that could not (a person\'s name, `Alice`, `Jane Doe`, `Müller`) names the attendee in the',
    'report only, and the flow name is judged as without it.',
    '',
    'An export of a subflow (`flowType` SUBFLOW, such as an error handler\'s template) fails whatever its name, and says so:',
    'the mission extends the flow itself, whose event flows a subflow does not have.',
    '',
    'Recommended only: a differently named copy can still be a correct solution.',
  ].join('\n'),
  run(ctx) {
    const name = ctx.model.name;
    const match = PATTERN.exec(name);
    // An id given that could be no flow's <ID> (a person's name) labels the report, not the flow.
    const given = ctx.model.attendee.source === 'option' && ID.test(ctx.model.attendee.id) ? ctx.model.attendee.id : undefined;
    const expected = `Main_Flow_${given ?? '<ID>'}`;
    // A subflow (an error handler's template) has no event flows and no caller: another file was exported.
    if (ctx.model.flowType === 'SUBFLOW') return failed(`The export is a subflow, ${JSON.stringify(name)}, not the flow Main_Flow_<ID>`, { expected, actual: `the subflow ${name}`, pointer: '/name' });
    if (!match) return failed(`The flow is named ${JSON.stringify(name)}, not Main_Flow_<ID>`, { expected, actual: name, pointer: '/name' });
    if (given !== undefined && match[1] !== given) {
      return failed(`The flow is named ${name}, but the attendee ID is ${given}`, { expected, actual: name, pointer: '/name' });
    }
    return passed(`The flow is named ${name}`);
  },
});
