/** Why a file could not be read as a flow export. Stable codes: documented in docs/errors.md. */
export type LoadErrorCode =
  | 'empty-file'
  | 'not-json'
  | 'too-large'
  | 'too-deep'
  | 'not-a-flow'
  | 'bad-template-body'
  | 'invalid-flow'
  | 'unreadable-file';

export class LoadError extends Error {
  constructor(
    readonly code: LoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}
