/**
 * The flow drawings' words as Chromium lays them out: SVG text does not wrap, so an activity's name
 * or type wider than its box ran over the box's edge (and the links beside it). Each stays inside
 * its box, for the lab's solution, real exports (../shared/real-flows, when present) and names of
 * wide letters, emoji and an unknown type. Keeps a screenshot of the drawings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderHtmlReport } from '../../reports/index.js';
import { grade, gradeFixture } from '../unit/checks/support.js';
import { failedReport } from '../unit/reports/sample-reports.js';
import { HAS_SHARED, SHARED } from '../helpers.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-labels-');

/** The failed sample's main flow with names and a type that fill a box: wide capitals, emoji, CJK, an export's unknown type. */
function wideNames(): GradeReport {
  const report = failedReport();
  const names = ['OutboundCampaignCallResult', 'MMMMMMWWWWWWMMMMMMWWW', '😀'.repeat(19), '呼叫回拨失败处理流程的活动名称很长', 'DisconnectContact_g9e'];
  const nodes = names.map((label, i) => ({ id: `w${i}`, label, type: i === 4 ? 'some-new-activity-type-v2-x' : 'play-message', position: { x: (i % 3) * 260, y: Math.floor(i / 3) * 120 } }));
  return { ...report, flow: { main: { nodes, edges: [] }, events: report.flow!.events } };
}

async function cases(): Promise<[string, GradeReport][]> {
  const real = HAS_SHARED ? readdirSync(path.join(SHARED, 'real-flows')).filter((name) => name.endsWith('.json')) : [];
  return [
    ['solution', await gradeFixture('flows/solution.json')],
    ['wide names', wideNames()],
    ...(await Promise.all(real.map(async (name): Promise<[string, GradeReport]> => [name, await grade(readFileSync(path.join(SHARED, 'real-flows', name)), name)]))),
  ];
}

test('every activity\'s name and type stay inside its box in the drawings', async ({ page }, testInfo) => {
  for (const [name, report] of await cases()) {
    const { watched } = await open(page, 'labels.html', renderHtmlReport(report));
    if (name === 'wide names') await page.locator('.fg-figure').first().screenshot({ path: testInfo.outputPath('wide-names.png') });
    const outside = await page.locator('svg.flow g.node').evaluateAll((nodes) =>
      nodes.flatMap((node) => {
        const box = node.querySelector('rect')!.getBBox();
        return [...node.querySelectorAll<SVGTextElement>(':scope > text')]
          .map((text) => ({ text: text.textContent, over: Math.round(text.getBBox().x + text.getBBox().width - (box.x + box.width)) }))
          .filter((text) => text.over > 0);
      }),
    );
    expect(outside, name).toEqual([]);
    expect(watched.errors).toEqual([]);
  }
});
