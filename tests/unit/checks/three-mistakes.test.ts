/**
 * Three (or more) of the fixtures' typical mistakes in one flow, as a sweep of every triple that can
 * coexist (and random sets of four and five) found them wrongly told: a mistake that earns points
 * beside another. Each case is the solution with the
 * mistakes made, beside each alone or fewer of them. two-mistakes.test.ts holds the pairs.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { grade, mutated, resultOf } from './support.js';

const made = (...names: string[]) => withMistakes(...names.map((n) => LAB_MISTAKES[n]!));
const gradeMade = (...names: string[]) => grade(mutated(made(...names)));
const earned = (report: GradeReport) => report.score!.earned;

/**
 * GET_CBID mistakes after which the request leaves by its success exit with outdialcbid unfilled:
 * beside outdialcbid typed Integer, the call got past GET_CBID only because the request went wrong
 * (once it gets the record, the entry point id does not fit an Integer and GET_CBID fails there).
 */
const UNFILLED = ['GET_CBID left authenticated', 'GET_CBID method POST', 'dn without slice(2)', '/lowdesigner/ (FinalBoss hint)', 'JSONPath without [0]', 'parse Content Type left on Select'];
/** The simulated-call checks after GET_CBID's that outdialcbid typed Integer keeps from being judged alone. */
const AFTER_GET_CBID = ['run-getresult-holds-body', 'run-global-error-raised', 'run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];

for (const name of UNFILLED) {
  test(`outdialcbid typed Integer + ${name}: no more points than outdialcbid typed Integer alone, the later simulated calls not judged`, async () => {
    const [both, integer, get] = await Promise.all([gradeMade('outdialcbid typed Integer', name), gradeMade('outdialcbid typed Integer'), gradeMade(name)]);
    for (const id of AFTER_GET_CBID) expect(resultOf(integer, id).status, id).toBe('skipped');
    // The calls after GET_CBID ran only because the request went wrong: they earn nothing, as with the variable alone.
    for (const id of AFTER_GET_CBID) expect(resultOf(both, id), id).toMatchObject({ status: 'skipped', message: expect.stringMatching(/^Not judged: /) });
    expect(earned(both)).toBeLessThan(Math.min(earned(integer), earned(get)));
    // Both mistakes still named, each by its own checks.
    expect(resultOf(both, 'variable-outdialcbid').status).toBe('failed');
    expect(resultOf(both, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: resultOf(get, 'run-get-cbid-fills-variables').hint });
  });
}

test('outdialcbid typed Integer + GET_CBID method POST + condition tests 200: three mistakes earn less than any two of them', async () => {
  const names = ['outdialcbid typed Integer', 'GET_CBID method POST', 'condition tests 200'];
  const three = await gradeMade(...names);
  for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) expect(earned(three), `${names[i]} + ${names[j]}`).toBeLessThan(earned(await gradeMade(names[i]!, names[j]!)));
});
