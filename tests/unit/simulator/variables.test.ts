import { test, expect } from '@playwright/test';
import { joinUrl } from '../../../engine/simulator/http.js';
import { normalisePath } from '../../../engine/simulator/parse-settings.js';
import { convertToType, toPlain, VariableStore } from '../../../engine/simulator/variables.js';
import { ActivityError } from '../../../engine/simulator/errors.js';

test('convertToType: each declared type', () => {
  expect(convertToType(5, 'STRING', 'v')).toBe('5');
  expect(convertToType({ a: [1] }, 'STRING', 'v')).toBe('{"a":[1]}');
  expect(convertToType(null, 'STRING', 'v')).toBe('');
  expect(convertToType(' 12 ', 'INTEGER', 'v')).toBe(12);
  expect(convertToType(-3, 'integer', 'v')).toBe(-3);
  expect(convertToType('2.5', 'DECIMAL', 'v')).toBe(2.5);
  expect(convertToType('TRUE', 'BOOLEAN', 'v')).toBe(true);
  expect(convertToType(' false ', 'BOOLEAN', 'v')).toBe(false);
  expect(convertToType('[1,{"b":null}]', 'JSON', 'v')).toEqual([1, { b: null }]);
  expect(convertToType({ x: 1 }, 'JSON', 'v')).toEqual({ x: 1 });
  expect(convertToType('2025-01-01T00:00:00Z', 'DATETIME', 'v')).toBe('2025-01-01T00:00:00Z');
});

test('convertToType: values that do not fit are activity errors naming the variable', () => {
  for (const [value, type] of [[1.5, 'INTEGER'], ['12abc', 'INTEGER'], ['', 'INTEGER'], [null, 'INTEGER'], ['1e999x', 'DECIMAL'], ['yes', 'BOOLEAN'], [1, 'BOOLEAN'], ['{', 'JSON'], ['9007199254740993', 'INTEGER'], ['1e3', 'INTEGER'], ['0x10', 'INTEGER'], ['1.0', 'INTEGER'], ['  ', 'INTEGER']] as const) {
    expect(() => convertToType(value, type, 'target'), `${String(value)} as ${type}`).toThrow(ActivityError);
    expect(() => convertToType(value, type, 'target')).toThrow(/variable 'target'/);
  }
});

test('convertToType: DECIMAL text beyond a double (1e999) does not fit, as a non-finite number does not', () => {
  // Number('1e999') is Infinity: stored, the trace showed null while the next expression read Infinity.
  for (const value of ['1e999', '-1e999', ' 1E400 ', Number.POSITIVE_INFINITY]) {
    expect(() => convertToType(value, 'DECIMAL', 'price'), String(value)).toThrow(/Decimal variable 'price'/);
  }
  expect(convertToType('1e308', 'DECIMAL', 'price')).toBe(1e308);
  expect(convertToType('1e-999', 'DECIMAL', 'price')).toBe(0);
});

test('toPlain copies own data only and keeps __proto__ as a plain key', () => {
  const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
  const copy = toPlain(parsed) as Record<string, unknown>;
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  expect(Object.hasOwn(copy, '__proto__')).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(toPlain(new Map([['k', [1, undefined]]]))).toEqual({ k: [1, null] });
  expect(toPlain(Number.NaN)).toBeNull();
});

test('toPlain keeps 200 levels of nesting and cuts what is deeper to null', () => {
  const nested = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : [nested(levels - 1, leaf)]);
  expect(toPlain(nested(200, 'leaf'))).toEqual(nested(200, 'leaf'));
  expect(toPlain(nested(201, 'leaf'))).toEqual(nested(201, null));
});

test('VariableStore: begin/commit reports the changes, rollback undoes them', () => {
  const store = new VariableStore([
    { name: 'a', type: 'STRING', rawDefault: 'x', defaultValue: 'x', source: '', pointer: '' },
    { name: 'a', type: 'INTEGER', rawDefault: '1', defaultValue: 1, source: '', pointer: '' },
  ]);
  expect(store.typeOf('a')).toBe('STRING');
  store.begin();
  store.setVariable('a', 'y');
  store.setOutput('Http', 'httpStatusCode', 200);
  expect(store.scope().get('Http')).toEqual({ httpStatusCode: 200 });
  expect(store.commit()).toEqual({ a: 'y', 'Http.httpStatusCode': 200 });
  store.begin();
  store.setVariable('a', 'z');
  store.setOutput('Http', 'httpStatusCode', 500);
  store.rollback();
  expect(store.snapshot()).toEqual({ a: 'y', 'Http.httpStatusCode': 200 });
});

test('VariableStore: rollback restores the values from before the activity, even after several changes of one name', () => {
  const store = new VariableStore([{ name: 'a', type: 'STRING', rawDefault: 'x', defaultValue: 'x', source: '', pointer: '' }]);
  store.begin();
  store.setOutput('Old', 'httpStatusCode', 201);
  store.commit();
  const before = store.scope();
  store.begin();
  store.setVariable('a', 'y');
  store.setVariable('a', 'z');
  store.setOutput('Old', 'httpStatusCode', 500);
  store.setOutput('Old', 'httpResponseBody', 'oops');
  store.setOutput('New', 'httpStatusCode', 200);
  const during = store.scope();
  expect(during).toBe(before); // the scope is kept up to date, not rebuilt per change…
  expect(during.get('a')).toBe('z');
  expect(during.get('Old')).toEqual({ httpStatusCode: 500, httpResponseBody: 'oops' });
  expect(during.get('New')).toEqual({ httpStatusCode: 200 });
  store.rollback();
  expect(store.snapshot()).toEqual({ a: 'x', 'Old.httpStatusCode': 201 });
  expect(store.scope().get('New')).toBeUndefined();
  expect(store.scope().get('Old')).toEqual({ httpStatusCode: 201 });
  store.begin();
  store.setVariable('a', 'kept');
  expect(store.commit()).toEqual({ a: 'kept' });
  store.rollback(); // after commit: nothing to undo
  expect(store.get('a')).toBe('kept');
});

test('JSONPath paths without $ are rooted; URLs are joined with one slash', () => {
  expect(normalisePath('value[0].contactid')).toBe('$.value[0].contactid');
  expect(normalisePath('[0].tacnumber')).toBe('$[0].tacnumber');
  expect(normalisePath('$[0].tacnumber')).toBe('$[0].tacnumber');
  expect(joinUrl('https://h/', '/v1/tasks')).toBe('https://h/v1/tasks');
  expect(joinUrl('https://h', 'v1/tasks')).toBe('https://h/v1/tasks');
  expect(joinUrl('https://h/base', '')).toBe('https://h/base');
});
