/**
 * Fuzzing the loader: whatever the bytes, `loadFlow` returns a model or one of the documented
 * error codes with a one-line message. It never throws, never lands in its "bug of ours"
 * catch-all, never pollutes prototypes, and its depth, size and string-length limits hold exactly.
 */
import { test } from '@playwright/test';
import fc from 'fast-check';
import { loadFlow } from '../../../engine/loader.js';
import { depthOf, fixtureJson, fixtureText, FIXTURE_FILES, FLOW_FILES, longestStringOf, mutate, mutateText, mutations, propertyAttacks, textMutation, type Json } from './mutations.js';
import { tinyFlow } from '../loader/tiny-flow.js';
import { checkLoadOutcome } from './outcomes.js';
import { check, fuzz, summarise } from './support.js';

const encoder = new TextEncoder();

test.afterAll(() => summarise('loader'));
test.describe.configure({ timeout: 900_000 });

test('fuzz: structural mutations of every fixture load or fail with a documented code', async () => {
  await fuzz(
    'loader/structural',
    fc.property(fc.constantFrom(...FLOW_FILES), mutations, fc.boolean(), (file, list, pretty) => {
      const doc = mutate(fixtureJson(file), list);
      const text = JSON.stringify(doc, null, pretty ? 2 : undefined) ?? 'null';
      checkLoadOutcome(loadFlow(text, { fileName: file }));
    }),
  );
});

test('fuzz: activity properties of every fixture replaced by values of the wrong type', async () => {
  await fuzz(
    'loader/hostile-properties',
    fc.property(fc.constantFrom(...FLOW_FILES), propertyAttacks, (file, list) => {
      checkLoadOutcome(loadFlow(JSON.stringify(mutate(fixtureJson(file), list)), { fileName: file }));
    }),
  );
});

test('fuzz: text damage (truncation, random bytes, BOMs, wrapping) of every fixture', async () => {
  await fuzz(
    'loader/text',
    fc.property(fc.constantFrom(...FIXTURE_FILES), fc.array(textMutation, { minLength: 1, maxLength: 4 }), (file, list) => {
      checkLoadOutcome(loadFlow(mutateText(encoder.encode(fixtureText(file)), list), { fileName: file }));
    }),
  );
});

test('fuzz: random bytes, random text and random JSON', async () => {
  await fuzz(
    'loader/random',
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.string({ maxLength: 500, unit: 'binary' }),
        fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? ''),
        fc.record({ name: fc.string(), process: fc.jsonValue({ maxDepth: 4 }), eventFlows: fc.jsonValue({ maxDepth: 4 }), variables: fc.jsonValue({ maxDepth: 3 }) }).map((v) => JSON.stringify(v)),
        fc.record({ flow: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? '') }).map((v) => JSON.stringify(v)),
      ),
      (input) => checkLoadOutcome(loadFlow(input)),
    ),
  );
});

test('fuzz: an export with accented letters, saved as "ANSI" (Latin-1), is refused naming its first such byte where it is; saved as UTF-8, it loads', async () => {
  // A letter of C0–FF followed by an ASCII one is never UTF-8: the first such byte is where decoding stops.
  const letter = fc.oneof(fc.constantFrom(...'ab Z9-'), fc.integer({ min: 0xc0, max: 0xff }).map((code) => `${String.fromCharCode(code)}x`));
  const words = fc.array(letter, { maxLength: 12 }).map((list) => list.join(''));
  await fuzz(
    'loader/latin1',
    fc.property(fc.constantFrom(...FLOW_FILES), words, words, fc.boolean(), (file, description, note, pretty) => {
      const doc = fixtureJson(file) as Record<string, Json>;
      doc.description = description; // in place in an export, at the end in a template body
      doc.fuzzNote = note;
      const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
      check(loadFlow(encoder.encode(text)).ok, 'the UTF-8 file does not load');
      const result = loadFlow(new Uint8Array(Buffer.from(text, 'latin1')));
      const first = text.search(/[\u0080-\u00ff]/);
      if (first < 0) {
        check(result.ok, 'an ASCII file does not load');
      } else {
        const lines = text.slice(0, first).split('\n');
        const byte = text.charCodeAt(first).toString(16).toUpperCase();
        const expected = `not valid JSON: the file is not UTF-8 (byte 0x${byte}, "${text[first]}" in Windows-1252, at line ${lines.length} column ${lines[lines.length - 1].length + 1}, as in a file saved as "ANSI", Windows-1252 or Latin-1); export it again from Flow Designer, or save it as UTF-8`;
        check(!result.ok && result.error.code === 'not-json' && result.error.message === expected, () => `expected ${expected}, got ${JSON.stringify(result.ok ? 'a model' : result.error)}`);
      }
      checkLoadOutcome(result);
    }),
    0.5,
  );
});

