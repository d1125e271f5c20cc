/** Exit codes, documented in docs/cli.md. */
export const EXIT = { passed: 0, failed: 1, unusable: 2 } as const;

/** The stable codes of usage errors (docs/errors.md): `no-input` (nothing to grade), `bad-out` (an --out that cannot be used), `bad-shard` (a folder `merge` cannot take as a part of the class). */
type UsageCode = 'no-input' | 'bad-out' | 'bad-shard';

/** `message` ending in its code, as docs/errors.md writes it: `… [bad-out]`. */
export function coded(message: string, code: UsageCode): string {
  return `${message} [${code}]`;
}

/**
 * A problem with how flowgrade was called (bad flag, missing file): exit 2, one line, no stack.
 * Given a code, the message ends in it (see coded).
 */
export class UsageError extends Error {
  constructor(message: string, readonly code: 'usage' | UsageCode = 'usage') {
    super(code === 'usage' ? message : coded(message, code));
    this.name = 'UsageError';
  }
}
