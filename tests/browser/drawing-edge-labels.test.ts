/**
 * The words on the flow drawings' links (out, default, True, False, …) as Chromium lays them out:
 * none is crossed by another link between the same two activities. The lab's condition sends True and False to the same End Flow,
 * two links with both ends in common: the second bows under the first, and its label, put above its
 * own curve, sat on the first link, struck through by the path the call took, drawn over it.
 */
import { test, expect } from '@playwright/test';
import { renderHtmlReport } from '../../reports/index.js';
import { gradeFixture } from '../unit/checks/support.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-edge-labels-');

test('no link runs through the label of another link with the same two ends (the solution: True and False to the same End Flow)', async ({ page }) => {
  const { watched } = await open(page, 'solution.html', renderHtmlReport(await gradeFixture('flows/solution.json')));
  const crossed = await page.locator('svg.flow').evaluateAll((drawings) =>
    drawings.flatMap((svg) => {
      const edges = [...svg.querySelectorAll<SVGGElement>('g.edge')];
      // Where a link starts and ends (the first and last points of its path): links between the same two activities share both.
      const ends = (edge: SVGGElement) => {
        const points = edge.querySelector('path')!.getAttribute('d')!.match(/-?[\d.]+,-?[\d.]+/g)!;
        return `${points[0]} ${points[points.length - 1]}`;
      };
      return edges.flatMap((edge) => {
        const label = edge.querySelector('text')!;
        const box = label.getBBox();
        return edges
          .filter((other) => other !== edge && ends(other) === ends(edge))
          .filter((other) => {
            const path = other.querySelector('path')!;
            const length = path.getTotalLength();
            for (let at = 0; at <= length; at += 1) {
              const p = path.getPointAtLength(at);
              if (p.x > box.x + 1 && p.x < box.x + box.width - 1 && p.y > box.y + 1 && p.y < box.y + box.height - 1) return true;
            }
            return false;
          })
          .map((other) => `${label.textContent} crossed by the link labelled ${other.querySelector('text')!.textContent}`);
      });
    }),
  );
  expect(crossed).toEqual([]);
  expect(watched.errors).toEqual([]);
});
