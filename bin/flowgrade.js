#!/usr/bin/env node
// The `flowgrade` command: a shim over the built CLI (built by `npm ci` / `npm run build`).
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv);
