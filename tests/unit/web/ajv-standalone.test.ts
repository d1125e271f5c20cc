/**
 * scripts/esbuild-ajv-standalone.mjs: in the browser build, `ajv` is replaced by validators
 * generated at build time, so the page needs no `new Function` (its CSP has no 'unsafe-eval').
 * They validate like ajv compiled at run time; a schema that was not listed fails loudly.
 */
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import schema from '../../../schemas/flow-export.schema.json' with { type: 'json' };
// @ts-expect-error -- a plain .mjs build script without type declarations
import { ajvStandalone } from '../../../scripts/esbuild-ajv-standalone.mjs';
import { ROOT } from '../../helpers.js';

const ENTRY = `
import Ajv from 'ajv';
import schema from './schemas/flow-export.schema.json' with { type: 'json' };
export const validate = new Ajv({ strict: false, allErrors: false }).compile(schema);
export function unlisted() { return new Ajv({ strict: false }).compile({ $id: 'urn:example:other', type: 'string' }); }
export function otherOptions() { return new Ajv({ strict: false, allErrors: true }).compile(schema); }
`;

interface Bundle {
  validate: ((data: unknown) => boolean) & { errors?: unknown[] | null };
  unlisted: () => unknown;
  otherOptions: () => unknown;
}

let dir: string;
let code: string;
let bundle: Bundle;

test.beforeAll(async () => {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [ajvStandalone({ root: ROOT, schemas: [{ file: 'schemas/flow-export.schema.json', options: { strict: false, allErrors: false } }] })],
  });
  code = result.outputFiles[0].text;
  dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-ajv-'));
  const file = path.join(dir, 'bundle.mjs');
  writeFileSync(file, code);
  bundle = (await import(pathToFileURL(file).href)) as Bundle;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the bundle carries no schema compiler and no Function constructor', () => {
  expect(code).not.toMatch(/new Function|\bFunction\(/);
  expect(code).not.toContain('schema with key or id');
});

test('a listed schema validates exactly like ajv compiled at run time, errors included', () => {
  const runtime = new Ajv({ strict: false, allErrors: false }).compile(schema);
  const samples: unknown[] = [
    { name: 'Main_Flow_140', process: { activities: {}, links: [] } },
    { name: 'Main_Flow_140', process: { activities: {}, links: 'none' } },
    { process: {} },
    { name: 3, process: { activities: [], links: [] } },
    [],
  ];
  for (const sample of samples) {
    expect(bundle.validate(sample), JSON.stringify(sample)).toBe(runtime(sample));
    expect(bundle.validate.errors ?? null).toEqual(runtime.errors ?? null);
  }
});

test('a schema that was not precompiled throws when compiled, naming itself', () => {
  expect(() => bundle.unlisted()).toThrow(/urn:example:other was not precompiled: list it in scripts\/build\.mjs/);
});

test('the same schema with other error options is not silently served by the precompiled one', () => {
  expect(() => bundle.otherOptions()).toThrow(/was not precompiled/);
});
