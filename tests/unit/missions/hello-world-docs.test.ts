/**
 * The generated check docs (scripts/docs-checks-pages.ts, written by node scripts/docs-checks.mjs)
 * of a second mission: a page per check and a section of docs/checks/README.md in its own words.
 */
import { expect, test } from '@playwright/test';
import { checkDocs } from '../../../scripts/docs-checks-pages.js';
import helloWorld from './hello-world/index.js';

const MISSION_3 = ['GET_CBID', 'getresult', 'WantCallback', 'OnGlobalError', 'DynVars', 'Callback on Global Error', 'Main_Flow'];

test('each check has its page and the index section is the mission\'s own', () => {
  const files = checkDocs([helloWorld]);
  expect([...files.keys()].sort()).toEqual(['docs/checks/README.md', ...helloWorld.checks.map((c) => `docs/checks/${c.id}.md`)].sort());
  const index = files.get('docs/checks/README.md')!;
  expect(index).toContain('## Hello World (`hello-world`)');
  expect(index).toContain('- **3 required checks worth 10 points.**');
  expect(index).toContain('| `call` | A caller dials in and listens to the end |');
  expect(index).toContain('| 2 | [`hello-run-caller-hears-welcome`](hello-run-caller-hears-welcome.md) — Simulated call: the caller hears the welcome, then the call ends | required | 4 | `call` |');
  for (const [file, text] of files) for (const words of MISSION_3) expect(text.includes(words), `${file} says ${words}`).toBe(false);
});
