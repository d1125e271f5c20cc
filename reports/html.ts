/**
 * The per-attendee HTML report: one self-contained document (inline CSS, no scripts, no external
 * assets, works from file://, prints well). Verdict and score, checks grouped by Build step with
 * hints and expected/actual for failures, a drawing of the flow with the executed path, and each
 * simulated call's trace. `renderReportBody` + `REPORT_CSS` are what the self-check page shows.
 */
import type { CheckResult, DrawingGraph, GradeReport, ScenarioResult } from '../engine/report.js';
import { shownAttendeeId } from './attendee-id.js';
import { boundReport } from './bounds.js';
import { drawingDescription, drawnActivityOf, executedPath, failingActivities, type DrawingName, type DrawnActivity } from './drawing.js';
import { escapeHtml as h } from './escape.js';
import { joinLines, renderHtmlPage } from './html-page.js';
import { REPORT_CSS } from './html-css.js';
import { renderTraceHtml } from './html-trace.js';
import { stepHeading, stepTitlesFor, type StepTitles } from './steps.js';
import { byStep, firstFix, fixOf, formatPoints, isFailure, percentOf, placeOf, pointCount, stepState, summaryLine, scoreText, ungradableFix, type StepState } from './summary.js';
import { activityAnchor, renderFlowSvg } from './svg.js';

export { REPORT_CSS };

export interface HtmlOptions {
  /**
   * The level of the report's title (default 1, a document of its own); its sections are one level
   * below, Build steps and simulated calls two. The self-check page nests the report under its own
   * headings. Styled by class (fg-title, fg-heading, fg-subheading), whatever the level.
   */
  headingLevel?: 1 | 2 | 3 | 4;
}

/** The three heading tags of a report whose title is at `level`. */
function headingTags(level = 1): { title: string; section: string; sub: string } {
  return { title: `h${level}`, section: `h${level + 1}`, sub: `h${level + 2}` };
}

export function renderHtmlReport(report: GradeReport, options: HtmlOptions = {}): string {
  const title = `${shownAttendeeId(report.attendee.id)} — ${report.verdict.toUpperCase()}${report.score ? ` ${scoreText(report.score)}` : ''} — flowgrade`;
  // The report is the page's main landmark (a screen reader's "main" jump, nothing outside a landmark).
  return renderHtmlPage({ title, css: `body { margin: 0; background: #fff; }${REPORT_CSS}`, body: `<main>\n${renderReportBody(report, options)}\n</main>` });
}

/** The report's content without <html>/<head>: an <article class="fg-report"> styled by REPORT_CSS. */
export function renderReportBody(whole: GradeReport, options: HtmlOptions = {}): string {
  const report = boundReport(whole); // what a hostile export's report shows (bounds.ts)
  const titles = stepTitlesFor(report);
  const tags = headingTags(options.headingLevel);
  const parts = [`<article class="fg-report" data-verdict="${h(report.verdict)}">`, header(report, tags.title)];
  if (report.verdict === 'ungradable') {
    parts.push(
      `<div class="fg-error" role="alert"><p><strong>This file could not be graded.</strong></p>` +
        `<p>${h(report.error?.message ?? 'not a readable flow export')} <code>[${h(report.error?.code ?? 'unknown')}]</code></p>` +
        (ungradableFix(report) ? `<p class="fg-hint"><strong>How to fix:</strong> ${h(ungradableFix(report)!)}</p>` : '') +
        '</div>',
    );
  } else {
    const steps = byStep(report.checks);
    const drawn = drawnActivityOf(report);
    parts.push(stepNav(steps, titles), '<section aria-labelledby="fg-checks-title">', `<${tags.section} id="fg-checks-title" class="fg-heading">Checks by Build step</${tags.section}>`);
    // A check not judged names the failure it is reported under by title: linked to it.
    const anchors = new Map(report.checks.map((c) => [c.title, `fg-check-${c.id}`]));
    for (const [step, checks] of steps) parts.push(stepSection(step, checks, titles, tags.sub, anchors, drawn));
    parts.push('</section>', drawings(report, tags.section, drawn), scenarios(report.scenarios, tags));
  }
  parts.push('</article>');
  return joinLines(parts);
}

