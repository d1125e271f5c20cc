/**
 * The callback tasks of the simulated call: which requests created one (the Tasks API mock accepted
 * them), where those requests are on the canvas, and what to remove when it created more than one.
 */
import type { TraceEntry } from '../../../../engine/trace.js';
import type { AcceptedTask } from '../../../../mocks/types.js';

/**
 * Whether the request run at `entry` is one the mocked Tasks API accepted (`tasks`, the run's): sent
 * to that task's address and answered with its id. Not any POST answered 201: a webhook.site address
 * ending in /201 answers so too, and creates no task.
 */
export function createdTask(entry: TraceEntry, tasks: readonly AcceptedTask[]): boolean {
  // (The Tasks API mock alone answers with a task's id, and only to a POST it accepted, answered 201.)
  const http = entry.http;
  if (http?.responseBody === undefined) return false;
  // Only an answer from a task's address is parsed: every request of every graded call is asked.
  const sent = tasks.filter((task) => task.url === http.url);
  if (sent.length === 0) return false;
  const id = createdTaskId(http.responseBody);
  return sent.some((task) => task.id === id);
}

/** The id of the task a Create Task answer names (`{"meta": …, "data": {"id": …}}`), undefined in any other answer. */
function createdTaskId(body: string): unknown {
  try {
    return (JSON.parse(body) as { data?: { id?: unknown } } | null)?.data?.id;
  } catch {
    return undefined;
  }
}

/** Where the requests run at `creators` are, as the canvas names them: `CreateTask_main in the main flow, CallBackAPI_again in Event Flows`. */
export function whereCreated(creators: readonly TraceEntry[]): string {
  const where = creators.map((entry) => `${entry.activity} in ${entry.flow === 'main' ? 'the main flow' : 'Event Flows'}`);
  return [...new Set(where)].join(', ');
}

/**
 * What to remove when the call created more than one task (`creators`: the entries whose request
 * created one, in run order; `api`: CallBackAPI_HTTPRequest run by OnGlobalError): a Create Task
 * request in the main flow, which Build step 8 puts in Event Flows only, and of those on the way
 * from OnGlobalError all but one (or the loop that runs one again).
 */
export function extraTasksHint(creators: readonly TraceEntry[], api: TraceEntry): string {
  const labels = (entries: readonly TraceEntry[]) => [...new Set(entries.map((entry) => entry.activity))];
  const inMain = labels(creators.filter((entry) => entry.flow === 'main'));
  const inEvents = creators.filter((entry) => entry.flow !== 'main');
  const hints: string[] = [];
  if (inMain.length > 0) {
    const one = inMain.length === 1;
    hints.push(
      `${inMain.join(', ')} in the main flow → remove ${one ? 'it' : 'them'} (connect the activity before ${one ? 'it' : 'each'} to the one after it): ${one ? 'it creates a task' : 'they create tasks'} before the global error; the callback task is ${api.activity}'s, in Event Flows on the way from OnGlobalError (Build step 8).`,
    );
  }
  if (inEvents.length > 1) {
    const names = labels(inEvents);
    const who = names.length > 1 ? `${names.join(' and ')} each created a task` : `${names[0]} ran more than once`;
    hints.push(`Event Flows → keep one Create Task request on the way from OnGlobalError: ${who}.`);
  }
  return hints.join(' ');
}
