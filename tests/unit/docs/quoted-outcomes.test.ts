/**
 * What the docs say flowgrade gives for an input of the repository, other than a usage error's
 * line (quoted-messages.test.ts) or a console report (console-examples.test.ts): the summary of a
 * simulated call stopped by a limit (a step limit, a JSONPath too long), and the size of the
 * reference flow's drawing that the HTML report's print layout is described by. Each is made from the shipped fixture, and the page must
 * quote it as it is now: a summary reworded or a drawing laid out wider fails here rather than
 * living on in the docs.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { createMockServices } from '../../../mocks/index.js';
import { renderHtmlReport } from '../../../reports/index.js';
import { ROOT, readFixture } from '../../helpers.js';
import { gradeFixture } from '../checks/support.js';

const read = (page: string) => readFileSync(path.join(ROOT, page), 'utf8').replace(/\s+/g, ' ');

/** The lab's solution, its text changed by `edit`, run with option 3 pressed. */
async function solutionRun(edit: (text: string) => string, maxSteps?: number) {
  const loaded = loadFlow(edit(new TextDecoder().decode(readFixture('flows/solution.json'))), { fileName: 'solution.json' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return simulate(loaded.model, { dtmf: { WantCallback: '3' } }, { services: createMockServices(), ...(maxSteps === undefined ? {} : { maxSteps }) });
}

/** A code span of a page as a pattern: each `<placeholder>` stands for any text. */
function template(span: string): RegExp {
  return new RegExp(`^${span.split(/<[^<>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`);
}

test('a template with placeholders matches what fills them, and not another text', () => {
  expect(template('JSONPath <path> (<label>) holds more').test('JSONPath $[0].a… (9 characters) (GET_CBID) holds more')).toBe(true);
  expect(template('JSONPath <path> (<label>) holds more (<length>)').test('JSONPath $[0].a (GET_CBID) holds more')).toBe(false);
});

test("docs/cli.md quotes the summary of the lab's solution run with --max-steps 5", async () => {
  const result = await solutionRun((text) => text, 5);
  expect(result.status).toBe('stuck');
  expect(read('docs/cli.md')).toContain(`\`--max-steps 5\` stops the lab's solution "${result.summary}"`);
});

test("docs/reports.md gives the width of the reference flow's main drawing, and the scales it prints at", async () => {
  const html = renderHtmlReport(await gradeFixture('flows/solution.json'), {});
  const width = Number(/<svg [^>]*?aria-labelledby="fg-main-title"[^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(html)?.[1]);
  const height = Number(/<svg [^>]*?aria-labelledby="fg-main-title"[^>]*? width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1]);
  expect(width).toBeGreaterThan(0);
  // The print layout's page areas (reports/html.ts printsWide): A4 with 10 mm margins, in CSS px.
  const percent = (pageWidth: number, pageHeight: number) => Math.round(100 * Math.min(1, pageWidth / width, pageHeight / height));
  const docs = read('docs/reports.md');
  const size = `some ${width.toLocaleString('en-US')} px wide`;
  expect(docs).toContain(`the reference flow's Main Flow, ${size}`);
  expect(docs).toContain(`reference flow's main drawing, ${size}, would print at ${percent(718, 980)} % on A4 portrait`);
  expect(docs).toContain(`prints at ${percent(1047, 640)} % on its side`);
});

test("docs/simulator.md gives the summary of a call whose parse settings hold a JSONPath over 1,000 characters", async () => {
  const result = await solutionRun((text) => text.replace('"$[0].outboundcallbackep"', `"$[0].${'a'.repeat(1100)}"`));
  expect(result.status).toBe('not-simulated');
  const span = /`(JSONPath <[^`]*holds more than 1000 characters[^`]*)`/.exec(read('docs/simulator.md'))?.[1];
  expect(span, 'docs/simulator.md names the bound on a path\'s length').toBeDefined();
  expect(result.summary).toMatch(template(span!));
});
