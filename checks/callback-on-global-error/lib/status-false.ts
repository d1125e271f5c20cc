/**
 * The error scenarios (`tasks-400`, `tasks-500`): the same call, with the mocked Tasks API forced
 * to refuse. HTTPStatusCode must then leave by False — this is what proves the condition really
 * tests the status code (a constant {{true}} passes the happy path but fails here).
 */
import { defineCheck, type Check } from '../../../engine/check.js';
import { exitTakenName, missionNodes } from './find.js';
import { checkOf, errorScenariosDeviation, reporterOf, statusTrueDeviation } from './happy-path/index.js';
import { gotForcedAnswer } from './mock-record.js';
import { LABELS } from './names.js';
import { causeIfOtherType } from './nodes.js';
import { failed, passed, skipped } from './outcome.js';
import callbackApiAuthenticated from '../callback-api-authenticated.js';
import callbackApiMethod from '../callback-api-method.js';
import callbackApiPath from '../callback-api-path.js';

/** The Create Task request's settings that keep the Tasks API from giving a forced answer, in mission order, with the answers each gives. */
const REQUEST_CHECKS: readonly (readonly [Check, readonly number[]])[] = [
  [callbackApiAuthenticated, [400, 401, 403]],
  [callbackApiPath, [404]],
  [callbackApiMethod, [405]],
];

