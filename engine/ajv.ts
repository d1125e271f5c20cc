/**
 * One ajv instance for the schemas the product validates with at run time (the export's, the
 * mocks', a run record's), each compiled once, on first use. Bundled, `ajv` is the stand-in of
 * scripts/esbuild-ajv-standalone.mjs, whose validators scripts/build.mjs generates at build time
 * with these same options: a schema validated here must be listed there. Also the one wording of
 * a failed validation's first error (firstSchemaError), for every schema but the mocks' (whose
 * refusals are an API's response bodies, mocks/ajv.ts).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { clipPointer } from './clip.js';

let ajv: Ajv | undefined;
const compiled = new Map<object, ValidateFunction>();

export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: false, strict: false });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * The first error of a failed validation in words, for a one-line message: where (its JSON
 * pointer, clipped, since keys can be long; `(top level)` for the value itself), then what.
 * `describe` words the error (ajv's message by default); `inside` follows the place (the loader
 * says a pointer is into a template body's "flow" string, which the file itself has no path to).
 */
export function firstSchemaError(errors: readonly ErrorObject[] | null | undefined, options: { describe?: (error: ErrorObject | undefined) => string; inside?: string } = {}): string {
  const first = errors?.[0];
  const where = first?.instancePath ? clipPointer(first.instancePath) : '(top level)';
  return `${where}${options.inside ?? ''} ${(options.describe ?? ajvMessage)(first)}`;
}

function ajvMessage(error: ErrorObject | undefined): string {
  return error?.message ?? 'does not match the schema';
}
