/** Exit codes, documented in docs/cli.md. */
export const EXIT = { passed: 0, failed: 1, unusable: 2 } as const;

/** A problem with how flowgrade was called (bad flag, missing file): exit 2, one line, no stack. */
export class UsageError extends Error {
  constructor(message: string, readonly code = 'usage') {
    super(message);
    this.name = 'UsageError';
  }
}