function header(report: GradeReport, tag: string): string {
  const meta = [
    h(report.input.file),
    report.input.flowName ? `flow ${h(report.input.flowName)}` : '',
    report.input.lastModified ? `last modified ${h(report.input.lastModified)}` : '',
    `graded ${h(report.generatedAt)} by ${h(report.tool.name)} ${h(report.tool.version)}`,
  ].filter(Boolean);
  const percent = percentOf(report);
  const score = report.score
    ? `<span class="fg-score">${formatPoints(report.score.earned)} / ${formatPoints(report.score.possible)} points${percent === null ? '' : ` (${percent}%)`}</span>`
    : '';
  return [
    '<header>',
    `<${tag} class="fg-title">${h(report.lab.title)} &mdash; attendee ${h(shownAttendeeId(report.attendee.id))}</${tag}>`,
    `<p class="fg-meta">${meta.join(' &middot; ')}</p>`,
    `<p class="fg-verdict-line"><span class="fg-verdict ${h(report.verdict)}">${h(report.verdict.toUpperCase())}</span>${score}</p>`,
    `<p class="fg-summary">${h(summaryLine(report))}</p>`,
    firstFixLine(report),
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** "Fix first: Step 6 — <title>. <hint>", linking to the check. */
function firstFixLine(report: GradeReport): string {
  const check = firstFix(report);
  if (!check) return '';
  return `<p class="fg-first-fix"><strong>Fix first:</strong> <a href="#fg-check-${h(check.id)}">Step ${check.step} &#8212; ${h(check.title)}</a>. ${h(fixOf(check))}</p>`;
}

const STATE_MARK: Record<StepState, string> = { passed: '&#10003;', partial: '&#9680;', failed: '&#10007;', 'not-checkable': '&ndash;' };
const STATE_WORDS: Record<StepState, string> = { passed: 'passed', partial: 'partly passed', failed: 'failed', 'not-checkable': 'not checkable from an export' };

function stepNav(steps: [number, CheckResult[]][], titles: StepTitles): string {
  const items = steps.map(([step, checks]) => {
    const state = stepState(checks);
    return `<li class="${state}"><a href="#fg-step-${step}" title="${h(stepHeading(step, titles))}">${step} <span aria-hidden="true">${STATE_MARK[state]}</span><span class="fg-sr">: ${STATE_WORDS[state]}</span></a></li>`;
  });
  return `<nav aria-label="Build steps"><ol class="fg-steps">${items.join('')}</ol></nav>`;
}

/** Where a check's activity is drawn (drawing.ts drawnActivityOf), for its Where's link. */
type DrawnOf = (check: CheckResult) => DrawnActivity | undefined;

function stepSection(step: number, checks: CheckResult[], titles: StepTitles, tag: string, anchors: ReadonlyMap<string, string>, drawn: DrawnOf): string {
  const state = stepState(checks);
  const scored = checks.filter((c) => c.severity !== 'info');
  const tally = scored.length ? `${scored.filter((c) => c.status === 'passed').length} of ${scored.length} passed` : STATE_WORDS[state];
  return [
    `<section class="fg-step ${state}" id="fg-step-${step}" aria-labelledby="fg-step-${step}-title">`,
    `<${tag} id="fg-step-${step}-title" class="fg-subheading">${h(stepHeading(step, titles))} <span class="fg-step-state">${h(tally)}</span></${tag}>`,
    `<ul class="fg-checks">${checks.map((check) => checkItem(check, anchors, drawn)).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

const CHECK_MARK: Record<CheckResult['status'], string> = { passed: '&#10003;', failed: '&#10007;', errored: '&#10007;', skipped: '&ndash;', info: '&ndash;' };
const CHECK_WORDS: Record<CheckResult['status'], string> = { passed: 'passed', failed: 'failed', errored: 'could not be run (internal error)', skipped: 'not judged', info: 'not checkable' };

function checkItem(check: CheckResult, anchors: ReadonlyMap<string, string>, drawn: DrawnOf): string {
  // A check not judged lost no points of its own (its cause is reported by another): as in the console.
  const earned = check.status === 'skipped' ? `not judged, ${pointCount(check.points)}` : `${formatPoints(check.earned)}/${formatPoints(check.points)} pts`;
  const points = check.severity === 'info' ? '' : `<span class="fg-points">${earned}</span>`;
  const tag = check.severity === 'required' ? '' : `<span class="fg-tag">${h(check.severity)}</span>`;
  const head =
    `<div class="fg-check-head"><span class="fg-mark" aria-hidden="true">${CHECK_MARK[check.status]}</span>` +
    `<span class="fg-sr">${CHECK_WORDS[check.status]}: </span><span class="fg-check-title">${h(check.title)}</span>${points}${tag}</div>`;
  let body = '';
  if (isFailure(check)) body = failureBody(check, drawn);
  else if (check.status !== 'passed') body = `<div class="fg-check-body"><p>${withCauseLink(check.message, anchors)}</p></div>`;
  return `<li class="fg-check ${h(check.status)}" id="fg-check-${h(check.id)}" data-check="${h(check.id)}">${head}${body}</li>`;
}

/** "… (reported under “<title>”)" with the title linked to that check, when the report has it. */
function withCauseLink(message: string, anchors: ReadonlyMap<string, string>): string {
  const match = /^([\s\S]*reported under )“([^”]+)”([\s\S]*)$/.exec(message);
  const anchor = match && anchors.get(match[2]);
  if (!match || !anchor) return h(message);
  return `${h(match[1])}<a href="#${h(anchor)}">&#8220;${h(match[2])}&#8221;</a>${h(match[3])}`;
}

function failureBody(check: CheckResult, drawn: DrawnOf): string {
  // Values from the export in <code>; where in Flow Designer is prose.
  const place = placeOf(check);
  const facts: [string, string | undefined][] = [
    ['Expected', check.expected === undefined ? undefined : `<code>${h(check.expected)}</code>`],
    ['Actual', check.actual === undefined ? undefined : `<code>${h(check.actual)}</code>`],
    ['Where', place === undefined ? undefined : whereLink(h(place), drawn(check))],
  ];
  const shown = facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
  return [
    '<div class="fg-check-body">',
    `<p>${h(check.message)}</p>`,
    shown.length ? `<dl class="fg-facts">${shown.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>` : '',
    `<p class="fg-hint"><strong>How to fix:</strong> ${h(fixOf(check))}</p>`,
    check.traceExcerpt?.length ? renderTraceHtml(check.traceExcerpt, 'In the simulated call:', `Trace for the check “${check.title}”`) : '',
    '</div>',
  ].join('');
}

/**
 * A Where, linked to its activity's box in the drawing of its tab when it is drawn: the drawing
 * scrolls at its own size (the reference flow's Main Flow is some 2,560 px wide), and GET_CBID,
 * SetGetResult or SimulateGlobalError lie beyond its right edge at 1280 px. The report runs no
 * script, so a fragment link takes the reader there: following it, the browser scrolls the
 * drawing and the page to the box, which REPORT_CSS marks (`:target`).
 */
function whereLink(place: string, activity: DrawnActivity | undefined): string {
  if (!activity) return place;
  return `<a class="fg-where" href="#${activityAnchor(DRAWING_PREFIX[activity.drawing], activity.id)}">${place}<span class="fg-sr"> (in the drawing of your flow)</span></a>`;
}

/** The prefix of each drawing's ids (svg.ts idPrefix): its activities' ids start with it. */
const DRAWING_PREFIX: Record<DrawingName, string> = { main: 'fg-main', events: 'fg-events' };

function drawings(report: GradeReport, tag: string, drawn: DrawnOf): string {
  if (!report.flow) return '';
  const { main, events } = report.flow;
  const shown = report.scenarios[0];
  const path = executedPath(shown?.trace ?? [], [main, events]);
  const failing = failingActivities(report, drawn); // with the finder the Wheres used
  const figure = (title: string, idPrefix: string, graph: typeof main) => {
    const svg = renderFlowSvg(graph, { executed: path.nodes, executedEdges: path.edges, failing, title, idPrefix, description: drawingDescription(graph, path.nodes, failing, shown?.title) });
    const wide = printsWide(svg);
    return { wide, html: `<figure class="fg-figure${wide ? ' fg-wide' : ''}"><figcaption>${title}${failingLinks(graph, failing, idPrefix)}</figcaption><div class="fg-drawing" tabindex="0" role="group" aria-label="${title}, scrollable">${svg}</div></figure>` };
  };
  const mainFigure = figure('Main Flow', DRAWING_PREFIX.main, main);
  // The heading and the legend print on the Main Flow's landscape page with it: on a portrait page
  // before it, they were left at the foot of the page, the legend far from what it explains.
  return joinLines([
    '<section aria-labelledby="fg-flow-title">',
    `<div class="fg-flow-lead${mainFigure.wide ? ' fg-wide' : ''}">`,
    `<${tag} id="fg-flow-title" class="fg-heading">Your flow</${tag}>`,
    '<p class="fg-legend">' +
      (shown ? `<span><span class="fg-key fg-exec" aria-hidden="true"></span><span class="fg-hue">blue, </span>thick: the path of the simulated call &ldquo;${h(shown.title)}&rdquo;</span>` : '') +
      (failing.size ? '<span><span class="fg-key fg-fail" aria-hidden="true"></span><span class="fg-hue">red, </span>dashed, with &#10007;: an activity with a failing check</span>' : '') +
      '</p>',
    mainFigure.html,
    '</div>',
    figure('Event Flows', DRAWING_PREFIX.events, events).html,
    '</section>',
  ]);
}

/**
 * After a drawing's caption, its activities with a failing check, each a link to its box: a wide
 * drawing opens at its left edge, and the box may lie far beyond the right one (or below a phone's
 * screen); following the link scrolls the drawing to it, as a Where does.
 */
function failingLinks(graph: DrawingGraph, failing: ReadonlySet<string>, idPrefix: string): string {
  // A label of spaces only would make a link with no name to see or hear: its id instead.
  const links = graph.nodes.filter((node) => failing.has(node.id)).map((node) => `<a href="#${activityAnchor(idPrefix, node.id)}">${h(node.label.trim() === '' ? node.id : node.label)}</a>`);
  return links.length ? ` <span class="fg-failing-links">&mdash; with a failing check: ${links.join(', ')}</span>` : '';
}

/**
 * Whether a drawing prints larger on a landscape page than on a portrait one (by a quarter at
 * least): the reference flow, some 1,500 px wide, shrank to 40 % on A4 portrait, its labels a few
 * points high. REPORT_CSS prints such a figure on a page of its own turned sideways. The printable
 * areas are A4's less 1-cm margins, in CSS pixels (Letter is close), less room for the caption.
 */
function printsWide(svg: string): boolean {
  const size = /^<svg [^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!size) return false;
  const [width, height] = [Number(size[1]), Number(size[2])];
  const scale = (pageWidth: number, pageHeight: number) => Math.min(1, pageWidth / width, pageHeight / height);
  return scale(1047, 640) > 1.25 * scale(718, 980);
}

function scenarios(list: ScenarioResult[], tags: { section: string; sub: string }): string {
  if (list.length === 0) return '';
  const items = list.map((s) => {
    const state = s.passed ? 'passed' : 'failed';
    return [
      `<section class="fg-scenario ${state}" data-scenario="${h(s.id)}">`,
      `<${tags.sub} class="fg-subheading"><span class="fg-mark" aria-hidden="true">${s.passed ? '&#10003;' : '&#10007;'}</span><span class="fg-sr">${state}: </span>${h(s.title)}</${tags.sub}>`,
      `<p class="fg-meta">${h(s.summary)}</p>`,
      renderTraceHtml(s.trace, undefined, `Trace of the simulated call “${s.title}”`),
      '</section>',
    ].join('\n');
  });
  return joinLines(['<section aria-labelledby="fg-calls-title">', `<${tags.section} id="fg-calls-title" class="fg-heading">Simulated calls</${tags.section}>`, ...items, '</section>']);
}
