/**
 * The self-check page (dist/web/app.js, started by web/main.ts): wires the drop zone, file picker
 * and options to the pure engine, which grades in the page's grading worker (web/grading-thread.ts),
 * and shows the report with the HTML report's own rendering code. Everything happens in this page
 * and its worker: the file is read locally, the simulated services answer inside the worker (MSW
 * handlers via getResponse), nothing is sent anywhere.
 */
import { messageOf } from '../engine/error-message.js';
import type { GradeOptions } from '../engine/grade.js';
import { formatBytes } from '../engine/json-text.js';
import { REPORT_CSS, renderHtmlReport, renderReportBody } from '../reports/html.js';
import { renderJson } from '../reports/json.js';
import { printableLine } from '../reports/escape.js';
import { showFailingActivities } from './drawings.js';
import { MAX_BYTES, noWorkerFile, readPickedFile, timedOutFile, type GradedFile, type PickedFile } from './grade-file.js';
import { requestOptions, TOOL, type GradingRequest } from './grading-request.js';
import { GradingThread, gradingTimeLimit } from './grading-thread.js';
import { downloadName, errorAdvice, errorLine, notGradedNote, oneToGrade, summaryLine, tabTitle } from './messages.js';
import { missionChoices, readSettings, type SettingsResult } from './options.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const dropZone = element<HTMLButtonElement>('drop-zone');
const fileInput = element<HTMLInputElement>('file-input');
const labSelect = element<HTMLSelectElement>('lab');
const attendeeInput = element<HTMLInputElement>('attendee');
const dnisInput = element<HTMLInputElement>('dnis');
const dnisError = element<HTMLElement>('dnis-error');
const gradeForm = element<HTMLFormElement>('grade-form');
const results = element<HTMLElement>('results');
const status = element<HTMLElement>('status');
const errorArea = element<HTMLElement>('error');
const downloads = element<HTMLElement>('downloads');
const reportArea = element<HTMLElement>('report');
/** The page's own title (index.html), the browser tab's while no result is on show. */
const PAGE_TITLE = document.title;

/** Each option the page can refuse: its field, and its name in the status line that says to fix it. */
const OPTION_FIELDS: Record<Extract<SettingsResult, { ok: false }>['field'], { input: HTMLElement; name: string }> = {
  dnis: { input: dnisInput, name: 'DNIS' },
  lab: { input: labSelect, name: 'lab' },
};

/** The last file graded, so changing an option grades it again, and the note naming the files given with it that are not graded. */
let lastFile: PickedFile | undefined;
let lastNote = '';
/** The file name of the report on show (undefined: none), to say whose it is while another is graded. */
let shownFile: string | undefined;
/** The files read whole before: one given once and refused on a later read changed or moved since. */
const filesRead = new WeakSet<object>();
/** Each grading's number: a slower earlier grading never overwrites a later one. */
let generation = 0;
let objectUrls: string[] = [];
/** The grading again of the file on show for an option being typed, due once typing pauses. */
let pendingRegrade: ReturnType<typeof setTimeout> | undefined;
/** Where each file is graded, within the time limit (a test may shorten it: gradingTimeLimit). */
const gradingThread = new GradingThread(gradingTimeLimit());

