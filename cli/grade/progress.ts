/**
 * Progress of a batch on stderr. On a terminal: one line rewritten in place (done/total, rate,
 * ETA, failures so far), at most ten times a second. Elsewhere (CI logs): a plain line every
 * tenth of the batch (every 10 submissions in a batch of fewer than 100) or every 5 seconds, whichever comes first,
 * and always one at the end, e.g. `graded 200/1000 submissions (40 failed, 3 ungradable) 180 flows/s`.
 * It counts submissions, a duplicate set aside later too: the summary after it counts attendees,
 * so the line says what it counts. The ETA is shown from one second into the batch (ETA_AFTER_MS).
 * `merge` shows its rows by the same rules, in its own words (cli/merge/merge.ts):
 * `merged 1500/3000 attendees (40 failed, 3 ungradable) 600 reports/s`.
 */
import type { Verdict } from '../../engine/report.js';

/**
 * No ETA before this many milliseconds into the batch: the rate is counted from the start, so at
 * first it is mostly the grading threads starting (0.3 s on two threads) and the ETA far off (64
 * submissions: 'ETA 23s' at 0.33 s, all done at 1.1 s). A batch shorter than this shows none.
 */
const ETA_AFTER_MS = 1000;

export interface ProgressOptions {
  total: number;
  isTTY: boolean;
  write: (text: string) => void;
  /** Milliseconds clock (injectable for tests). */
  now?: () => number;
  /** Non-TTY: seconds between time-based lines. */
  intervalSeconds?: number;
  /** TTY: the terminal's width now (undefined: unknown), read at every update (a window can be resized). */
  columns?: () => number | undefined;
  /** What is done to each submission: `graded` (the default), `read` (the --shard pass). */
  verb?: string;
  /** Said in the parentheses instead of the failed and ungradable counts (a pass that grades nothing). */
  note?: string;
  /** What is counted, one and more than one: `submission`, `submissions` (the default); merge counts attendees. */
  noun?: readonly [one: string, more: string];
  /** What the rate counts each second: `flows` (the default); merge reads and writes reports. */
  rateOf?: string;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private ungradable = 0;
  private readonly started: number;
  private lastWrite: number;
  private wrote = false;
  private ended = false;
  private lastLineAt = 0;
  private readonly every: number;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.lastWrite = options.isTTY ? -Infinity : this.started;
    this.every = Math.max(10, Math.ceil(options.total / 10));
  }

  /** One submission graded (or, with a note, read; one row merged). */
  tick(verdict?: Verdict): void {
    if (this.ended) return; // (a result settled as a stopped run waits for its threads: the line is not drawn again)
    this.done += 1;
    if (verdict === 'failed') this.failed += 1;
    if (verdict === 'ungradable') this.ungradable += 1;
    const now = this.now();
    if (this.options.isTTY) {
      if (now - this.lastWrite >= 100 || this.done === this.options.total) {
        this.lastWrite = now;
        this.wrote = true;
        this.options.write(`\r\x1b[K${this.fitted([...this.parts(now), this.eta(now)])}`);
      }
      return;
    }
    const dueByCount = this.done - this.lastLineAt >= this.every;
    const dueByTime = now - this.lastWrite >= (this.options.intervalSeconds ?? 5) * 1000;
    if (this.done === this.options.total || dueByCount || dueByTime) this.plainLine(now);
  }

  /** Ends the display (the TTY line gets its newline). */
  finish(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.options.isTTY) {
      if (this.wrote) this.options.write('\n');
    } else if (this.lastLineAt !== this.done) {
      this.plainLine(this.now());
    }
  }

  /**
   * Ends the display of a batch that stops before the end (Ctrl-C, an --out that cannot take the
   * reports): the TTY line gets its newline, so the error or the shell's prompt that follows starts
   * a line of its own. The plain lines so far stay as they are: they tell how far it got.
   */
  abandon(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.options.isTTY && this.wrote) this.options.write('\n');
  }

  /**
   * The TTY line cut to one row short of the terminal's width: a line that wraps leaves its first
   * row behind at every rewrite (`\x1b[K` clears one row), and one of exactly the width makes some
   * terminals wrap the cursor. The line is ASCII: a character is a column. Whole parts only, the
   * last ones left out: a number cut in two would read as another number.
   */
  private fitted(parts: string[]): string {
    const line = parts.join('');
    const columns = this.options.columns?.();
    if (columns === undefined || !Number.isFinite(columns) || columns <= 1 || line.length < columns) return line;
    let fitted = '';
    for (const part of parts) {
      if (fitted.length + part.length > columns - 1) break;
      fitted += part;
    }
    return fitted || line.slice(0, columns - 1);
  }

  private plainLine(now: number): void {
    this.lastWrite = now;
    this.lastLineAt = this.done;
    this.options.write(`${this.parts(now).join('')}\n`);
  }

  /** The line's parts: `graded 6/1000`, ` submissions`, ` (6 failed, 0 ungradable)`, ` 7 flows/s`. */
  private parts(now: number): string[] {
    const counts = this.options.note ?? `${this.failed} failed, ${this.ungradable} ungradable`;
    const [one, more] = this.options.noun ?? ['submission', 'submissions'];
    const noun = this.options.total === 1 ? one : more;
    return [`${this.options.verb ?? 'graded'} ${this.done}/${this.options.total}`, ` ${noun}`, ` (${counts})`, ` ${Math.round(this.rate(now))} ${this.options.rateOf ?? 'flows'}/s`];
  }

  private eta(now: number): string {
    const rate = this.rate(now);
    const left = this.options.total - this.done;
    return left > 0 && rate > 0 && now - this.started >= ETA_AFTER_MS ? `, ETA ${formatDuration(left / rate)}` : '';
  }

  private rate(now: number): number {
    const seconds = (now - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }
}

/** `59s`, `2m00s`: whole seconds, rounded up first (so 119.5 s is 2m00s, never 1m60s). */
function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}
