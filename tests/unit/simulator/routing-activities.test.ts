/**
 * Percentage Allocation and GoTo (`hand-off`), activity types of public 2024–2025 templates
 * (hnavilur/webex-contact-center-flows PercentageAllocation_Template, VariableFlow_Template), run
 * on our own fixture in that format.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import type { FlowModel } from '../../../engine/model.js';
import { simulate, type Scenario } from '../../../engine/simulator/index.js';
import { fixturePath } from '../../helpers.js';
import { fakeServices } from './helpers.js';

type Export = Record<string, any>;

function fixture(): Export {
  return JSON.parse(readFileSync(fixturePath('activities/routing-activities.json'), 'utf8'));
}

function model(exported: Export = fixture()): FlowModel {
  const result = loadFlow(JSON.stringify(exported));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.model;
}

const run = (flow: FlowModel, scenario: Scenario = {}) => simulate(flow, scenario, { services: fakeServices() });

function activity(exported: Export, label: string): Export {
  return Object.values(exported.process.activities as Record<string, Export>).find((a) => a.name === label)!;
}

/** The fixture with the allocations' shares replaced (Sales, Spare, Support). */
function withShares(shares: number[]): Export {
  const exported = fixture();
  const names = ['Sales', 'Spare', 'Support'];
  const inputs = shares.map((percent, i) => JSON.stringify({ percent, desc: names[i] }));
  Object.assign(activity(exported, 'Split').properties, { 'allocations:input': inputs, allocations_input: inputs });
  return exported;
}

const outcomes = (result: Awaited<ReturnType<typeof run>>) => result.trace.map((e) => `${e.activity}:${e.outcome}`);

test('Percentage Allocation takes the allocation with the largest share and names it; GoTo ends the call in this flow', async () => {
  const result = await run(model());
  expect(outcomes(result)).toEqual(['NewPhoneContact:out', 'Split:2', 'Hours:workingHours', 'ToSupport:end']);
  expect(result.trace[1].modifiedVariables).toEqual({ 'Split.percentage': 70, 'Split.description': 'Support' });
  expect(result).toMatchObject({ status: 'completed', summary: 'went to flow Support_Flow (Latest) at ToSupport', callerConnected: true });
});

test('the first of equal largest shares is taken; an allocation of 0 % never is', async () => {
  expect(outcomes(await run(model(withShares([50, 0, 50]))))[1]).toBe('Split:0');
  expect(outcomes(await run(model(withShares([0, 100, 0]))))[1]).toBe('Split:1');
});

test('a GoTo to an entry point names it', async () => {
  const result = await run(model(withShares([60, 0, 40])));
  expect(outcomes(result)).toEqual(['NewPhoneContact:out', 'Split:0', 'ToSalesEP:end']);
  expect(result.summary).toBe('went to entry point EP_Sales at ToSalesEP');
});

test('a GoTo to the flow a variable names goes there; an empty variable is its Undefined Error', async () => {
  const empty = await run(model(), { businessHours: 'override' });
  expect(outcomes(empty)).toEqual(['NewPhoneContact:out', 'Split:2', 'Hours:override', 'ToNext:error', 'Sorry:default', 'Bye:end']);
  expect(empty.trace[3].error).toBe('no flow to go to: {{nextFlow}} is empty');
  const named = fixture();
  named.variables[0].value = 'Billing_Flow';
  const result = await run(model(named), { businessHours: 'override' });
  expect(result.summary).toBe('went to flow Billing_Flow (Latest) at ToNext');
});

test('a Percentage Allocation with no share above 0 % fails: its Undefined Error, else OnGlobalError', async () => {
  const result = await run(model(withShares([0, 0, 0])));
  expect(outcomes(result).slice(0, 2)).toEqual(['NewPhoneContact:out', 'Split:error']);
  expect(result.trace[1].error).toBe('no allocation has a share above 0 %');
});
