/** The tool's version, from package.json (bundled at build time: the bundles hold its version alone, scripts/build.mjs). */
import pkg from '../package.json' with { type: 'json' };

export const version: string = pkg.version;