function setUp(): void {
  const style = document.createElement('style');
  style.textContent = REPORT_CSS;
  document.head.append(style);

  const choices = missionChoices();
  for (const choice of choices) labSelect.add(new Option(choice.title, choice.id, choice.selected, choice.selected));
  // One lab: show which, nothing to pick.
  labSelect.disabled = labSelect.options.length <= 1;
  // An empty DNIS field dials the chosen lab's number: its placeholder shows which.
  const showLabDnis = () => {
    const dnis = choices.find((choice) => choice.id === labSelect.value)?.dnis;
    if (dnis) dnisInput.placeholder = dnis;
  };
  showLabDnis();
  labSelect.addEventListener('change', showLabDnis);

  element('max-size').textContent = formatBytes(MAX_BYTES);
  element('tool-version').textContent = `${TOOL.name} ${TOOL.version}`;

  dropZone.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const files = fileInput.files ? [...fileInput.files] : [];
    fileInput.value = ''; // picking the same file again still fires `change`
    void gradeFiles(files);
  });
  status.tabIndex = -1; // focus can rest on the status while the result it describes is replaced
  watchDragAndDrop();
  // An option grades the file again as soon as it is typed (not only when the field loses focus:
  // a click on Download would then save the report of the old value while the new one is graded).
  const regrade = () => {
    cancelRegrade();
    if (lastFile) void grade(lastFile, lastNote); // the files given with it are still not graded
    else showFieldError(currentSettings());
  };
  labSelect.addEventListener('change', regrade);
  for (const input of [attendeeInput, dnisInput]) {
    input.addEventListener('input', () => {
      // From the first key on, the report on show is for the old value: no download of it, and
      // a grading still running for the old value will not put its links back.
      if (lastFile) {
        generation++;
        releaseDownloads();
        reportArea.setAttribute('aria-busy', 'true'); // marked as the earlier report: about to be replaced
      }
      clearTimeout(pendingRegrade);
      pendingRegrade = setTimeout(regrade, 300);
    });
    input.addEventListener('change', () => {
      if (pendingRegrade !== undefined) regrade();
    });
  }
  gradeForm.addEventListener('submit', (event) => event.preventDefault());

  gradingThread.prepare(); // its worker starts now, ready for the first file
  document.getElementById('not-started')?.remove();
  dropZone.disabled = false;
  fileInput.disabled = false;
  results.dataset.state = 'ready';
  status.textContent = 'Ready: drop your flow export or choose it.';
}

function cancelRegrade(): void {
  clearTimeout(pendingRegrade);
  pendingRegrade = undefined;
}

/** Drops anywhere on the page are taken (and never make the browser open the file instead). */
function watchDragAndDrop(): void {
  let depth = 0;
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    dropZone.classList.add('is-dragging');
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    if (--depth <= 0) {
      depth = 0;
      dropZone.classList.remove('is-dragging');
    }
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return; // text dropped into a field lands there
    event.preventDefault();
    depth = 0;
    dropZone.classList.remove('is-dragging');
    void gradeFiles(event.dataTransfer ? droppedFiles(event.dataTransfer) : []);
  });
}

/** The files of a drop, a folder marked as one (only the drop event itself can tell). */
function droppedFiles(transfer: DataTransfer): PickedFile[] {
  const entries = [...transfer.items].filter((item) => item.kind === 'file').map((item) => item.webkitGetAsEntry?.());
  return [...transfer.files].map((file, i) => (entries[i]?.isDirectory ? { name: file.name, size: file.size, lastModified: file.lastModified, arrayBuffer: () => file.arrayBuffer(), folder: true } : file));
}

async function gradeFiles(files: PickedFile[]): Promise<void> {
  if (files.length === 0) return;
  const { file, others } = oneToGrade(files);
  const graded = await grade(file, notGradedNote(others, file), { reveal: true });
  if (graded) revealStatus(); // again: a result shorter than the earlier one may have moved it
}

/**
 * A file just given: bring its status into view (on a phone it starts below the screen) with the
 * summary at the top, so "Grading …" shows while the checks run and the reason and the report
 * below it show after; a status already high enough on the screen stays where it is.
 */
function revealStatus(): void {
  const top = status.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight * 0.4) status.scrollIntoView({ block: 'start' });
  focusFollows(status); // the next Tab reaches the download links
}

/**
 * A file given while an option is invalid: nothing is graded, and what to read is the field to fix
 * (its label, value and message) with the status line under it ("Fix the DNIS marked above; …"),
 * not that line alone at the top of the screen with the field above it. The page scrolls as little
 * as brings both into view (the status at the bottom of the screen), or the field to the top when
 * they do not fit together.
 */
function revealField(input: HTMLElement): void {
  const field = input.closest<HTMLElement>('.field') ?? input;
  if (!inSight(field) || !inSight(status)) {
    status.scrollIntoView({ block: 'end' });
    if (field.getBoundingClientRect().top < 0) field.scrollIntoView({ block: 'start' });
  }
  focusFollows(input); // the value to fix is typed there
}

