/**
 * Defence in depth for everything flowgrade writes as HTML: even if markup from an export slipped
 * through escaping, the page's Content-Security-Policy would not let it run script or send data.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import { renderDashboard, renderHtmlReport } from '../../../reports/index.js';
import { fixturePath, ROOT } from '../../helpers.js';

/** The CSP of a page's meta tag, as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  expect(content, 'a Content-Security-Policy meta tag').toBeDefined();
  return new Map(content!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

/** `allowed`: the sources a page needs beyond 'none' (the self-check page's worker, made from a blob: URL of its own script). */
function expectLockedDown(html: string, name: string, allowed: Record<string, string[]> = {}): void {
  const policy = policyOf(html);
  expect(policy.get('default-src'), name).toEqual(["'none'"]);
  for (const directive of ['connect-src', 'frame-src', 'child-src', 'worker-src', 'object-src', 'form-action']) {
    const sources = policy.get(directive);
    if (sources) expect(sources, `${name} ${directive}`).toEqual(allowed[directive] ?? ["'none'"]);
  }
  const scripts = policy.get('script-src') ?? [];
  expect(scripts, name).not.toContain("'unsafe-inline'");
  expect(scripts, name).not.toContain("'unsafe-eval'");
  expect(scripts.filter((s) => !/^'(self|sha256-[A-Za-z0-9+/=]+)'$/.test(s)), `${name} script sources`).toEqual([]);
  // The policy must come before anything from the export.
  expect(html.indexOf('Content-Security-Policy'), name).toBeLessThan(html.indexOf('<body'));
}

test('attendee reports, the class dashboard and the self-check page forbid requests and foreign scripts', async () => {
  const mission = findMission('callback-on-global-error')!;
  const report = await gradeFlow(readFileSync(fixturePath('flows/solution.json')), { mission, fileName: 'solution.json', now: () => new Date(0), tool: { name: 'flowgrade', version: 'test' } });
  expectLockedDown(renderHtmlReport(report), 'report');
  expectLockedDown(renderDashboard([report], { reportHref: () => 'x.html' }), 'dashboard');
  const page = readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8');
  expectLockedDown(page, 'self-check page', { 'worker-src': ['blob:'] });
  expect(policyOf(page).get('worker-src'), 'the grading worker: blob: only (web/grading-thread.ts)').toEqual(['blob:']);
});
