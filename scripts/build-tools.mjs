// The packages scripts/build.mjs builds with (esbuild, and ajv for the precompiled validators),
// loaded when the build starts. Where they are not installed (`npm install <a clone not built
// yet>`, which runs the clone's prepare there; `npm ci --omit=dev`, or npm ci with
// NODE_ENV=production as many Docker images set; `npm run build` before `npm ci`), one line says
// what to run, exit 1, instead of Node's ERR_MODULE_NOT_FOUND stack trace.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function loadBuildTools() {
  try {
    const { build } = await import('esbuild');
    const { ajvStandalone } = await import('./esbuild-ajv-standalone.mjs');
    return { build, ajvStandalone };
  } catch (error) {
    const missing = /Cannot find package '([^']+)'/.exec(error?.message ?? '')?.[1];
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || missing === undefined) throw error;
    process.stderr.write(`flowgrade build: ${missing} is not installed in ${ROOT}: run npm ci --include=dev there (the build's tools are devDependencies, which --omit=dev and NODE_ENV=production leave out)\n`);
    process.exit(1);
  }
}
