#!/usr/bin/env node
// The `flowgrade` command: a shim over the built CLI (built by `npm ci` / `npm run build`).
// NO_COLOR wins over FORCE_COLOR here (docs/cli.md). With both set, Node 22 and later warn on
// stderr that "NO_COLOR is ignored" as soon as the CLI loads node:http, which is not so: FORCE_COLOR
// is dropped before the CLI loads, and its colours stay off.
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;
const { run } = await import('../dist/cli.js');

process.exitCode = await run(process.argv);