test('fuzz: the nesting limit holds exactly, wherever the nesting is and whatever the limit', async () => {
  const solution = fixtureJson('flows/solution.json');
  await fuzz(
    'loader/depth-limit',
    fc.property(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 160 }), fc.constantFrom('array', 'object'), fc.nat(), (nest, maxDepth, kind, where) => {
      const doc = mutate(solution, [{ op: 'nest', at: where, depth: nest, kind: kind as 'array' | 'object' }]);
      const depth = depthOf(doc);
      const result = loadFlow(JSON.stringify(doc), { maxDepth });
      const refusedForDepth = !result.ok && result.error.code === 'too-deep';
      check(refusedForDepth === depth > maxDepth, `depth ${depth}, limit ${maxDepth}: ${result.ok ? 'loaded' : result.error.code}`);
      checkLoadOutcome(result);
    }),
    0.5,
  );
});

test('fuzz: the string-length limit holds exactly, for strings and keys, plain and in template bodies', async () => {
  await fuzz(
    'loader/string-limit',
    fc.property(fc.string({ maxLength: 3_000, unit: 'binary' }), fc.integer({ min: -50, max: 50 }), fc.boolean(), fc.boolean(), fc.boolean(), (long, offset, asKey, minimal, inTemplate) => {
      // Limits around the long string's length, in a flow or in an export that is little more than that string.
      const maxStringLength = Math.max(1, long.length + offset);
      const flow = tinyFlow();
      flow.process.activities.p.properties[asKey ? long : 'description'] = asKey ? 1 : long;
      const doc = (minimal ? { process: asKey ? { [long]: 1 } : long } : flow) as Json;
      const text = inTemplate ? JSON.stringify({ name: 'template', flow: JSON.stringify(doc) }) : JSON.stringify(doc);
      const longest = longestStringOf(doc);
      const result = loadFlow(text, { maxStringLength });
      const refusedForLength = !result.ok && result.error.code === 'too-large';
      check(refusedForLength === longest > maxStringLength, `longest ${longest}, limit ${maxStringLength}: ${result.ok ? 'loaded' : result.error.code}`);
      checkLoadOutcome(result);
    }),
    0.5,
  );
});

test('fuzz: the size limit holds exactly, in characters and in UTF-8 bytes', async () => {
  await fuzz(
    'loader/size-limit',
    fc.property(fc.constantFrom(...FLOW_FILES), fc.string({ maxLength: 200, unit: 'binary' }), fc.integer({ min: 1, max: 400_000 }), fc.boolean(), (file, extra, maxBytes, asBytes) => {
      const doc = fixtureJson(file) as Record<string, Json>;
      doc.fuzzNote = extra;
      const text = JSON.stringify(doc);
      const size = encoder.encode(text).length;
      const result = loadFlow(asBytes ? encoder.encode(text) : text, { maxBytes });
      const refusedForSize = !result.ok && result.error.code === 'too-large';
      check(refusedForSize === size > maxBytes, `size ${size}, limit ${maxBytes}: ${result.ok ? 'loaded' : result.error.code}`);
      checkLoadOutcome(result);
    }),
    0.5,
  );
});