/**
 * The drop zone the file was chosen with may now be above the screen, wholly or in part, the
 * keyboard focus (and its ring) on it out of sight, the next Tab going back up to the options: the
 * focus comes along to what was brought into view, so it stays on screen.
 */
function focusFollows(target: HTMLElement): void {
  if (document.activeElement === dropZone && !inSight(dropZone)) target.focus({ preventScroll: true });
}

/** Wholly on screen, with room around it for its focus ring (page.css: outline 3 px, 2 px off, 5 px shadow). */
function inSight(item: HTMLElement): boolean {
  const box = item.getBoundingClientRect();
  return box.top >= FOCUS_RING && box.bottom <= window.innerHeight - FOCUS_RING;
}

const FOCUS_RING = 10;

function currentSettings(): SettingsResult {
  return readSettings({ lab: labSelect.value, attendee: attendeeInput.value, dnis: dnisInput.value });
}

/**
 * `reveal`: a file just given (not graded again for an option typed), its status brought into view,
 * or the field to fix. False when nothing of it is shown: an option is invalid (nothing is graded),
 * or a newer grading (an option typed meanwhile) took its place.
 */
async function grade(file: PickedFile, note: string, { reveal = false } = {}): Promise<boolean> {
  // A file given while an option was typed is graded with the option as typed: once, not again when the typing pauses.
  cancelRegrade();
  const run = ++generation;
  lastFile = file;
  lastNote = note;
  const settings = currentSettings();
  showFieldError(settings);
  releaseDownloads(); // nothing of an earlier grading stays for download meanwhile
  if (!settings.ok) {
    gradingThread.stop(); // a grading under way, for the options before, would show nothing now
    // Nothing of an earlier grading stays on show under this file's name.
    clearReport();
    errorArea.replaceChildren();
    const option = OPTION_FIELDS[settings.field];
    status.textContent = printableLine(`Fix the ${option.name} marked above; ${file.name} is graded as soon as it is valid.`) + note;
    results.dataset.state = 'invalid-options';
    if (reveal) revealField(option.input);
    return false;
  }
  results.dataset.state = 'grading';
  // The report being replaced is busy (and marked so by page.css); not the live region around the
  // status, or screen readers would hold "Grading …" back until the grading ended, saying nothing
  // meanwhile. The status says whose report is still on show.
  reportArea.setAttribute('aria-busy', 'true');
  // The same name again (regraded for an option, or chosen anew): naming it twice would read oddly.
  const earlier = shownFile === undefined ? '' : shownFile === file.name ? ' (the report below is still the earlier one)' : ` (the report below is still the earlier one, for ${shownFile})`;
  status.textContent = printableLine(`Grading ${file.name}…${earlier}`);
  errorArea.replaceChildren();
  if (reveal) revealStatus();
  // The status on screen before the file is read (a large one takes a moment).
  await afterPaint();

  try {
    const { mission, attendee, dnis } = settings.settings;
    const asked = { fileName: file.name, lab: mission.id, ...(attendee ? { attendee } : {}), ...(dnis ? { dnis } : {}), now: Date.now() };
    const options = requestOptions(asked);
    const read = await readPickedFile(file, options, filesRead);
    if (run !== generation) return false; // a newer grading took its place while the file was read
    const graded = 'refused' in read ? read.refused : await gradeInWorker({ ...asked, bytes: read.bytes.buffer as ArrayBuffer }, options);
    if (graded && run === generation) show(graded, note);
  } catch (error) {
    // Failing while grading or while showing the report: nothing of the earlier report stays.
    if (run === generation) showCrash(file.name, error);
  }
  return run === generation;
}

/**
 * A file's bytes graded in the grading worker (web/grading-thread.ts), within the time limit. Where
 * no worker can be started (a host's policy refusing workers, a browser without them), the file is
 * not graded: on the page's own thread nothing could stop a grading that never ends (a regular
 * expression that backtracks without end), and the tab would hang. Undefined: a newer grading took
 * its place.
 */
