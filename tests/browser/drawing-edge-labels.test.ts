/**
 * The words on the flow drawings' links (out, default, True, False, …) as Chromium lays them out:
 * none is crossed by another link, none overlaps another. The lab's condition sends True and False
 * to the same End Flow, two links with both ends in common: the second bows under the first, and its
 * label, put above its own curve, sat on the first link, struck through by the path the call took,
 * drawn over it. Music and PlayMessage_q1d link each other both ways: their two default labels lay
 * on top of each other where the links cross. A Business Hours activity's three exits to one
 * Closed, steeply down, ran side by side through each other's labels. (The unit test
 * svg-link-labels.test.ts checks the same on every fixture from estimated text widths; this one
 * checks those estimates hold in a browser.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderHtmlReport } from '../../reports/index.js';
import { grade, gradeFixture } from '../unit/checks/support.js';
import { HAS_SHARED, SHARED } from '../helpers.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-edge-labels-');

async function cases(): Promise<[string, GradeReport][]> {
  const real = HAS_SHARED ? readdirSync(path.join(SHARED, 'real-flows')).filter((name) => name.endsWith('.json')) : [];
  return [
    ['solution', await gradeFixture('flows/solution.json')],
    ['routing activities', await gradeFixture('activities/routing-activities.json')],
    ['core track nodes', await gradeFixture('flows/noise-core-track-nodes.json')],
    ...(await Promise.all(real.map(async (name): Promise<[string, GradeReport]> => [name, await grade(readFileSync(path.join(SHARED, 'real-flows', name)), name)]))),
  ];
}

test('no link runs through the label of another link, and no two labels overlap (the solution, fixtures that showed it, real exports)', async ({ page }) => {
  for (const [name, report] of await cases()) {
    const { watched } = await open(page, 'edge-labels.html', renderHtmlReport(report));
    const clashes = await page.locator('svg.flow').evaluateAll((drawings) =>
      drawings.flatMap((svg) => {
        const edges = [...svg.querySelectorAll<SVGGElement>('g.edge')];
        // Each label's box a pixel in from each side (rounding, the glyphs' own side bearings).
        const boxes = edges.map((edge) => {
          const box = edge.querySelector('text')!.getBBox();
          return { left: box.x + 1, right: box.x + box.width - 1, top: box.y + 1, bottom: box.y + box.height - 1 };
        });
        const text = (i: number) => `${edges[i].querySelector('text')!.textContent} (link ${i})`;
        const found: string[] = [];
        edges.forEach((edge, i) => {
          // The link's path, a point a pixel.
          const path = edge.querySelector('path')!;
          const points = Array.from({ length: Math.floor(path.getTotalLength()) + 1 }, (_, at) => path.getPointAtLength(at));
          boxes.forEach((box, j) => {
            if (j > i && box.left < boxes[i].right && boxes[i].left < box.right && box.top < boxes[i].bottom && boxes[i].top < box.bottom) found.push(`${text(i)} overlaps ${text(j)}`);
            if (j !== i && points.some((p) => p.x > box.left && p.x < box.right && p.y > box.top && p.y < box.bottom)) found.push(`${text(j)} crossed by the link labelled ${text(i)}`);
          });
        });
        return found;
      }),
    );
    expect(clashes, name).toEqual([]);
    expect(watched.errors).toEqual([]);
  }
});
