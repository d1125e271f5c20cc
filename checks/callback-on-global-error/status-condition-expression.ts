import { defineCheck, type CheckContext, type CheckOutcome } from '../../engine/check.js';
import type { Activity } from '../../engine/model.js';
import { hasExpression } from '../../engine/pebble/index.js';
import { takesTrueExit } from '../../engine/simulator/activities/logic.js';
import { missionNodes } from './lib/find.js';
import { renameRequestInstead, statusExpressionHint } from './lib/hints.js';
import { caseOnlyNote, LABELS } from './lib/names.js';
import { statusConditionOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { happyPathAt } from './lib/happy-path/trace-excerpts.js';
import { valuesSeenBy } from './lib/replay.js';
import { evaluate, flowScope, namesRead, printedAndTested, show, unevaluatedNote } from './lib/templates.js';

/** Where the request's outputs go in a scope built once for every status code (startFor). */
const OUTPUTS_HERE = Symbol('the request outputs');

/** Other answers the Create Task request may get (tasks-api.md, and gateways in between). */
const OTHER_STATUSES = [200, 202, 204, 400, 401, 403, 404, 405, 409, 429, 500, 502, 503, 504];

/**
 * What the condition must give for each status code: true for 201 only. The status code is a
 * number at run time, so only numbers are tried (`== "201"` already fails on the number 201).
 */
const CASES: { status: number; want: boolean }[] = [{ status: 201, want: true }, ...OTHER_STATUSES.map((status) => ({ status, want: false }))];

export default defineCheck({
  id: 'status-condition-expression',
  title: 'HTTPStatusCode tests CallBackAPI_HTTPRequest.httpStatusCode == 201',
  step: 9,
  points: 4,
  severity: 'required',
  hint: 'HTTPStatusCode → Expression: {{CallBackAPI_HTTPRequest.httpStatusCode == 201}} (use the label of your HTTP Request exactly).',
  description: [
    'Verifies the **Expression** of Build step 9: `{{CallBackAPI_HTTPRequest.httpStatusCode == 201}}`, true when',
    'the Create Task request answered **201 Created** and false otherwise.',
    '',
    "The expression is judged by meaning, with flowgrade's Pebble engine: it is evaluated with the HTTP",
    "Request's `httpStatusCode` set to 201 (must give true) and to every other answer the request may get",
    `(${OTHER_STATUSES.join(', ')}) (must give false), under the real label of the HTTP Request in this flow:`,
    'a condition that is also true for 401 would report a failed request as a callback. The status code is a',
    'number at run time, so a comparison with the text "201" is false for it, and fails.',
    'A result is read as the simulated call reads it: true, or the text "true", leaves by True; anything else',
    '(false, other text, a number) by False.',
    '',
    'An expression that reads a variable the flow sets before the condition (the status code copied into',
    '`status` by a Set Variable, then `{{status == "201"}}` on a text variable) is evaluated as the call would:',
    'the Set Variables of the simulated call run again for each status code (when another mistake stopped the call',
    'before the condition, those leading straight to it on the canvas). The other flow variables hold what',
    'the simulated call gave them before the request (`outdialcbid` as GET_CBID filled it), and the response body',
    'is the one the simulated calls got for that status code (201, and the error scenarios\' 400 and 500; empty for',
    'the others): `{{CallBackAPI_HTTPRequest.httpStatusCode == 201 and outdialcbid is not empty}}` passes. Then every',
    'other status code is tried again with the body of the 201 answer, as a refused request\'s body may hold the same',
    'words (a 400\'s description "…invalid…" holds "id"): a test of the body alone (`httpResponseBody contains "id"`)',
    'fails, one of the status code and the body passes.',
    '',
    'So `{{ 201 == CallBackAPI_HTTPRequest.httpStatusCode }}`, other spacing and extra parentheses pass, while',
    '`{{true}}`, `== 200`, a comparison with the text "201", or a reference to another activity fail — e.g.',
    '`HTTP_PUT` (an old copy button), or `CallBackAPI_Request` when the request is labelled',
    '`CallBackAPI_HTTPRequest` (the older label passes only when the request carries it too).',
    '',
    'A failure says what the expression reads instead when it can tell: `== 200` (the Final Boss answer,',
    'not Create Task\'s 201 Created), a test the wrong way round (`!= 201`: true for every status code but 201), an activity that does not exist, the status code of another activity',
    '(`GET_CBID.httpStatusCode`), an output spelled in another case (`httpstatuscode`), or a comparison written',
    'with one `=` or with `===`, which does not evaluate (compare with `==`; in `{{ }}` or in an `{% if %}` tag), or',
    'that a `{{ }}` lies in a `{# #}` comment, which is never evaluated. An expression reading an activity that does',
    'not exist, or an output the HTTP Request does not give (`httpStatus`, `statusCode`), is also told what it tests, read',
    'as if it read the request\'s status code: `== 200` or `!= 201` of a wrong label is both mistakes. An Expression without',
    '`{{ }}` is also told what it would be in `{{ }}` when that is wrong too (`== 200`, a wrong label, one `=`), so that',
    'adding the braces is not the first of two round trips; and one comparing with a status code in quotes what it',
    'would be without them (`== "200"` also tests 200, `!= "201"` is also the wrong way round). When it reads the',
    'guide\'s label while the request OnGlobalError leads to kept another (the January 2025 guide\'s `CallBackAPI_Request`, or',
    '`CallbackAPI_HTTPRequest`: names are case-sensitive), the failure says so, expects an HTTP Request labelled',
    'CallBackAPI_HTTPRequest and its hint says to rename the request (the label check fails beside it with the same edit);',
    'when a CallBackAPI_HTTPRequest that OnGlobalError does not lead to is left on the canvas (it holds the',
    'label), to test the request OnGlobalError leads to instead, or to delete the leftover first.',
  ].join('\n'),
  run(ctx) {
    const condition = statusConditionOf(ctx);
    if (!condition.ok) return condition.outcome;
    const activity = condition.activity;
    const label = missionNodes(ctx.model).callbackApi?.label ?? LABELS.callbackApi;
    const expected = `{{${label}.httpStatusCode == 201}}`;
    const expression = typeof activity.props.expression === 'string' ? activity.props.expression : '';
    if (expression.trim() === '') return failed(`${activity.label} has no expression`, { expected, actual: 'no expression', activity });
    const seen = valuesSeenBy(ctx, activity, expression);
    const request = missionNodes(ctx.model).callbackApi;
    const before = variablesBefore(ctx, request);
    const bodies = answerBodies(ctx, request);
    // `also`: names read in the request's place (no activity or variable has them), answered as the
    // request; `misnamed`: outputs of the request it does not give (`httpStatus`), answered as its status code.
    // The scope without `also` or `misnamed` is the same for every status code but the request's
    // outputs: built once, with a placeholder where they go, and copied (a Map keeps each key's place).
    let base: Map<string, unknown> | undefined;
    const startFor = (status: number, also: string[] = [], misnamed: string[] = [], body = bodies.get(status) ?? '') => {
      const outputs = { httpStatusCode: status, httpResponseBody: body, httpResponseHeaders: {}, ...Object.fromEntries(misnamed.map((output) => [output, status])) };
      if (also.length === 0 && misnamed.length === 0) {
        if (!base) {
          base = flowScope(ctx.model, { [label]: OUTPUTS_HERE });
          for (const [name, value] of before) base.set(name, value);
        }
        const scope = new Map(base);
        if (scope.get(label) === OUTPUTS_HERE) scope.set(label, outputs);
        return scope;
      }
      const scope = flowScope(ctx.model, Object.fromEntries([label, ...also].map((name) => [name, outputs])));
      for (const [name, value] of before) scope.set(name, value);
      return scope;
    };
    // What a test is, read as if it read the request's status code: a wrong label (or output) and
    // == 200 or != 201 are two mistakes, both named.
    const asIf = (text: string) => {
      const seenFor = valuesSeenBy(ctx, activity, text);
      const also = unknownRoots(ctx, text);
      const misnamed = otherOutputs(text, label);
      return (status: number) => takesTrueExit(evaluateOk(text, seenFor(startFor(status, also, misnamed))));
    };
    for (const { status, want } of CASES) {
      const start = startFor(status);
      const scope = seen(start);
      const result = evaluate(expression, scope);
      const what = `with ${label}.httpStatusCode = ${show(status)}`;
      if (!result.ok) {
        return failed(`${activity.label} expression fails to evaluate ${what}: ${result.error.message}${equalsNote(expression)}`, { expected, actual: expression, activity, hint: statusExpressionHint(activity.label, label, expression, ctx.model) });
      }
      if (takesTrueExit(result.value) !== want) {
        if (renameRequestInstead(label, expression, ctx.model)) return renameFailure(activity, request, label, statusExpressionHint(activity.label, label, expression, ctx.model));
        const why =
          scope !== start
            ? `, counting the Set Variables the call runs before ${activity.label}`
            : !hasExpression(expression)
              ? `: the Expression has no {{ }}, so it is plain text, not a test${inBraces(expression)}`
              : QUOTED_STATUS.test(expression)
                ? `${quotedNote(expression)}${unquoted(expression)}`
                : testedInstead(asIf(expression));
        return failed(`${activity.label} expression gives ${show(result.value)} ${what}; it must give ${want}${why}${namesNote(ctx, expression, label)}${unevaluatedNote(expression)}`, {
          expected,
          actual: expression,
          activity,
          hint: statusExpressionHint(activity.label, label, expression, ctx.model),
        });
      }
    }
    // A refused request whose body reads like an accepted one (a 400's description holds "id" too): still false.
    const acceptedBody = bodies.get(201);
    for (const status of acceptedBody === undefined ? [] : OTHER_STATUSES) {
      const result = evaluate(expression, seen(startFor(status, [], [], acceptedBody)));
      if (result.ok && takesTrueExit(result.value)) {
        return failed(
          `${activity.label} expression gives ${show(result.value)} with ${label}.httpStatusCode = ${show(status)} when the response body is the one a 201 Created answer had; it must give false: only the status code 201 tells that the task was created, whatever the body holds`,
          { expected, actual: expression, activity, hint: statusExpressionHint(activity.label, label, expression, ctx.model) },
        );
      }
    }
    return passed(`${activity.label} is true for ${label}.httpStatusCode 201 and false for every other status code`);

    /**
     * An Expression comparing with a status code in quotes holds a second mistake when, without the
     * quotes, it is still not the test (`== "200"`, `!= "201"`): named too.
     */
    function unquoted(text: string): string {
      const bare = text.replace(new RegExp(QUOTED_STATUS.source, 'g'), '$2');
      const seenBare = valuesSeenBy(ctx, activity, bare);
      const right = CASES.every(({ status, want }) => {
        const result = evaluate(bare, seenBare(startFor(status)));
        return result.ok && takesTrueExit(result.value) === want;
      });
      return right ? '' : `; without the quotes it would still be wrong${testedInstead(asIf(bare))}`;
    }

    /**
     * An Expression without {{ }} holds a second mistake when, written in {{ }}, it is still not the
     * test: named too, or the attendee adds the braces and meets it on the next run.
     */
    function inBraces(text: string): string {
      const inner = `{{ ${text.trim()} }}`;
      const seenInner = valuesSeenBy(ctx, activity, inner);
      for (const { status, want } of CASES) {
        const result = evaluate(inner, seenInner(startFor(status)));
        if (!result.ok) return `; in {{ }} it would not evaluate either: ${result.error.message}${equalsNote(inner)}`;
        if (takesTrueExit(result.value) !== want) {
          const why = testedInstead(asIf(inner));
          const names = namesNote(ctx, inner, label);
          return `; in {{ }} it would still be wrong${why || names ? `${why}${names}` : ` (it gives ${show(result.value)} with ${label}.httpStatusCode = ${show(status)})`}`;
        }
      }
      return '';
    }
  },
});

/**
 * The Expression reads the guide's CallBackAPI_HTTPRequest, and the request kept another label
 * (`label`): the request is to be renamed, as the hint says, so expected and actual say its label (as
 * set-get-result-value says GET_CBID's), not an Expression naming the label it kept.
 */
function renameFailure(condition: Activity, request: Activity | undefined, label: string, hint: string): CheckOutcome {
  return failed(`${condition.label} reads ${LABELS.callbackApi}.httpStatusCode, but the HTTP Request is labelled ${label}${caseOnlyNote(label, LABELS.callbackApi)}: set its Activity Label to ${LABELS.callbackApi} (Build step 8)`, {
    expected: `an HTTP Request labelled ${LABELS.callbackApi}`,
    actual: `labelled ${label}`,
    activity: request ?? condition,
    hint,
  });
}

/** A status code written in quotes (`"201"`, `'200'`): a text, which the number never equals. */
const QUOTED_STATUS = /(["'])(\d{3})\1/;

/** Why quoted status codes fail: `"201" in quotes is text, and the status code is the number 201`. */
function quotedNote(expression: string): string {
  const codes = [...new Set([...expression.matchAll(new RegExp(QUOTED_STATUS.source, 'g'))].map((m) => m[2]!))];
  if (codes.length === 1 && codes[0] === '201') return ': "201" in quotes is text, and the status code is the number 201';
  return `: ${codes.map((code) => `"${code}"`).join(', ')} in quotes ${codes.length === 1 ? 'is' : 'are'} text, and the status code is a number`;
}

/** What a wrong test tests instead, from what it gives for each status code: `== 200`, or `!= 201`. */
function testedInstead(trueFor: (status: number) => boolean): string {
  if (trueFor(201)) return '';
  if (OTHER_STATUSES.every((other) => trueFor(other) === (other === 200))) return ': it tests 200 (OK), but a task created is answered 201 Created';
  if (OTHER_STATUSES.every(trueFor)) return ': it is the wrong way round, true for every status code but 201';
  return '';
}

/**
 * An Expression that does not evaluate and compares with one `=` (an assignment elsewhere) or with
 * JavaScript's `===`, in a {{ }} or an `{% if %}` tag: the parser's words ("Unexpected token "="") do not say what to type instead.
 */
function equalsNote(expression: string): string {
  // What {{ }} prints and what an if or elseif tag tests (a set tag assigns with one = rightly).
  const inside = printedAndTested(expression).join(' ');
  return /(?:^|[^=!<>])=(?!=)|===/.test(inside) ? ': compare with == (one = or === is no operator in Pebble)' : '';
}

/**
 * The flow variables as the happy-path call had them when the Create Task request ran (those
 * GET_CBID's Parsing Settings filled, say): what the condition reads of them does not depend on
 * the request's answer. Empty when the call never got there.
 */
function variablesBefore(ctx: CheckContext, request: Activity | undefined): Map<string, unknown> {
  const { trace, at } = happyPathAt(ctx, request);
  const declared = new Set(ctx.model.variables.map((variable) => variable.name));
  const values = new Map<string, unknown>();
  for (const entry of trace.slice(0, Math.max(at, 0))) {
    for (const [name, value] of Object.entries(entry.modifiedVariables)) if (declared.has(name)) values.set(name, value);
  }
  return values;
}

/** The body the Create Task request was answered with in the simulated calls, by status code (201, and the error scenarios' 400 and 500). */
function answerBodies(ctx: CheckContext, request: Activity | undefined): Map<number, string> {
  const bodies = new Map<number, string>();
  for (const run of Object.values(ctx.runs)) {
    const http = request ? run.result.trace.find((entry) => entry.activityId === request.id)?.http : undefined;
    if (typeof http?.status === 'number' && http.responseBody !== undefined && !bodies.has(http.status)) bodies.set(http.status, http.responseBody);
  }
  return bodies;
}

/** The value of `expression` in `scope`, or undefined when it fails to evaluate. */
function evaluateOk(expression: string, scope: ReadonlyMap<string, unknown>): unknown {
  const result = evaluate(expression, scope);
  return result.ok ? result.value : undefined;
}

/** The outputs of an HTTP Request an expression can read. */
const HTTP_OUTPUTS = ['httpStatusCode', 'httpResponseBody', 'httpResponseHeaders'];

/**
 * What the expression reads instead of the request's status code: " (it reads HTTP_PUT, which is no
 * activity or variable of this flow; …)", another activity's status code, or an output of the
 * request spelled in another case.
 */
function namesNote(ctx: CheckContext, expression: string, label: string): string {
  const names = [...new Set(namesRead(expression))];
  const unknown = unknownRoots(ctx, expression);
  if (unknown.length > 0) return ` (it reads ${unknown.join(', ')}, which is no activity or variable of this flow; the HTTP Request is labelled ${label})`;
  if (names.includes(`${label}.httpStatusCode`)) return '';
  for (const name of names) {
    const [root, output] = name.split('.');
    const right = HTTP_OUTPUTS.find((o) => output !== undefined && o !== output && o.toLowerCase() === output.toLowerCase());
    if (root === label && right) return ` (it reads ${name}: names are case-sensitive, the output is ${right})`;
  }
  const misnamed = unknownOutputs(expression, label);
  if (misnamed.length > 0) return ` (it reads ${misnamed.map((output) => `${label}.${output}`).join(', ')}, which the HTTP Request does not give: its outputs are ${HTTP_OUTPUTS.join(', ')})`;
  const other = names.find((name) => name.endsWith('.httpStatusCode') && name.split('.')[0] !== label);
  return other ? ` (it reads ${other}, the status code of ${other.split('.')[0]}, not of ${label})` : '';
}

/**
 * The outputs of the request `label` an expression reads that an HTTP Request does not give, in
 * any case (`httpStatus`, `statusCode`); one spelled in another case is named by namesNote itself.
 */
function unknownOutputs(expression: string, label: string): string[] {
  return otherOutputs(expression, label).filter((output) => !HTTP_OUTPUTS.some((o) => o.toLowerCase() === output.toLowerCase()));
}

/** The outputs of the request `label` an expression reads that an HTTP Request does not give as spelled. */
function otherOutputs(expression: string, label: string): string[] {
  const outputs = namesRead(expression).map((name) => name.split('.')).filter(([root, output]) => root === label && output !== undefined).map(([, output]) => output!);
  return [...new Set(outputs)].filter((output) => !HTTP_OUTPUTS.includes(output));
}

/** The names an expression reads that are no activity, flow variable or start node of the flow (`HTTP_PUT`). */
function unknownRoots(ctx: CheckContext, expression: string): string[] {
  const known = new Set<string>([...allLabels(ctx), ...ctx.model.variables.map((v) => v.name), 'NewPhoneContact']);
  return [...new Set(namesRead(expression).map((name) => name.split('.')[0]!))].filter((root) => !known.has(root));
}

function allLabels(ctx: CheckContext): string[] {
  return [...ctx.model.main.activities, ...ctx.model.events.activities].map((a: Activity) => a.label);
}
