import { defineCheck } from '../../engine/check.js';
import { isDisconnect } from './lib/find.js';
import type { Activity, FlowGraph } from '../../engine/model.js';
import { connectHint, exitReaches, missedLink, wrongExitNote } from './lib/graph.js';
import { simulateErrorOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'simulate-error-to-disconnect',
  title: 'SimulateGlobalError leads to a Disconnect Contact',
  step: 6,
  points: 2,
  severity: 'required',
  hint: 'Add a Disconnect Contact activity and connect the exit of SimulateGlobalError to it.',
  description: [
    'Verifies Build step 6: the normal exit of SimulateGlobalError leads to a **Disconnect Contact**, so the',
    'branch ends properly should the value ever evaluate.',
    '',
    'Tolerances: the Disconnect Contact is found by type (its label carries a random suffix), and it may be',
    'reached through other activities — but not through a Menu or Collect Digits, which would start the IVR',
    'over instead of ending the branch.',
    '',
    'When a Disconnect Contact that no connection leads to is already in the main flow (the one Build step 6',
    'added), the hint says to connect SimulateGlobalError to it rather than add another: "Connect SimulateGlobalError',
    'to DisconnectContact_g9e (Build step 6)." when its exit is open, "Drag the connection of SimulateGlobalError from',
    'Music to DisconnectContact_g9e (Build step 6)." when it leads elsewhere.',
    ...wrongExitNote('"DisconnectContact_g9e is connected to the Undefined Error exit of SimulateGlobalError, not to its success exit"'),
  ].join('\n'),
  run(ctx) {
    const sim = simulateErrorOf(ctx);
    if (!sim.ok) return sim.outcome;
    // Not through an activity that waits for the caller again (a menu, collect digits): that
    // branch would not end, it would start the IVR over.
    const waitsForCaller = new Set(ctx.model.main.activities.filter((a) => a.type === 'ivr-menu' || a.type === 'ivr-collectdigits').map((a) => a.id));
    const disconnect = exitReaches(ctx.model.main, sim.activity, 'out', isDisconnect, waitsForCaller);
    if (!disconnect) {
      const unconnected = unconnectedDisconnect(ctx.model.main);
      const { message, ...said } = missedLink(ctx.model.main, sim.activity, 'out', isDisconnect, {
        message: `${sim.activity.label} does not lead to a Disconnect Contact`,
        // The Disconnect Contact of Build step 6 is there, connected to nothing: the fix is the connection.
        ...(unconnected ? { hint: connectHint(ctx.model.main, sim.activity, 'out', unconnected, 6) } : {}),
      });
      return failed(message, { expected: `${sim.activity.label} → Disconnect Contact`, activity: sim.activity, ...said });
    }
    return passed(`${sim.activity.label} leads to ${disconnect.label}`);
  },
});

/** A Disconnect Contact no link leads to (the one Build step 6 added, left aside), if any. */
function unconnectedDisconnect(graph: FlowGraph): Activity | undefined {
  const targets = new Set(graph.activities.flatMap((a) => Object.values(a.exits)));
  return graph.activities.find((a) => isDisconnect(a) && !targets.has(a.id));
}
