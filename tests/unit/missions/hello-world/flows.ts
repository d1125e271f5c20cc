/**
 * The Hello World flows: the solution (solution.json, written by hand in the real export format)
 * and one defect per check, each the solution with one mistake an attendee makes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = Record<string, any>;

const SOLUTION = path.join(path.dirname(fileURLToPath(import.meta.url)), 'solution.json');
const START = '0f3c2a10-5b1e-4d7a-9c40-140000000001';
const WELCOME = '0f3c2a10-5b1e-4d7a-9c40-140000000002';

export function solutionText(): string {
  return readFileSync(SOLUTION, 'utf8');
}

function mutated(change: (flow: Json) => void): string {
  const flow = JSON.parse(solutionText()) as Json;
  change(flow);
  return JSON.stringify(flow, null, 2);
}

const withoutLinkFrom = (id: string) => (flow: Json) => {
  flow.process.links = flow.process.links.filter((link: Json) => link.sourceActivityId !== id);
};

/** Defect name → [the export, the checks it must fail]. */
export const DEFECTS: Record<string, { text: string; fails: string[] }> = {
  'no-welcome': {
    text: mutated((flow) => {
      delete flow.process.activities[WELCOME];
      flow.process.links = flow.process.links.filter((link: Json) => link.targetActivityId !== WELCOME);
      Object.assign(flow.process.links[0], { sourceActivityId: START, conditionExpr: 'out', properties: { value: 'out' } });
    }),
    fails: ['hello-welcome-after-start', 'hello-run-caller-hears-welcome'],
  },
  'start-unlinked': { text: mutated(withoutLinkFrom(START)), fails: ['hello-welcome-after-start', 'hello-run-caller-hears-welcome'] },
  'prompt-hello': {
    text: mutated((flow) => {
      flow.process.activities[WELCOME].properties.promptsTts[0].value = 'Hello World!';
    }),
    fails: ['hello-welcome-prompt-text', 'hello-run-caller-hears-welcome'],
  },
  'welcome-unlinked': { text: mutated(withoutLinkFrom(WELCOME)), fails: ['hello-welcome-to-disconnect', 'hello-run-caller-hears-welcome'] },
};
