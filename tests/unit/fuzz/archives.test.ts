/**
 * Fuzzing zip expansion (what an LMS download goes through): damaged archives (flipped bytes,
 * truncation, lying sizes, random entry names including absolute and `..` paths, nested archives)
 * and random bytes never throw; every candidate is either expanded bytes within the limits, or a
 * refusal with a documented code and a one-line message; nothing expands beyond the limits.
 */
import { test } from '@playwright/test';
import fc from 'fast-check';
import { zipSync, type Zippable } from 'fflate';
import { expandArchive, isUnsafeName, type ZipLimits } from '../../../cli/grade/zip.js';
import { fixtureText, mutateText, textMutation } from './mutations.js';
import { check, fuzz, summarise } from './support.js';

test.afterAll(() => summarise('archives'));
test.describe.configure({ timeout: 900_000 });

const CODES = new Set(['too-large', 'zip-bomb', 'zip-too-large', 'zip-too-many-entries', 'zip-too-deep', 'zip-unsafe-path', 'zip-unsupported', 'zip-corrupt']);
const FLOW = new TextEncoder().encode(fixtureText('flows/solution.json'));

const entryName = fc.oneof(
  fc.constantFrom('Main_Flow_1.json', 'a/b/Main_Flow_2.json', '../escape.json', '/abs.json', 'C:/win.json', 'a/../../up.json', 'x\u0000.json', '.hidden/x.json', '__MACOSX/._x.json', 'notes.txt', 'inner.zip', 'dir/'),
  fc.string({ maxLength: 12 }).map((s) => `${s}.json`),
);

/** An archive of random entries: exports, zeros (bombs), random bytes, nested archives. */
const archive: fc.Arbitrary<Uint8Array> = fc.letrec<{ zip: Uint8Array }>((tie) => ({
  zip: fc
    .array(
      fc.tuple(
        entryName,
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(FLOW) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * 1024 * 1024 }).map((n) => new Uint8Array(n)) },
          { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
          { weight: 1, arbitrary: fc.option(tie('zip'), { nil: undefined, depthSize: 'small' }).map((z) => z ?? new Uint8Array()) },
        ),
        fc.constantFrom(0, 6, 9),
      ),
      { maxLength: 5 },
    )
    .map((entries) => {
      const files: Zippable = {};
      for (const [name, bytes, level] of entries) files[name] = [bytes, { level: level as 0 | 6 | 9 }];
      return zipSync(files);
    }),
})).zip;

const limits: fc.Arbitrary<ZipLimits> = fc.record({
  maxEntryBytes: fc.constantFrom(1024, 200 * 1024, 2 * 1024 * 1024),
  maxTotalBytes: fc.constantFrom(64 * 1024, 1024 * 1024, 8 * 1024 * 1024),
  maxEntries: fc.integer({ min: 1, max: 20 }),
});

test('fuzz: damaged and hostile zip archives expand within the limits or are refused with a documented code', async () => {
  await fuzz(
    'archives/expand',
    fc.property(archive, fc.array(textMutation, { maxLength: 3 }), limits, (zip, damage, limit) => {
      const bytes = mutateText(zip, damage.filter((m) => m.op !== 'template-body' && m.op !== 'double-encode'));
      const candidates = expandArchive(bytes, 'class.zip', 7, limit);
      let total = 0;
      for (const candidate of candidates) {
        check(candidate.file === 'class.zip' || candidate.file.startsWith('class.zip!/'), `candidate ${candidate.file} outside the archive`);
        check(Number.isFinite(candidate.mtimeMs), 'no time'); // the entry's own time, else the archive's
        if (candidate.kind === 'refused') {
          check(CODES.has(candidate.error.code), `undocumented code ${candidate.error.code}`);
          check(!/[\r\n]/.test(candidate.error.message) && candidate.error.message.length <= 300, () => `message: ${candidate.error.message.slice(0, 200)}`);
        } else {
          check(candidate.kind === 'bytes', `unexpected candidate kind ${candidate.kind}`);
          check(candidate.bytes.length <= limit.maxEntryBytes, `an entry of ${candidate.bytes.length} bytes over ${limit.maxEntryBytes}`);
          const entry = candidate.file.slice(candidate.file.lastIndexOf('!/') + 2);
          check(!isUnsafeName(entry), `unsafe entry ${entry} expanded`);
          total += candidate.bytes.length;
        }
      }
      check(total <= limit.maxTotalBytes, `expanded ${total} bytes over ${limit.maxTotalBytes}`);
      check(candidates.filter((c) => c.kind === 'bytes').length <= limit.maxEntries, 'more entries than allowed');
    }),
    0.1,
  );
});

test('fuzz: random bytes named .zip are refused, never thrown on', async () => {
  await fuzz(
    'archives/random-bytes',
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]))), (bytes) => {
      const candidates = expandArchive(bytes, 'x.zip', 0, { maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024, maxEntries: 10 });
      for (const candidate of candidates) if (candidate.kind === 'refused') check(CODES.has(candidate.error.code), `undocumented code ${candidate.error.code}`);
    }),
    0.3,
  );
});
