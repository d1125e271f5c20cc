/** The tool's version, from package.json (bundled at build time). */
import pkg from '../package.json' with { type: 'json' };

export const version: string = pkg.version;
