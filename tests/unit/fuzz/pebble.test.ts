/**
 * Fuzzing the Pebble engine with random expression trees (every node kind: literals, variables,
 * attributes and indexes with hostile names, methods, filters and tests with random arguments,
 * functions, operators, ternaries, lists, maps, interpolation) over random scopes (hostile keys,
 * huge strings, deep and cyclic data). Every case renders a bounded string or fails with an
 * ExpressionError; the outcome is deterministic, honours the step budget monotonically, and never
 * touches a prototype.
 */
import { test } from '@playwright/test';
import fc from 'fast-check';
import { evaluateTemplate, ExpressionError, renderTemplate, type EvalOptions } from '../../../engine/pebble/index.js';
import { MAX_STRING_LENGTH } from '../../../engine/pebble/limits.js';
import { expression, template } from './pebble-arbitraries.js';
import { hostileString, HOSTILE_NAMES } from './mutations.js';
import { checkNoPollution } from './outcomes.js';
import { check, fuzz, summarise } from './support.js';

test.afterAll(() => summarise('pebble'));
test.describe.configure({ timeout: 900_000 });

const CODES = new Set(['syntax', 'unknown-filter', 'unknown-function', 'unknown-test', 'type', 'limit']);
const clock = () => new Date(Date.UTC(2025, 1, 6, 21, 9, 2, 712));

/** A scope of random and hostile data under the names the expressions use. */
const scope: fc.Arbitrary<Map<string, unknown>> = fc
  .record({
    a: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
    b: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })),
    s: fc.oneof(fc.constant('+14694096861'), hostileString),
    big: fc.integer({ min: 0, max: 600_000 }).map((n) => 'x'.repeat(n)),
    list: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString), { maxLength: 20 }),
    m: fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 5 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
    deepLevels: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ deepLevels, ...vars }) => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < deepLevels; i++) deep = i % 2 ? [deep] : { d: deep };
    const cyc: Record<string, unknown> = { name: 'cyclic' };
    cyc.self = cyc;
    const map = new Map<string, unknown>(Object.entries(vars));
    map.set('deep', deep);
    map.set('cyc', cyc);
    map.set('nil', null);
    map.set('constructor', 'scope constructor'); // an own name, not Object's
    return map;
  });

type Outcome = { ok: true; value: string } | { ok: false; code: string; message: string };

function outcome(run: () => unknown, text: string): Outcome {
  try {
    const value = run();
    const rendered = typeof value === 'string' ? value : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) ?? 'undefined';
    return { ok: true, value: rendered };
  } catch (error) {
    check(error instanceof ExpressionError, () => `not an ExpressionError for ${JSON.stringify(text)}: ${error instanceof Error ? error.stack : String(error)}`);
    check(CODES.has(error.code), `unknown code ${error.code}`);
    check(error.position >= 0 && error.position <= Math.max(text.length, 200_000), `position ${error.position} outside the template`);
    check(!/[\r\n]/.test(error.message) || error.code === 'syntax' || error.code === 'type', () => `message: ${error.message.slice(0, 200)}`);
    return { ok: false, code: error.code, message: error.message };
  }
}

const same = (x: Outcome, y: Outcome) => JSON.stringify(x) === JSON.stringify(y);

test('fuzz: random templates over random scopes render a bounded string or fail with an ExpressionError', async () => {
  await fuzz(
    'pebble/render',
    fc.property(template, scope, fc.boolean(), (text, vars, strict) => {
      const options: EvalOptions = { now: clock, strictVariables: strict };
      const first = outcome(() => renderTemplate(text, vars, options), text);
      if (first.ok) check(first.value.length <= MAX_STRING_LENGTH, `rendered ${first.value.length} characters`);
      const again = outcome(() => renderTemplate(text, vars, options), text);
      check(same(first, again), () => `not deterministic for ${JSON.stringify(text)}`);
      checkNoPollution();
    }),
  );
});

test('fuzz: typed evaluation of random expressions', async () => {
  await fuzz(
    'pebble/evaluate',
    fc.property(expression, scope, (expr, vars) => {
      const text = `{{ ${expr} }}`;
      outcome(() => evaluateTemplate(text, vars, { now: clock }), text);
      checkNoPollution();
    }),
  );
});

