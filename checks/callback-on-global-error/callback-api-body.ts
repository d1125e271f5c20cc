import { defineCheck, type CheckContext } from '../../engine/check.js';
import type { Activity, FlowModel } from '../../engine/model.js';
import type { TraceEntry } from '../../engine/trace.js';
import { clipWithDots } from '../../engine/clip.js';
import { compareBody, compareRenderedBody, guideBody, parseBody, SAMPLE_ROUNDS, sampleScope, wrongFields, type SampleScope } from './lib/body.js';
import { missionNodes } from './lib/find.js';
import { requestBodyOf } from './lib/http.js';
import { callbackApiOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { changedVariableHint, HINTS } from './lib/hints.js';
import { valuesSeenBy } from './lib/replay.js';
import { namesRead, render, show, valuesAt } from './lib/templates.js';
import { LABELS, VARIABLES } from './lib/names.js';
import { happyPathAt } from './lib/happy-path/trace-excerpts.js';
import { declaredSpelling, misspelledVariable } from './lib/variables.js';

export default defineCheck({
  id: 'callback-api-body',
  title: 'The Create Task request body',
  step: 8,
  points: 6,
  severity: 'required',
  hint: HINTS.callbackApiBody,
  description: [
    'Verifies the **Request Body** of Build step 8, the Create Task request:',
    '',
    '```json',
    JSON.stringify(guideBody('customani'), null, 2),
    '```',
    '',
    'The body is parsed as JSON and compared field by field; the message names every wrong, misspelt (in another',
    'case, or a key of its own a letter or two off: `"destinaton"`) or missing field (all of them in one message, so one round of fixes clears the check; beside a template that does',
    'not parse too), or says where the JSON breaks',
    '(a body that is not JSON has no fields to compare: the message says they are judged once it is valid JSON) and',
    'what to change for the usual mistakes: single or curly quotes',
    '(JSON needs straight double quotes), a `{{ }}` left without its quotes (`"entryPointId": {{outdialcbid}}`: it goes',
    'inside double quotes), or a comma before a closing `}` or `]` (named by the field it follows,',
    '`remove the comma after "callbackType": "immediate"`). Its templates must parse as written in the body\'s text:',
    'Flow Designer renders the text before anything reads it as JSON, so `default(\\"x\\")` inside a JSON string fails,',
    'and a text that is JSON only once rendered passes (`"{{ customani | default("+14085267209") }}"`, the quotes left',
    'bare inside the braces): it is rendered with sample values and compared as rendered.',
    '',
    'Tolerances:',
    '- key order, spacing, line breaks and indentation do not matter (a minified body passes);',
    '- whitespace inside `{{ }}` does not matter (`"{{ outdialcbid }}"` passes), but a space around it inside the quotes',
    '  does (`" {{customani}}"` sends the space with the number, and fails); a template is compared by the',
    '  text it renders with sample values shaped as the lab\'s values are (customani a phone number such as `+14085552367`,',
    '  outdialcbid an entry point id, a lower-case UUID; between two rounds of samples every digit and hex letter): a filter',
    '  that changes nothing such a value holds passes (`"{{ customani | trim }}"`, `"{{ customani | replace({\' \': \'\'}) }}"`,',
    '  `lower`), one that changes it does not (`"+{{customani}}"`, `urlencode`, `replace({"+": ""})`, `upper` of outdialcbid),',
    '  and a field is shown as written in the body (in a body judged as rendered, one JSON only once rendered or',
    '  holding a `{% set %}` tag, a field a filter changed is shown as it rendered, with the sample values it was rendered from);',
    '- a field may read a variable that the flow sets before the request (`"destination": "{{dest}}"`, with a Set',
    '  Variable giving `dest` the value `{{customani}}`): the Set Variables of the simulated call run again over the',
    '  sample values (when another mistake stopped the call before the request, those leading straight to it on',
    '  the canvas), customani and outdialcbid holding their samples there even where the flow does not declare',
    '  them so (`customANI`, `customani ` with a space, or not at all: their Build step 2 checks report that), as',
    '  when the body reads them directly; or one that GET_CBID\'s Parsing Settings fill from the same Path Expression as the guide\'s',
    '  variable (a row `dest ← $[0].tacnumber` beside customani\'s), which the request gives the same value once it',
    '  parses (also where the parsing is left on Select: `get-cbid-parse-json` reports that);',
    '- `attributes` may be left out; when present it must be an object of text values, but its entries are',
    '  free (the guide\'s "Message"/"To Queue" are demo data that the callback does not use, and the Create',
    '  Task API does not require the field);',
    '- fields the guide does not have are allowed (the simulated run judges what the API makes of them);',
    '- the body must be JSON as the simulated call renders it too: a value goes into the text as it is, nothing escaped',
    '  for JSON (as flowgrade\'s simulator renders templates: [expressions](../expressions.md)), so a value with a double',
    '  quote, a backslash or a line break (`"Message": "{{getresult}}"`: GET_CBID\'s answer is a JSON text) makes a body',
    '  that is no JSON, and the API answers 400: this check fails too, naming the field (or where the text breaks: a',
    '  `{% set %}` tag, a body JSON only once rendered). Judged with the values the happy-path call had at the request,',
    '  when it got there, customani and outdialcbid holding their samples: a value of theirs that breaks the body',
    '  (customani filled with a list) is reported by the check of the step that gave it, the body being right as',
    '  written (`{{ getresult | escape(strategy=\'json\') }}` stays JSON);',
    '- the guide\'s body fails all the same when a Set Variable of the attendee\'s own, on the simulated call\'s way from',
    '  GET_CBID to the request, sets `customani` or `outdialcbid` again to a value that does not follow what GET_CBID',
    '  filled (the TAC number typed in as OnGlobalError starts, as `"{{dest}}"` with dest typed in; `+1` cut off; the',
    '  status code logged there): the message and the hint name that Set Variable (one keeping the value, `{{customani |',
    '  trim}}`, passes; SetGetResult or SimulateGlobalError writing one is their own checks\' to report);',
    '- the body is one template: a name a `{% set %}` tag gives in one field is read by the fields after it, so a',
    '  body with a `set` tag is judged whole, rendered (`"{% set dest = customani %}{{outdialcbid}}"` then',
    '  `"{{dest}}"` passes; a `set` that gives customani another value before `"{{customani}}"` fails);',
    '- a wrong field whose `{{ }}` lies in a `{# #}` comment (`"{# {{customani}} #}{{outdialcbid}}"`) is told that a',
    '  comment is never evaluated;',
    '- `{{customANI}}` is accepted where the whole flow uses the January 2025 spelling (the hint then names it);',
    '- a body stored in the export as a JSON object instead of text (a hand-edited or generated export) fails as such,',
  '  not as an empty body;',
  '- a body nested deeper than 1,000 levels fails as such: the API\'s JSON reader (Jackson) refuses it;',
  '- a variable declared in another case (`CustomAni`) and read in that spelling is one mistake, reported by its',
    '  Build step 2 check: this check is then not judged and points there.',
  ].join('\n'),
  run(ctx) {
    const api = callbackApiOf(ctx);
    if (!api.ok) return api.outcome;
    const expected = guideBody(missionNodes(ctx.model).aniVariable);
    const stored = api.activity.props.httpRequestBody;
    if (typeof stored === 'object' && stored !== null) {
      // A hand-edited or generated export: Flow Designer stores the body as the text typed into it.
      const kind = Array.isArray(stored) ? 'a JSON array' : 'a JSON object';
      return failed(`${api.activity.label}: the export holds the Request Body as ${kind}, not as text; Flow Designer keeps the body as the text typed into the field`, {
        expected: 'the body of Build step 8, as text',
        actual: kind,
        activity: api.activity,
      });
    }
    const text = requestBodyOf(api.activity);
    const parsed = parseBody(text);
    const expectedText = JSON.stringify(expected);
    // The guide's variables hold their samples through the flow's Set Variables even where the flow
    // does not declare them so (their Build step 2 checks report that), as when the body reads them directly.
    const guideNames = namesRead(expectedText);
    const scopeOf: SampleScope = (samples, field) => valuesSeenBy(ctx, api.activity, field, guideNames)(samples);
    // The body as the simulated call renders it, its own fields reading the call's values (the guide's
    // variables hold their samples: a wrong value of theirs is their own step's to report).
    const notJsonAsSent = (value: unknown) => {
      const broken = brokenAsSent(ctx, api.activity, text, value, expected, (start) => scopeOf(start, text));
      if (!broken) return undefined;
      const why = broken.field
        ? `field "${broken.field.path}" renders ${clipWithDots(show(broken.field.rendered), 80)}, whose ${broken.field.breaks} ${broken.field.breaks === 'double quotes' ? 'end' : 'breaks'} its JSON string`
        : broken.error;
      return failed(`${api.activity.label} Request Body is not JSON as the simulated call renders it: ${why} (a value goes into the body as it is, nothing escaped for JSON, as flowgrade's simulator renders it); the Create Task API answers 400 to a body that is not JSON`, {
        expected: 'a body that is JSON once its templates are rendered, as the body of Build step 8',
        actual: broken.field ? `"${broken.field.path}": ${JSON.stringify(broken.field.template)}` : clipWithDots(broken.rendered, 200),
        activity: api.activity,
        // The field to mend, when it is known: the guide's attributes hold plain text.
        ...(broken.field ? { hint: `${api.activity.label} → Request Body: give "${broken.field.path}" a value without quotes or line breaks, or leave it out (the body of Build step 8 has "attributes": {"Message": "tester", "To Queue": "sales"}).` } : {}),
      });
    };
    const renderedVerdict = (rendered: { problems: string[] }) =>
      rendered.problems.length > 0
        ? failed(`${api.activity.label} Request Body is wrong once its templates are rendered: ${rendered.problems.join('; ')}`, { expected: expectedText, actual: text, activity: api.activity })
        : (notJsonAsSent(parsed.ok ? parsed.value : undefined) ?? passed(`${api.activity.label} sends the Create Task body of the guide (JSON once its templates are rendered)`));
    if (!parsed.ok) {
      const rendered = compareRenderedBody(text, expected, scopeOf);
      // Where it breaks, not the whole text beside the guide's body on one line: the hint gives the body.
      // A body that is not JSON has no fields to compare: the other mistakes it may hold show only
      // once it parses, and the message says so rather than let one fix look like the last.
      const fields = text.trim() && !parsed.tooDeep ? '; its fields are judged once it is valid JSON' : '';
      if (!rendered) return failed(`${api.activity.label}: ${parsed.error}${fields}`, { expected: 'valid JSON, as the body of Build step 8', actual: parsed.where ?? (text.trim() ? text : 'empty'), activity: api.activity });
      return renderedVerdict(rendered);
    }
    // Flow Designer renders the body's text as written, before anything reads it as JSON: a
    // template that only parses once the JSON is decoded (`default(\"x\")`) fails at run time.
    const rendered = render(text, new Map());
    if (!rendered.ok && rendered.error.code === 'syntax') {
      // The body is JSON, so its other fields can be judged all the same: named too (one round of
      // fixes), leaving out the fields whose own template does not parse (that is the error above).
      const broken = unparsedFields(parsed.value);
      const others = SET_TAG.test(text) ? [] : compareBody(parsed.value, expected, scopeOf).filter((problem) => !broken.some((name) => problem.startsWith(`field "${name}"`)));
      const also = others.length > 0 ? `; also ${others.join('; ')}` : '';
      return failed(`${api.activity.label} Request Body has a template that does not parse: ${rendered.error.message}${also}`, { expected: expectedText, actual: text, activity: api.activity });
    }
    // The body is one template: a name a `set` tag gives in one field is read by the fields after
    // it (`"{% set dest = customani %}…"`, then `"{{dest}}"`), so such a body is judged whole, rendered.
    const whole = SET_TAG.test(text) ? compareRenderedBody(text, expected, scopeOf) : undefined;
    if (whole) return renderedVerdict(whole);
    const problems = compareBody(parsed.value, expected, scopeOf);
    const renamed = problems.length > 0 ? declaredSpellingBody(ctx.model, expected) : undefined;
    if (renamed && compareBody(parsed.value, renamed.body, scopeOf).length === 0) {
      const { message, cause } = misspelledVariable(renamed.name, renamed.used, `${api.activity.label} sends the Create Task body of the guide, but reads`);
      return failed(message, { expected: expectedText, actual: JSON.stringify(parsed.value), activity: api.activity, cause });
    }
    if (problems.length > 0) {
      // Only the wrong fields; both bodies when the body is no object at all.
      const fields = parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? wrongFields(parsed.value as Record<string, unknown>, expected, scopeOf) : undefined;
      const shown = fields?.expected ? fields : { expected: expectedText, actual: JSON.stringify(parsed.value) };
      return failed(`${api.activity.label} Request Body is wrong: ${problems.join('; ')}`, { ...shown, activity: api.activity });
    }
    const setAgain = setAgainBeforeRequest(ctx, api.activity, expectedText, (samples) => scopeOf(samples, expectedText));
    if (setAgain) {
      const { name, entry, value, get } = setAgain;
      return failed(`${api.activity.label} sends the Create Task body of the guide, but ${entry.activity} sets ${name} again on the way to it (to ${clipWithDots(show(value), 60)} on the simulated call), whatever ${get} filled: the request never sends the value of the caller's DynVars record`, {
        expected: `${name} as ${get} filled it`,
        actual: `${name} set by ${entry.activity}`,
        activity: api.activity,
        hint: changedVariableHint(entry.activity, name, get),
      });
    }
    return notJsonAsSent(parsed.value) ?? passed(`${api.activity.label} sends the Create Task body of the guide`);
  },
});

/**
 * Whether the body is no JSON as the happy-path call renders it at the request: a value brought in
 * as it is with a double quote, a backslash or a line break (`"Message": "{{getresult}}"` puts the
 * quotes of GET_CBID's answer into the text; the simulator renders the text, escaping nothing for
 * JSON, and the API parses what it gets). Rendered with the values the call had there, the
 * variables of the guide's body (`guide`) holding their samples through the flow's Set Variables (`seen`): a value
 * of theirs that breaks the body (customani filled with a list) is the step's that gave it, and the
 * body is right as written. The field named is one of the body's own (the guide's fields read the
 * samples) whose template, with no escape in it, renders such a character; undefined when the call
 * never got to the request, or the body renders to JSON, or a field of the guide's breaks it even so
 * (SetGetResult writing GET_CBID's answer into customani, which the samples do not undo: its check's).
 */
function brokenAsSent(
  ctx: CheckContext,
  request: Activity,
  text: string,
  value: unknown,
  guide: Record<string, unknown>,
  seen: (start: ReadonlyMap<string, unknown>) => ReadonlyMap<string, unknown>,
): { error: string; rendered: string; field?: { path: string; template: string; rendered: string; breaks: string } } | undefined {
  const { trace, at } = happyPathAt(ctx, request);
  if (at < 0) return undefined;
  const samples = sampleScope([JSON.stringify(guide)], SAMPLE_ROUNDS[0]!);
  const values = seen(new Map([...valuesAt(ctx, trace, at), ...samples]));
  const whole = render(text, values);
  // (A value that fails to render fails the request: the run's checks say so.)
  if (!whole.ok) return undefined;
  const parsed = parseBody(whole.value);
  if (parsed.ok) return undefined;
  const broken = { error: parsed.error.replace(/^the Request Body is not valid JSON /, 'it breaks ').replace(/^the Request Body /, 'it '), rendered: whole.value };
  const guideFields = new Set(templateTexts(guide).map(({ path }) => path));
  let field: { path: string; template: string; rendered: string; breaks: string } | undefined;
  for (const { path, template } of templateTexts(value)) {
    // A template with an escape in it (`caller \"{{ANI}}\"`) is not in the text as decoded here.
    if (BREAKS_JSON_STRING.some(({ pattern }) => pattern.test(template))) continue;
    const rendered = render(template, values);
    const breaks = rendered.ok ? BREAKS_JSON_STRING.find(({ pattern }) => pattern.test(rendered.value))?.name : undefined;
    if (!rendered.ok || breaks === undefined) continue;
    // A field of the guide's breaking it even so (SetGetResult writing GET_CBID's answer into customani): its value's step reports it.
    if (guideFields.has(path)) return undefined;
    field ??= { path, template, rendered: rendered.value, breaks };
  }
  return field ? { ...broken, field } : broken;
}

/** What a value put into a JSON string as it is can hold that breaks the string, as a message names it. */
const BREAKS_JSON_STRING = [
  { pattern: /"/, name: 'double quotes' },
  { pattern: /\\/, name: 'backslash' },
  { pattern: /[\u0000-\u001f]/, name: 'control character (a line break, a tab)' },
];

/** The body's texts that hold a template, names and values, by path (`attributes.Message`; a name's path is its own). */
function templateTexts(value: unknown, path = ''): { path: string; template: string }[] {
  if (typeof value === 'string') return /\{[{%]/.test(value) ? [{ path, template: value }] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const at = path ? `${path}.${key}` : key;
    return [...(/\{[{%]/.test(key) ? [{ path: at, template: key }] : []), ...templateTexts(inner, at)];
  });
}

/** A `{% set %}` tag (one in a comment counts too: judging the body rendered is right either way). */
const SET_TAG = /\{%-?\s*set\s/;

/**
 * The guide's body with its variables in the spelling the flow declares them (see
 * `declaredSpelling`), and the first variable renamed so: undefined when none is.
 */
function declaredSpellingBody(model: FlowModel, expected: Record<string, unknown>): { body: Record<string, unknown>; name: string; used: string } | undefined {
  const ani = missionNodes(model).aniVariable;
  const renamed = [VARIABLES.outdialcbid, ani].map((name) => ({ name, used: declaredSpelling(model, name) })).filter((v) => v.used !== v.name);
  if (renamed.length === 0) return undefined;
  const spelled = (name: string) => `{{${declaredSpelling(model, name)}}}`;
  return { body: { ...expected, entryPointId: spelled(VARIABLES.outdialcbid), destination: spelled(ani) }, ...renamed[0]! };
}

/** The names (`destination`, `callback.callbackType`) of the body's fields whose text holds a template that does not parse. */
function unparsedFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const result = render(value, new Map());
    return !result.ok && result.error.code === 'syntax' ? [path] : [];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => unparsedFields(inner, path ? `${path}.${key}` : key));
}

/**
 * A variable the guide's body (`guideText`) reads that a Set Variable of the attendee's own sets again on the
 * happy-path call's way to `request`, after GET_CBID, to a value that does not follow what GET_CBID filled:
 * customani set to the TAC number typed in as OnGlobalError starts, which `"destination": "{{customani}}"`
 * then sends for every caller (as `"{{dest}}"` with dest typed in does, judged through `seen`: the Set
 * Variables run again over sample values). One that keeps the value (`{{customani | trim}}`) passes;
 * SetGetResult and SimulateGlobalError writing one are their own checks' to report.
 */
function setAgainBeforeRequest(
  ctx: CheckContext,
  request: Activity,
  guideText: string,
  seen: (samples: ReadonlyMap<string, unknown>) => ReadonlyMap<string, unknown>,
): { name: string; entry: TraceEntry; value: unknown; get: string } | undefined {
  const { trace, at } = happyPathAt(ctx, request);
  if (at < 0) return undefined;
  const nodes = missionNodes(ctx.model);
  const own = new Set([nodes.setGetResult?.id, nodes.simulateError?.id]);
  const getAt = nodes.getCbid ? trace.slice(0, at).findLastIndex((entry) => entry.activityId === nodes.getCbid!.id) : -1;
  // The samples body.ts compares templates with, which filters act on (a `replace` of "+1" is a change).
  const rounds = SAMPLE_ROUNDS.map((round) => sampleScope([guideText], round)).map((samples) => ({ samples, values: seen(samples) }));
  for (const name of rounds[0]!.samples.keys()) {
    if (rounds.every(({ samples, values }) => values.get(name) === samples.get(name))) continue;
    const entry = trace.slice(getAt + 1, at).findLast((e) => e.type === 'set-variable' && !own.has(e.activityId) && Object.hasOwn(e.modifiedVariables, name));
    if (entry) return { name, entry, value: entry.modifiedVariables[name], get: nodes.getCbid?.label ?? LABELS.getCbid };
  }
  return undefined;
}
