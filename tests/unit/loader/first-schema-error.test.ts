/**
 * firstSchemaError: the one wording of a failed validation's first error, shared by the loader
 * (an export), grade's run record and merge's reports.
 */
import { expect, test } from '@playwright/test';
import { firstSchemaError, validatorFor } from '../../../engine/ajv.js';

const schema = { type: 'object', properties: { names: { type: 'object', additionalProperties: { type: 'string' } } } };

function errorsOf(value: unknown) {
  const validate = validatorFor(schema);
  expect(validate(value)).toBe(false);
  return validate.errors;
}

test('says where the first error is, then ajv\'s message', () => {
  expect(firstSchemaError(errorsOf([]))).toBe('(top level) must be object');
  expect(firstSchemaError(errorsOf({ names: { a: 1 } }))).toBe('/names/a must be string');
});

test('without errors, says only that the value does not match', () => {
  expect(firstSchemaError(undefined)).toBe('(top level) does not match the schema');
  expect(firstSchemaError(null)).toBe('(top level) does not match the schema');
});

test('clips a long pointer (a long key) to one line', () => {
  const key = 'k'.repeat(1000);
  const message = firstSchemaError(errorsOf({ names: { [key]: 1 } }));
  expect(message).toBe(`/names/${'k'.repeat(152)}… must be string`);
});

test('clips a pointer with an emoji at the cut without splitting it', () => {
  const key = `${'k'.repeat(151)}😀${'z'.repeat(20)}`; // after "/names/", the emoji's units are the 159th and 160th
  const message = firstSchemaError(errorsOf({ names: { [key]: 1 } }));
  expect(message).toBe(`/names/${'k'.repeat(151)}😀… must be string`);
});

test('words the error with `describe` and follows the place with `inside`', () => {
  const message = firstSchemaError(errorsOf({ names: { a: 1 } }), { describe: (error) => `fails its ${error?.keyword}`, inside: ' (inside x)' });
  expect(message).toBe('/names/a (inside x) fails its type');
});