async function gradeInWorker(request: GradingRequest, options: GradeOptions): Promise<GradedFile | undefined> {
  const outcome = await gradingThread.grade(request);
  switch (outcome.kind) {
    case 'answered':
      if ('failed' in outcome.answer) throw new Error(outcome.answer.failed);
      return outcome.answer.graded;
    case 'timed-out':
      return timedOutFile(gradingThread.limitSeconds, options);
    case 'abandoned':
      return undefined;
    case 'no-worker':
      return noWorkerFile(options);
  }
}

function show({ report, reason }: GradedFile, note: string): void {
  releaseDownloads();
  clearReport();
  results.dataset.state = 'done';
  results.dataset.verdict = report.verdict;
  status.textContent = summaryLine(report) + note;
  document.title = tabTitle(report, PAGE_TITLE); // the result, in the tab too
  if (report.verdict === 'ungradable') {
    errorArea.replaceChildren(errorBox(errorLine(report), errorAdvice(reason ?? 'unusable-export')));
    return;
  }
  downloads.replaceChildren(
    download(renderJson(report), 'application/json', downloadName(report, 'json'), 'Download this report (JSON)'),
    download(renderHtmlReport(report), 'text/html', downloadName(report, 'html'), 'Download this report (HTML)'),
  );
  // The report writer escapes everything that comes from the export.
  reportArea.innerHTML = renderReportBody(report, { headingLevel: 3 }); // under the page's h2 "Result"
  showFailingActivities(reportArea, report);
  shownFile = report.input.file;
}

/** No report on show (nor marked as being replaced), nor its result in the tab's title. */
function clearReport(): void {
  reportArea.replaceChildren();
  document.title = PAGE_TITLE;
  reportArea.removeAttribute('aria-busy');
  shownFile = undefined;
}

/** A bug of ours, not the user's file: say so plainly, keep the page usable. */
function showCrash(fileName: string, error: unknown): void {
  releaseDownloads();
  clearReport();
  results.dataset.state = 'done';
  results.dataset.verdict = 'error';
  status.textContent = printableLine(`${fileName} could not be graded.`);
  errorArea.replaceChildren(errorBox(printableLine(`${fileName}: internal error of the grader: ${messageOf(error)} [internal-error]`), errorAdvice('internal-error')));
}

/**
 * The message and advice for a file not graded. No role="alert": the box is put in the polite live
 * region around the status (#results), which announces it with the status line; an alert inside
 * it was a second announcement of the same words.
 */
function errorBox(line: string, advice: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'page-error';
  const strong = document.createElement('strong');
  strong.textContent = line;
  const help = document.createElement('p');
  help.textContent = advice;
  box.append(strong, help);
  return box;
}

/**
 * The DNIS field marked as refused, or not. Marked, it is the one part of the form printed (page.css):
 * the status line under it says "Fix the DNIS marked above", on paper too.
 */
function showFieldError(settings: SettingsResult): void {
  const dnisProblem = !settings.ok && settings.field === 'dnis' ? settings.message : '';
  dnisError.textContent = dnisProblem;
  dnisError.hidden = dnisProblem === '';
  dnisInput.setAttribute('aria-invalid', String(dnisProblem !== ''));
  dnisInput.closest('.field')?.toggleAttribute('data-invalid', dnisProblem !== '');
  gradeForm.toggleAttribute('data-invalid', dnisProblem !== '');
}

function download(content: string, type: string, fileName: string, text: string): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([content], { type }));
  objectUrls.push(url);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.textContent = text;
  return link;
}

function releaseDownloads(): void {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls = [];
  // A removed link must not take the keyboard focus with it (it would fall back to the page).
  if (downloads.contains(document.activeElement)) status.focus();
  downloads.replaceChildren();
}

/**
 * Resolves once the browser has rendered the page as it is now: a task queued from an animation
 * frame callback runs after that frame's paint (a bare setTimeout(0) usually ran before any frame,
 * so a large file's synchronous grading began with the old status still on screen). A hidden page
 * (another tab in front) renders no frames and shows nothing: it goes on without one.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const rendered = () => {
      document.removeEventListener('visibilitychange', rendered);
      setTimeout(resolve, 0);
    };
    if (document.visibilityState === 'hidden') return rendered();
    document.addEventListener('visibilitychange', rendered); // hidden while waiting for the frame
    requestAnimationFrame(rendered);
  });
}

setUp();
