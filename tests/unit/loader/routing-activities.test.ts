/**
 * Activity types of the public 2024–2025 templates (hnavilur/webex-contact-center-flows
 * VariableFlow_Template, PercentageAllocation_Template): Business Hours, GoTo (`hand-off`) and
 * Percentage Allocation have the exits their canvas ports show, on our own fixture in that format.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import type { Activity, FlowModel } from '../../../engine/model.js';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../helpers.js';

const FILE = 'activities/routing-activities.json';

const readText = (): string => readFileSync(fixturePath(FILE), 'utf8');

function load(text: string = readText()): FlowModel {
  const result = loadFlow(text, { fileName: FILE });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.model;
}

const byLabel = (model: FlowModel, label: string): Activity => model.main.activities.find((a) => a.label === label)!;

test('Business Hours, GoTo and Percentage Allocation have the exits of their canvas ports', () => {
  const model = load();
  expect(byLabel(model, 'Hours').knownExits).toEqual(['workingHours', 'holidays', 'override', 'default', 'error']);
  expect(byLabel(model, 'ToSupport').knownExits).toEqual(['error']);
  expect(byLabel(model, 'Split').knownExits).toEqual(['0', '1', '2', 'error']);
  expect(byLabel(model, 'Split').unlinkedExits).toEqual(['error']);
  expect(byLabel(model, 'Hours').unlinkedExits).toEqual([]);
  expect(model.findings).toEqual([]);
});

test('a link on an exit these types do not have is an unknown-exit finding', () => {
  const exported = JSON.parse(readText());
  const ids = Object.fromEntries(Object.values(exported.process.activities as Record<string, { id: string; name: string }>).map((a) => [a.name, a.id]));
  const extra = (from: string, exit: string) => ({ id: `x-${from}-${exit}`, sourceActivityId: ids[from], targetActivityId: ids.Bye, conditionExpr: exit, properties: { value: exit } });
  exported.process.links.push(extra('Split', '3'), extra('ToSupport', 'default'), extra('Hours', 'holiday'));
  const unknown = load(JSON.stringify(exported)).findings.filter((f) => f.code === 'unknown-exit').map((f) => f.message);
  expect(unknown).toEqual([
    'Split (percent-allocation) has no exit named 3',
    'ToSupport (hand-off) has no exit named default',
    'Hours (business-hours) has no exit named holiday',
  ]);
});
