import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { fixturePath, readFixture } from '../../helpers.js';

interface Entry {
  file: string;
  kind: string;
  errorCode?: string;
}
const manifest: Entry[] = JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8'));

for (const entry of manifest) {
  test(`${entry.file} ${entry.kind === 'unreadable' ? `is refused with ${entry.errorCode}` : 'loads into a model'}`, () => {
    const result = loadFlow(readFixture(entry.file), { fileName: entry.file });
    if (entry.kind === 'unreadable') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(entry.errorCode);
      return;
    }
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (!result.ok) return;
    expect(result.model.attendee.id).toBe(/^class\/Main_Flow_(\d+)/.exec(entry.file)?.[1] ?? '140'); // the example class: its own attendees
    expect(result.model.handlers.find((h) => h.display === 'OnGlobalError')).toBeTruthy();
    expect(result.model.main.start).toBeTruthy();
  });
}
