// esbuild plugin for the bundles (CLI, grading worker, self-check page): `import Ajv from 'ajv'` in
// our sources becomes a small stand-in whose `compile(schema)` returns a validator generated here,
// at build time, with ajv's standalone code. The bundles then never compile a schema at run time —
// ajv's compiler uses `new Function`, which the page's Content-Security-Policy (no 'unsafe-eval')
// forbids, and compiling cost each CLI process or grading worker 35 ms. The sources, run unbundled
// (the unit tests), use the real ajv: the same validators, compiled on first use.
//
// Every schema the product compiles must be listed (file + the ajv options the product code
// passes). The stand-in finds a validator by the schema's JSON text and its allErrors option; a
// schema not listed throws when compiled, naming itself and this file.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const NAMESPACE = 'ajv-standalone';

/** @param {{ root: string, schemas: { file: string, options?: Record<string, unknown> }[] }} config */
export function ajvStandalone({ root, schemas }) {
  const compiled = schemas.map(({ file, options = {} }) => {
    const schema = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
    const code = standaloneCode(ajv, ajv.compile(schema));
    return { file, key: keyOf(schema, options), code };
  });
  return {
    name: NAMESPACE,
    setup(build) {
      // Only the bare `ajv` import of our own sources; ajv's runtime helpers (ajv/dist/runtime/*),
      // which the generated code requires, resolve normally.
      build.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', namespace: NAMESPACE }));
      build.onResolve({ filter: /^validator:\d+$/, namespace: NAMESPACE }, (args) => ({ path: args.path, namespace: NAMESPACE }));
      build.onLoad({ filter: /^ajv$/, namespace: NAMESPACE }, () => ({ contents: standIn(compiled), resolveDir: root, loader: 'js' }));
      build.onLoad({ filter: /^validator:\d+$/, namespace: NAMESPACE }, (args) => ({
        contents: compiled[Number(args.path.slice('validator:'.length))].code,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/** The same key at build time (from the file) and in the page (from the bundled JSON import). */
function keyOf(schema, options) {
  return JSON.stringify([schema, Boolean(options.allErrors)]);
}

function standIn(compiled) {
  const imports = compiled.map((_, i) => `import validator${i} from 'validator:${i}';`).join('\n');
  const entries = compiled.map(({ key }, i) => `  [${JSON.stringify(key)}, validator${i}],`).join('\n');
  const files = compiled.map(({ file }) => file).join(', ');
  return `${imports}
const VALIDATORS = new Map([
${entries}
]);
/** Build-time compiled validators in place of ajv (see scripts/esbuild-ajv-standalone.mjs). */
export class Ajv {
  constructor(options = {}) {
    this.allErrors = Boolean(options.allErrors);
  }
  compile(schema) {
    const validate = VALIDATORS.get(JSON.stringify([schema, this.allErrors]));
    if (validate) return validate;
    const name = (schema && (schema.$id || schema.title)) || 'a schema';
    throw new Error(name + ' was not precompiled: list it in scripts/build.mjs (precompiled: ${files})');
  }
}
export default Ajv;
`;
}
