/**
 * One ajv instance for the schemas the product validates with at run time (the export's, the
 * mocks', a run record's), each compiled once, on first use. Bundled, `ajv` is the stand-in of
 * scripts/esbuild-ajv-standalone.mjs, whose validators scripts/build.mjs generates at build time
 * with these same options: a schema validated here must be listed there.
 */
import Ajv, { type ValidateFunction } from 'ajv';

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
