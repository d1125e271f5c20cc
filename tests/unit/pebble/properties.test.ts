/**
 * Property tests (fast-check): any text parses or fails with an ExpressionError; generated
 * expressions normalise the same however they are spaced, and normalising never changes meaning.
 * FUZZ_RUNS raises the number of runs.
 */
import { test } from '@playwright/test';
import fc from 'fast-check';
import {
  ExpressionError,
  normalizeTemplate,
  parseTemplate,
  renderTemplate,
} from '../../../engine/pebble/index.js';
import { clock, scopeOf } from './support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// fast-check runs synchronously, so Playwright cannot interrupt it: give big FUZZ_RUNS the time they need.
test.describe.configure({ timeout: Math.max(30_000, RUNS * 10) });
const scope = scopeOf({ a: 3, b: 'text', s: '+14694096861', list: ['x', 'y'], m: { k: 'v', n: 2 }, nil: null });

/** Plain assertion for use inside properties (Playwright's expect is slow in hot loops). */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Outcome of a render: the text, or the error code. Anything else than an ExpressionError fails. */
function outcome(text: string): string {
  try {
    return `ok:${renderTemplate(text, scope, { now: clock })}`;
  } catch (e) {
    if (e instanceof ExpressionError) return `error:${e.code}`;
    throw e;
  }
}

const pebbleish = fc
  .array(
    fc.constantFrom(
      '{{', '}}', '{{ ', ' }}', '-}}', '{{- ', 'a', 'b', 's', 'list', 'm', '.', '[', ']', '(', ')', '{', '}', '"', "'",
      '#{', '|', 'slice', 'upper', 'default', 'join', '1', '2.5', '0', '+', '-', '*', '/', '%', '~', '==', '<', 'and',
      'or', 'not', 'is', 'is not', 'null', 'empty', 'contains', '?', ':', ',', '=', ' ', '\n', '..', 'now', 'x\\"', '$',
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

test('any text either parses or throws an ExpressionError; rendering never throws anything else', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 60 }), pebbleish), (text) => {
      try {
        parseTemplate(text);
      } catch (e) {
        check(e instanceof ExpressionError, `not an ExpressionError: ${String(e)}`);
        const error = e as ExpressionError;
        check(error.position >= 0 && error.position <= text.length, `position ${error.position} outside the text`);
        check(error.message.includes(`at position ${error.position}`), `message without position: ${error.message}`);
        return;
      }
      outcome(text);
    }),
    { numRuns: RUNS },
  );
});

/** An expression tree printed two ways: with minimal and with random extra spacing. */
interface Printed {
  compact: string;
  spaced: (gap: () => string) => string;
}

const leaf: fc.Arbitrary<Printed> = fc
  .constantFrom('a', 'b', 's', 'list', 'm', 'nil', '1', '0', '2.5', '"str"', "'q'", 'true', 'null', 'm.k', 'list[0]', 'now()')
  .map((t) => ({ compact: t, spaced: () => t }));

const expr: fc.Arbitrary<Printed> = fc.letrec<{ e: Printed }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '~', '==', '!=', '<', '>=', 'and', 'or', 'contains'), tie('e'))
      .map(([l, op, r]) => ({
        compact: `(${l.compact} ${op} ${r.compact})`,
        spaced: (g: () => string) => `(${g()}${l.spaced(g)} ${g()}${op} ${g()}${r.spaced(g)}${g()})`,
      })),
    fc.tuple(tie('e'), fc.constantFrom('upper', 'length', 'default("d")', 'slice(1)', 'join(",")', 'abs', 'first')).map(([i, f]) => ({
      compact: `${i.compact}|${f}`,
      spaced: (g: () => string) => `${i.spaced(g)}${g()}|${g()}${f}`,
    })),
    fc.tuple(tie('e'), fc.constantFrom('null', 'empty', 'not even', 'defined')).map(([i, t]) => ({
      compact: `(${i.compact} is ${t})`,
      spaced: (g: () => string) => `(${g()}${i.spaced(g)} is ${t}${g()})`,
    })),
    fc.tuple(fc.constantFrom('not ', '-'), tie('e')).map(([op, i]) => ({
      compact: `${op}(${i.compact})`,
      spaced: (g: () => string) => `${op}${g()}(${i.spaced(g)})`,
    })),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, t, e]) => ({
      compact: `(${c.compact}?${t.compact}:${e.compact})`,
      spaced: (g: () => string) => `(${c.spaced(g)}${g()}?${g()}${t.spaced(g)}${g()}:${g()}${e.spaced(g)})`,
    })),
    fc.array(tie('e'), { maxLength: 3 }).map((items) => ({
      compact: `[${items.map((i) => i.compact).join(',')}]`,
      spaced: (g: () => string) => `[${g()}${items.map((i) => i.spaced(g)).join(`${g()},${g()}`)}${g()}]`,
    })),
  ),
})).e;

const gaps = fc.array(fc.constantFrom('', ' ', '  ', '\n', '\t'), { minLength: 1, maxLength: 20 });

test('spacing inside {{ }} does not change the canonical text', () => {
  fc.assert(
    fc.property(expr, gaps, (e, gapList) => {
      let i = 0;
      const gap = () => gapList[i++ % gapList.length];
      const compact = `x={{${e.compact}}}`;
      const spaced = `x={{ ${e.spaced(gap)} }}`;
      const a = normalizeTemplate(spaced);
      const b = normalizeTemplate(compact);
      check(a === b, `${a} !== ${b}`);
    }),
    { numRuns: RUNS },
  );
});

test('normalising is idempotent and keeps the meaning', () => {
  fc.assert(
    fc.property(expr, (e) => {
      const text = `{{ ${e.compact} }}`;
      const canonical = normalizeTemplate(text);
      check(normalizeTemplate(canonical) === canonical, `not idempotent: ${canonical}`);
      const before = outcome(text);
      const after = outcome(canonical);
      check(before === after, `${text} gave ${before}, ${canonical} gave ${after}`);
    }),
    { numRuns: RUNS },
  );
});
