/**
 * The Create Task request body of Build step 8, compared as parsed JSON: key order, spacing and
 * line breaks never matter, and text values holding {{ }} are compared by the text they render
 * to (whitespace inside the braces, a `trim` or a `default` that changes nothing do not matter).
 */
import { canonicalTemplate, namesRead, render } from './templates.js';

export type BodyComparison = { ok: true } | { ok: false; problems: string[] };

/** The guide's body for a given ANI variable name (`customani`, or `customANI` for the older guide). */
export function guideBody(aniVariable: string): Record<string, unknown> {
  return {
    entryPointId: '{{outdialcbid}}',
    destination: `{{${aniVariable}}}`,
    attributes: { Message: 'tester', 'To Queue': 'sales' },
    outboundType: 'CALLBACK',
    mediaType: 'telephony',
    callback: { callbackOrigin: 'web', callbackType: 'immediate' },
  };
}

/** Parse the body text; the error says where JSON broke (line and column). */
export function parseBody(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') return { ok: false, error: 'the Request Body is empty' };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (!position) return { ok: false, error: `the Request Body is not valid JSON: ${message}` };
    const offset = Number(position[1]);
    const before = trimmed.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const near = trimmed.slice(Math.max(0, offset - 20), offset + 10).replace(/\s+/g, ' ');
    return { ok: false, error: `the Request Body is not valid JSON at line ${line}, column ${column} (near: ${near}): ${message.replace(/ in JSON at position \d+.*$/, '')}` };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    if (!actual.includes('{{') && !expected.includes('{{')) return actual === expected;
    return canonicalTemplate(actual) === canonicalTemplate(expected) || sameRendering(actual, expected);
  }
  return actual === expected;
}

/**
 * Two templates are the same value when they render alike with every variable either reads set
 * to a sample value, for two different sets of samples (`{{ customani | trim }}` is
 * `{{customani}}`; `{{ outdialcbid }}` is not, nor is `{{customani}}{{typo}}`: a name only one of
 * them reads has a value of its own). The samples hold what filters act on — `+`, `-`, `&`, `/`,
 * a space, upper and lower case, more than ten characters — so that `urlencode`, `replace`,
 * `lower` or `abbreviate` are not taken for no change.
 */
function sameRendering(actual: string, expected: string): boolean {
  const names = [...new Set([...namesRead(actual), ...namesRead(expected)].map((name) => name.split('.')[0]!))];
  return [1, 2].every((round) => {
    const scope = new Map(names.map((name, index) => [name, `+1-408 Ab&Cd/${round}${index}`]));
    const [a, b] = [render(actual, scope), render(expected, scope)];
    return a.ok && b.ok && a.value === b.value;
  });
}

/**
 * Compare a parsed body with the guide's. Every guide field must be present with the same value;
 * `attributes` only has to be an object of text values when present (its entries are free demo
 * data, and the Create Task API does not require the field); fields
 * the guide does not have are allowed (the Create Task schema does not forbid extra properties;
 * the simulated run judges what the API makes of them).
 */
export function compareBody(actual: unknown, expected: Record<string, unknown>, path = ''): string[] {
  if (!isObject(actual)) return [`${path || 'the body'} is ${Array.isArray(actual) ? 'a list' : JSON.stringify(actual)}, not a JSON object`];
  const problems: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const name = path ? `${path}.${key}` : key;
    const demoData = key === 'attributes' && path === '';
    if (!Object.hasOwn(actual, key) && demoData) continue;
    if (!Object.hasOwn(actual, key)) {
      const near = Object.keys(actual).find((k) => k.toLowerCase() === key.toLowerCase());
      problems.push(near ? `field "${name}" is spelled "${path ? `${path}.` : ''}${near}"` : `field "${name}" is missing`);
      continue;
    }
    const got = actual[key];
    if (demoData) {
      if (!isObject(got) || !Object.values(got).every((v) => typeof v === 'string')) problems.push(`field "attributes" must be an object of text values, not ${JSON.stringify(got)}`);
      continue;
    }
    if (isObject(want)) {
      problems.push(...compareBody(got, want, name));
      continue;
    }
    if (!sameValue(got, want)) problems.push(`field "${name}" is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return problems;
}