export function statusFalseCheck(options: { id: string; status: number; reason: string; points: number }): Check {
  const { id, status, reason, points } = options;
  const scenario = `tasks-${status}`;
  return defineCheck({
    id,
    title: `Simulated call: HTTPStatusCode leaves by False on ${status} ${reason}`,
    step: 9,
    points,
    severity: 'required',
    scenario,
    hint: `HTTPStatusCode → Expression must test the status code: {{CallBackAPI_HTTPRequest.httpStatusCode == 201}}; with any other answer (here ${status}) it leaves by False.`,
    description: [
      `Behaviour, on the \`${scenario}\` scenario: the same call as \`happy-path\`, but the mocked Create Task API`,
      `answers **${status} ${reason}**. HTTPStatusCode must leave by **False**, and the event flow must then end`,
      '(not retry the request in a loop). This proves the condition really tests the status code: a constant',
      '`{{true}}` passes the happy path but fails here.',
      '',
      'When HTTPStatusCode leaves by False but the event flow does not end (e.g. the False exit leads back to the',
      'request, a retry loop), the Expression is right and the hint says to connect the False exit to EndFlow instead.',
      '',
      'Skipped when the happy path goes wrong before HTTPStatusCode, up to and including the Create',
      'Task request itself (an error answer there is not the one this scenario forces), or when HTTPStatusCode',
      'does not run at all and the happy path already reports why (that failure is reported by its own check),',
      'or when HTTPStatusCode is not a Condition (a Case leaves by a case key or default, not by False):',
      '`status-condition-after-callback-api` reports it; and when HTTPStatusCode ran before the Create Task request on the',
      '`happy-path` call (OnGlobalError → HTTPStatusCode, its False exit on to the request), as that check reports too:',
      'it leaves by False whatever the answer, tried on none.',
      'Not judged either when the Create Task request itself got another answer than the forced one (a 401 without',
      'the connector, a 404 for a wrong path, a 405 for another method) or none: HTTPStatusCode was not tried on',
      `${status}; the request's own check the answer points at reports it (400 or 401: Use Authenticated Endpoint, 404: Request`,
      'Path, 405: Method), else the first of them that fails. (A wrong body still gets the forced answer.) Whether the',
      'answer was the forced one is what the mocked Tasks API recorded of the request, not its status: without the',
      'connector, an `Authorization: Basic …` header typed by hand gets a 400 of its own, in the 400 scenario too.',
      'Judged all the same when all that went wrong before is that GET_CBID left outdialcbid and customani',
      'unfilled (a wrong Parsing Setting, an answer other than 200): the request goes out along the same path,',
      `and the forced ${status} answer does not depend on its body (unless a variable GET_CBID fills is declared with a type`,
      'the record\'s value does not fit, e.g. `outdialcbid` Integer, or a parse row fails whatever the answer, e.g. one',
      'writing a variable not declared: GET_CBID would fail on the record, as with that',
      'mistake alone, and nothing after it is judged). But when OnGlobalError never gets to the',
      'request at all (e.g. it still goes to EndFlow), that is why, and `run-task-created` reports it, whatever',
      'GET_CBID filled; unless a Condition or Case on the way reads what GET_CBID left unfilled (one that goes on',
      'only when there is a callback number) and would have gone on with the record\'s values: then GET_CBID\'s',
      'check is why, as this call never reaches the request either (`run-get-cbid-fills-variables`).',
    ].join('\n'),
    run(ctx) {
      const node = missionNodes(ctx.model).statusCondition;
      const before = errorScenariosDeviation(ctx);
      if (before) return skipped(`Not judged: the simulated call went wrong before ${node?.label ?? LABELS.statusCondition}`, reporterOf(before));
      const run = ctx.runs[scenario];
      if (!run) return skipped(`Not judged: the ${scenario} scenario did not run`);
      const trace = run.result.trace;
      const at = node ? trace.findIndex((e) => e.activityId === node.id) : -1;
      // Without CallBackAPI_HTTPRequest the happy path stops at its stage (callbackApiReached): judged nothing above.
      const api = missionNodes(ctx.model).callbackApi!;
      const apiEntry = trace.find((e) => e.activityId === api.id);
      const deviation = statusTrueDeviation(ctx);
      // Run before the request on the 201 call (status-condition-after-callback-api fails its place): it
      // leaves by False whatever the answer, here too, tested on none.
      if (deviation?.stage === 'status-true' && deviation.reportedBy) {
        return skipped(`Not judged: ${node?.label ?? LABELS.statusCondition} ran before ${api.label}, not on its answer, so it was not tried on ${status}`, deviation.reportedBy);
      }
      if (at < 0 && deviation) {
        return skipped(`Not judged: ${node?.label ?? LABELS.statusCondition} did not run with the Tasks API answering ${status} either`, reporterOf(deviation));
      }
      // Without HTTPStatusCode the happy path deviates at its stage (statusTrueOn201): skipped just above.
      const condition = node!;
      // The request wrong in itself (judged here only beside GET_CBID's unfilled variables, which keep
      // run-task-created from judging it): the Tasks API never gave the answer this scenario forces,
      // though it may have answered the same status for another reason (400 for the Authorization header).
      if (apiEntry && !gotForcedAnswer(run, apiEntry)) {
        const got = apiEntry.http?.status != null ? `got ${apiEntry.http.status}` : `failed (${apiEntry.error ?? 'no answer'})`;
        // Reported under the request's own check the answer points at (405: the Method), else the first
        // of them that fails, else under run-task-created's account.
        const failing = REQUEST_CHECKS.filter(([check]) => check.run(ctx).status === 'failed');
        const reporter = (failing.find(([, statuses]) => statuses.includes(apiEntry.http?.status ?? 0)) ?? failing[0])?.[0].id ?? checkOf('task');
        return skipped(`Not judged: with the Tasks API set to answer ${status}, ${api.label} ${got}, so ${condition.label} was not tried on ${status}`, reporter);
      }
      if (at < 0) {
        return failed(`With the Tasks API answering ${status}, ${condition.label} never ran (${run.result.summary})`, {
          expected: `${condition.label} leaves by False`,
          actual: run.result.summary,
          traceExcerpt: trace.slice(-3),
          activity: condition,
        });
      }
      const entry = trace[at];
      if (entry.outcome !== 'false') {
        const answered = apiEntry?.http?.status ?? status;
        return failed(`${entry.activity} left by ${exitTakenName(condition, entry.outcome)}${entry.error ? ` (${entry.error})` : ''} although the Tasks API answered ${answered}`, {
          expected: 'False',
          actual: exitTakenName(condition, entry.outcome),
          traceExcerpt: [...(apiEntry ? [apiEntry] : []), entry],
          activity: condition,
          // Not a Condition (a Case leaves by a case key or default): status-condition-after-callback-api says so.
          ...causeIfOtherType(missionNodes(ctx.model), 'statusCondition'),
        });
      }
      if (run.result.status !== 'completed') {
        return failed(`${entry.activity} left by False when the Tasks API answered ${status}, but the event flow did not end: ${run.result.summary}`, {
          expected: 'False, then the event flow ends (EndFlow)',
          actual: run.result.summary,
          traceExcerpt: trace.slice(at, at + 4),
          activity: condition,
          // The Expression is right (False was taken): the way on from False is not.
          hint: `${entry.activity} → connect the False exit to EndFlow, so that the event flow ends (Build step 9).`,
        });
      }
      return passed(`${entry.activity} left by False when the Tasks API answered ${status}, and the event flow ended`);
    },
  });
}
