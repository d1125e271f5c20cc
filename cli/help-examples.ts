/**
 * The examples `flowgrade --help` and each command's --help end with. Each works when pasted as it
 * is, in sh, cmd and PowerShell alike — one command a line, double quotes only, no `&&`, no
 * trailing comment (cmd has no `#`) — in a clone of flowgrade when it names its fixtures. What it
 * does is said on the line below.
 */
import type { Command } from 'commander';

/** What an example does, and the command. */
type Example = readonly [what: string, command: string];

/** By command name; '' is flowgrade itself. */
const EXAMPLES: Record<string, readonly Example[]> = {
  '': [
    ['grade one export: what is right, what is wrong and how to fix it', 'flowgrade check fixtures/flows/solution.json'],
    ['grade a class folder (an example class of 12): open graded/index.html, or grades.csv for a gradebook', 'flowgrade grade fixtures/class --out graded'],
    ['one simulated call, the caller pressing 3, the Tasks API answering 400', 'flowgrade simulate fixtures/flows/solution.json --dtmf WantCallback=3 --tasks-status 400'],
    ["a check's page (flowgrade checks lists them)", 'flowgrade explain get-cbid-parse-paths'],
  ],
  check: [
    ['the report on the terminal; exit code 0 passed, 1 failed, 2 ungradable', 'flowgrade check fixtures/flows/solution.json'],
    ['several exports (a quoted pattern: cmd and PowerShell pass it on as it is), only what fails', 'flowgrade check "fixtures/flows/defect-*.json" --quiet'],
    ['one page to open in a browser', 'flowgrade check fixtures/flows/defect-getcbid-jsonpath-without-index.json --format html --out report.html'],
    ['JSON with a fixed clock, the same on every run', 'flowgrade check fixtures/flows/solution.json --format json --now 2025-08-01T09:00:00Z'],
  ],
  grade: [
    ['a class folder (and its zip archives): open graded/index.html, import graded/grades.csv', 'flowgrade grade fixtures/class --out graded'],
    ['a quoted pattern, here attendees 120 to 129 only; exit code 0 whatever the grades (the files are what is wanted)', 'flowgrade grade "fixtures/class/Main_Flow_12*.json" --out graded --quiet --fail-on none'],
    ['the first half of the class, on one CI machine of two (--shard 2/2 on the other; flowgrade merge then joins the halves)', 'flowgrade grade fixtures/class --out graded-1 --shard 1/2'],
  ],
  merge: [
    ['the other half of the class, on the second CI machine (the first ran flowgrade grade fixtures/class --out graded-1 --shard 1/2)', 'flowgrade grade fixtures/class --out graded-2 --shard 2/2'],
    ['one class from both halves: graded-all/index.html, grades.csv, junit.xml and summary.md as one grade of the whole class writes them', 'flowgrade merge graded-1 graded-2 --out graded-all'],
  ],
  simulate: [
    ['the caller presses 3 (callback); the Tasks API creates the task', 'flowgrade simulate fixtures/flows/solution.json --dtmf WantCallback=3'],
    ['the same call with the Tasks API answering 400, as JSON', 'flowgrade simulate fixtures/flows/solution.json --dtmf WantCallback=3 --tasks-status 400 --format json'],
  ],
  inspect: [
    ['activities, links, variables, event handlers and findings', 'flowgrade inspect fixtures/flows/solution.json'],
    ['the flow model as JSON', 'flowgrade inspect fixtures/flows/solution.json --format json'],
  ],
  labs: [['the missions, their checks and points', 'flowgrade labs']],
  checks: [['the checks of the default mission, Build step by Build step', 'flowgrade checks']],
  explain: [['what a check looks at, and how to fix a failure', 'flowgrade explain get-cbid-parse-paths']],
  web: [['the page as a folder of static files: open site/index.html, or host the folder', 'flowgrade web --out site']],
  serve: [
    ['then open http://127.0.0.1:8080/ in a browser; Ctrl-C stops it', 'flowgrade serve'],
    ['on a free port, named on the line it prints', 'flowgrade serve --port 0'],
    ['the folder that flowgrade web --out site wrote (run that first)', 'flowgrade serve --dir site --port 0'],
  ],
};

/** `command`'s help ends with its examples (program: flowgrade's own). */
export function addExamples(command: Command, name = command.name()): Command {
  const examples = EXAMPLES[name] ?? [];
  if (examples.length === 0) return command;
  const lines = examples.map(([what, line]) => `  ${line}\n      ${what}`);
  const where = examples.some(([, line]) => line.includes('fixtures/')) ? ' (in a clone of flowgrade, whose fixtures they name)' : '';
  return command.addHelpText('after', `\nExamples${where}:\n${lines.join('\n')}\n`);
}
