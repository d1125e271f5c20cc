/** The two ways an activity can stop normally running. */

import type { FailedVariable } from '../trace.js';

/**
 * The activity failed (Undefined Error): its `error` exit is taken, or OnGlobalError runs.
 * `setting`: the setting of the activity that failed, by its label in Flow Designer's panel
 * (`Request Body`), when the failure is one setting's; the trace entry keeps it as `failedSetting`.
 * `variable`: the flow variable the failure is about, when it is one's (engine/trace.ts FailedVariable).
 */
export class ActivityError extends Error {
  readonly setting?: string;
  readonly variable?: FailedVariable;

  constructor(message: string, about: { setting?: string; variable?: FailedVariable } = {}) {
    super(message);
    this.name = 'ActivityError';
    this.setting = about.setting;
    this.variable = about.variable;
  }
}

/**
 * `run()`, its activity errors told as failures of `setting` (an error that names a setting
 * already keeps it; the variable an error names is kept): the HTTP Request reads each of its
 * settings under one.
 */
export function inSetting<T>(setting: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ActivityError && error.setting === undefined) throw new ActivityError(error.message, { setting, variable: error.variable });
    throw error;
  }
}

/** Something the simulator cannot reproduce faithfully: the run stops with status 'not-simulated'. */
export class NotSimulatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSimulatedError';
  }
}
