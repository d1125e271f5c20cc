/** The two ways an activity can stop normally running. */

/** The activity failed (Undefined Error): its `error` exit is taken, or OnGlobalError runs. */
export class ActivityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActivityError';
  }
}

/** Something the simulator cannot reproduce faithfully: the run stops with status 'not-simulated'. */
export class NotSimulatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSimulatedError';
  }
}
