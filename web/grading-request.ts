/**
 * What the page asks its grading worker (web/grading-thread.ts) and what the worker answers: plain
 * data, as messages between threads carry (the file's bytes transferred, the report cloned). The
 * worker runs `gradeRequest`. The page never grades on its own thread: nothing could stop a
 * grading there at the time limit (web/grading-thread.ts).
 */
// (Bundled, package.json is its version alone: scripts/build.mjs.)
import pkg from '../package.json' with { type: 'json' };
import { findMission } from '../checks/index.js';
import { messageOf } from '../engine/error-message.js';
import type { GradeOptions } from '../engine/grade.js';
import { gradeBytes, type GradedFile } from './grade-file.js';

export const TOOL = { name: 'flowgrade', version: pkg.version };

export interface GradingRequest {
  fileName: string;
  /** The file's bytes (transferred to the worker: the page keeps none). */
  bytes: ArrayBuffer;
  /** The lab's id (a mission holds functions, which a message cannot carry). */
  lab: string;
  attendee?: string;
  dnis?: string;
  /**
   * The page's clock when the grading was asked for (ms since 1970): the report's time and every
   * time the simulated flow reads, as `check --now` fixes them, so that the grade is the page's
   * whichever thread computed it.
   */
  now: number;
}

export type GradingAnswer = { graded: GradedFile } | { failed: string };

/** The worker's first message: it runs, and takes a request. */
export const WORKER_STARTED = 'flowgrade-worker-started';

/** The grading options of a request: the page's, with its lab found again. */
export function requestOptions(request: Omit<GradingRequest, 'bytes'>): GradeOptions {
  const mission = findMission(request.lab);
  if (!mission) throw new Error(`unknown lab ${request.lab}`);
  const at = new Date(request.now);
  return {
    mission,
    fileName: request.fileName,
    ...(request.attendee !== undefined ? { attendee: request.attendee } : {}),
    ...(request.dnis !== undefined ? { settings: { dnis: request.dnis } } : {}),
    now: () => at,
    tool: TOOL,
  };
}

export function gradeRequest(request: GradingRequest): Promise<GradedFile> {
  return gradeBytes(new Uint8Array(request.bytes), requestOptions(request));
}

/** Whether this script runs in a worker (no page around it). */
export function inWorker(): boolean {
  return typeof document === 'undefined' && typeof postMessage === 'function';
}

/** The worker's side: says it has started, then grades each request it is sent, answering the report or why it failed (a bug of ours). */
export function serveGradingRequests(): void {
  const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<GradingRequest>) => void) | null; postMessage(answer: unknown): void };
  scope.onmessage = async (event) => {
    let answer: GradingAnswer;
    try {
      answer = { graded: await gradeRequest(event.data) };
    } catch (error) {
      answer = { failed: messageOf(error) };
    }
    scope.postMessage(answer);
  };
  scope.postMessage(WORKER_STARTED);
}
