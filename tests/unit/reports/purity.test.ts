/** reports/ runs in the browser too: no Node built-ins, no global colour state, no eval. */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';
import { REPORTERS, type ReporterName } from '../../../reports/index.js';

test('reports/ imports no Node built-ins or chalk, and evaluates no code', () => {
  const dir = path.join(ROOT, 'reports');
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  for (const name of files) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    expect(text, name).not.toMatch(/from ['"](node:|fs|path|os|child_process|process|buffer|chalk)['"/]/);
    expect(text, name).not.toMatch(/\beval\(|new Function\(|\bprocess\.|\bBuffer\.|\bDate\.now\(|new Date\(|Math\.random\(/);
  }
});

test('the reporter map names every writer', () => {
  const names = Object.keys(REPORTERS) as ReporterName[];
  expect(names).toEqual(['console', 'json', 'html', 'junit', 'csv', 'markdown', 'dashboard']);
  for (const name of names) expect(typeof REPORTERS[name].render).toBe('function');
});
