// Builds the Node CLI (and its worker) into dist/ with esbuild. The TypeScript sources are the
// truth; `npm run typecheck` checks them. Run by `npm ci` (prepare) and `npm test`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'cli/main.ts', worker: 'cli/grade/worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
