/**
 * Registers the test-only Hello World mission in the product's registry (checks/index.ts MISSIONS)
 * for one test file, as adding it to checks/index.ts would, and takes it out again afterwards:
 * a test worker runs other test files after this one.
 */
import { test } from '@playwright/test';
import { MISSIONS } from '../../../checks/index.js';
import helloWorld from './hello-world/index.js';

export function registerHelloWorld(): void {
  test.beforeAll(() => {
    if (!MISSIONS.includes(helloWorld)) MISSIONS.push(helloWorld);
  });
  test.afterAll(() => {
    const at = MISSIONS.indexOf(helloWorld);
    if (at >= 0) MISSIONS.splice(at, 1);
  });
}