test('fuzz: the step budget is honoured: a run that fits a budget gives the same result with a larger one', async () => {
  await fuzz(
    'pebble/step-budget',
    fc.property(template, scope, fc.integer({ min: 1, max: 3_000 }), (text, vars, budget) => {
      const small = outcome(() => renderTemplate(text, vars, { now: clock, maxSteps: budget }), text);
      const large = outcome(() => renderTemplate(text, vars, { now: clock, maxSteps: budget * 4 }), text);
      if (small.ok || small.code !== 'limit') check(same(small, large), () => `budget ${budget} vs ${budget * 4} differ for ${JSON.stringify(text)}`);
      if (!large.ok && large.code === 'limit') check(!small.ok && small.code === 'limit', 'a larger budget ran out where a smaller one did not');
    }),
    0.5,
  );
});

test('fuzz: exponential and deeply nested templates stay within the limits', async () => {
  const doubling = fc.integer({ min: 1, max: 15 }).map((n) => {
    let e = 's';
    for (let i = 0; i < n; i++) e = `(${e} ~ ${e})`;
    return `{{ ${e} }}`;
  });
  const nested = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('(', '[', 'not ', '-', '{"k": ')).map(([n, open]) => {
    const close = open === '(' ? ')' : open === '[' ? ']' : open === '{"k": ' ? '}' : '';
    return `{{ ${open.repeat(n)}1${close.repeat(n)} }}`;
  });
  const chained = fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom(' | upper', ' | split(",") | join(",")', ' ~ s', '.length', ' | replace({"x": "xx"})', '[0]')).map(([n, link]) => `{{ s${link.repeat(n)} }}`);
  const ranges = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom('| join', '| length', '| sort | first', '| reverse | join(",")')).map(([n, f]) => `{{ range(0, ${n}) ${f} }}`);
  await fuzz(
    'pebble/blow-up',
    fc.property(fc.oneof(doubling, nested, chained, ranges), fc.constantFrom('x', 'x'.repeat(1000), 'x,'.repeat(5000)), (text, s) => {
      const result = outcome(() => renderTemplate(text, new Map([['s', s]]), { now: clock }), text);
      if (result.ok) check(result.value.length <= MAX_STRING_LENGTH, `rendered ${result.value.length} characters`);
      checkNoPollution();
    }),
    0.3,
  );
});

test('fuzz: rewriting an expression without changing its meaning does not change its outcome', async () => {
  // Metamorphic: `(e)`, `true ? e : 0`, `[e] | first` and `{{ e }}{{ e2 }}` against `{{ e }}` and `{{ e2 }}` alone.
  // An error may move (its position shifts): only the code is compared. No case may take seconds.
  const result = (o: Outcome) => (o.ok ? `ok:${o.value}` : `error:${o.code}`);
  await fuzz(
    'pebble/metamorphic',
    fc.property(expression, expression, scope, (e, e2, vars) => {
      const started = Date.now();
      const run = (text: string) => outcome(() => renderTemplate(text, vars, { now: clock }), text);
      const plain = run(`{{ ${e} }}`);
      for (const variant of [`{{ (${e}) }}`, `{{ true ? (${e}) : 0 }}`, `{{ false ? 0 : (${e}) }}`]) {
        const other = run(variant);
        check(result(other) === result(plain), () => `${JSON.stringify(variant)} gives ${result(other).slice(0, 200)}, {{ ${e} }} gives ${result(plain).slice(0, 200)}`);
      }
      const second = run(`{{ ${e2} }}`);
      const both = run(`{{ ${e} }}{{ ${e2} }}`);
      if (plain.ok && second.ok) check(both.ok && both.value === plain.value + second.value, () => `{{ ${e} }}{{ ${e2} }} gives ${result(both).slice(0, 200)}, not the two renders joined`);
      else check(!both.ok, () => `{{ ${e} }}{{ ${e2} }} renders although one part fails`);
      check(Date.now() - started < 5_000, () => `${Date.now() - started} ms for ${JSON.stringify(e)} / ${JSON.stringify(e2)}`);
      checkNoPollution();
    }),
    0.5,
  );
});
