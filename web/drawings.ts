/**
 * The report's flow drawings on the page: each scrolls within the report at its own size (the
 * reference flow's Main Flow is some 2,500 px wide) and opens at its top left, where the flow
 * starts. Build steps 4 to 7 add activities further along (GET_CBID, SetGetResult,
 * SimulateGlobalError), out of sight at 1280 px and on any phone: the legend promised a red dashed
 * activity the attendee could not see. Each drawing is scrolled (never the page) to bring its
 * activity at fault into sight.
 */
import type { GradeReport } from '../engine/report.js';
import { firstFix } from '../reports/summary.js';

/**
 * In each drawing of `area` with an activity marked failing: the one "Fix first" names when it is
 * drawn there, else the first; out of sight in its scroll area, it is brought to the middle of it
 * (as near as the drawing's edges allow). A drawing whose activity is in sight, or with none, is
 * left at its start. The activity "Fix first" names is the box its check's Where links to (the
 * report's markup, reports/html.ts whereLink), in the drawing that link goes to: the page opens
 * on the very box the link leads to, never on a namesake in the other drawing.
 */
export function showFailingActivities(area: HTMLElement, report: GradeReport): void {
  const first = firstFix(report);
  const check = first && [...area.querySelectorAll<HTMLElement>('.fg-check')].find((item) => item.dataset.check === first.id);
  const fixFirst = check?.querySelector('a.fg-where')?.getAttribute('href')?.slice(1); // `#<id>`: the id of the activity's box
  for (const drawing of area.querySelectorAll<HTMLElement>('.fg-drawing')) {
    const failing = [...drawing.querySelectorAll<SVGGElement>('g.node.failing')];
    const target = failing.find((node) => node.id === fixFirst) ?? failing[0];
    if (target) bringIntoSight(drawing, target);
  }
}

function bringIntoSight(drawing: HTMLElement, target: Element): void {
  const frame = drawing.getBoundingClientRect();
  const left = frame.left + drawing.clientLeft;
  const top = frame.top + drawing.clientTop;
  const box = target.getBoundingClientRect(); // the activity's box with its ✗ badge
  const inSight = box.left >= left && box.right <= left + drawing.clientWidth && box.top >= top && box.bottom <= top + drawing.clientHeight;
  if (inSight) return;
  // The browser keeps scrollLeft and scrollTop within the drawing.
  drawing.scrollLeft += box.left + box.width / 2 - (left + drawing.clientWidth / 2);
  drawing.scrollTop += box.top + box.height / 2 - (top + drawing.clientHeight / 2);
}
