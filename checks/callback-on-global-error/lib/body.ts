/**
 * The Create Task request body of Build step 8, compared as parsed JSON: key order, spacing and
 * line breaks never matter, and text values holding {{ }} are compared by the text they render
 * to (whitespace inside the braces, a `trim` or a `default` that changes nothing do not matter).
 */
import { canonicalTemplate, namesRead, render, unevaluatedNote } from './templates.js';
import { hasExpression } from '../../../engine/pebble/index.js';
import { messageOf } from '../../../engine/error-message.js';
import { jsonErrorOffset } from '../../../engine/json-error-offset.js';
import { JAVA_JSON_MAX_DEPTH, levels, lineAndColumn, nestedDeeperThan } from '../../../engine/json-text.js';
import { clipWithEllipsis } from '../../../engine/clip.js';

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

/**
 * The white space JSON allows between tokens, flattened to one space in an excerpt; any other
 * (a no-break space pasted in) is kept, for the failure to show it (visible-text.ts).
 */
const JSON_WHITESPACE = /[\t\n\r ]+/g;

/** Parse the body text; the error says where JSON broke (line and column). */
export function parseBody(text: string): { ok: true; value: unknown } | { ok: false; error: string; where?: string; tooDeep?: true } {
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') return { ok: false, error: 'the Request Body is empty' };
  try {
    const value: unknown = JSON.parse(trimmed);
    // (Deeper, the API refuses it; and this check's messages recurse into the value.)
    if (nestedDeeperThan(value, JAVA_JSON_MAX_DEPTH)) return { ok: false, error: `the Request Body nests deeper than ${levels(JAVA_JSON_MAX_DEPTH)}, which the Create Task API's JSON reader refuses`, tooDeep: true };
    return { ok: true, value };
  } catch (error) {
    const message = messageOf(error);
    // Found by the scanner the loader uses: JSON.parse gives a position for some mistakes only (V8
    // none for a bad character where a value starts), and other engines (the self-check page) word it otherwise.
    const offset = jsonErrorOffset(trimmed);
    if (offset < 0) return { ok: false, error: `the Request Body is not valid JSON: ${message}` };
    const { line, column } = lineAndColumn(trimmed, offset);
    const { before, after } = excerpt(trimmed, offset, 20, 10);
    const near = (before + after).replace(JSON_WHITESPACE, ' ');
    // The quotes are the usual cause: typed as in JavaScript, or curly ones from a word processor.
    const quotes =
      trimmed[offset] === "'"
        ? `; JSON needs double quotes (") around names and texts, not single quotes (')`
        : /[\u201C\u201D\u2018\u2019]/.test(trimmed[offset] ?? '')
          ? '; JSON needs straight double quotes ("), not curly ones (“ ”)'
          : (unquotedTemplate(trimmed, offset) ?? trailingComma(trimmed, offset) ?? '');
    return {
      ok: false,
      error: `the Request Body is not valid JSON at line ${line}, column ${column} (near: ${near}): ${reasonOf(message)}${quotes}`,
      where: `line ${line}, column ${column}: ${around(trimmed, offset)}`,
    };
  }
}

/**
 * A `{{ }}` written bare where a value starts (`"entryPointId": {{outdialcbid}}`): JSON reads its first
 * brace as an object and breaks at the second; the text it renders to (an id, a number with its `+`) is
 * no JSON value either. Undefined for any other mistake.
 */
function unquotedTemplate(text: string, offset: number): string | undefined {
  if (text[offset] !== '{' || text[offset - 1] !== '{') return undefined;
  const template = /^\{\{[\s\S]*?\}\}/.exec(text.slice(offset - 1))?.[0];
  return template === undefined ? undefined : `; a {{ }} value goes inside double quotes, as in the guide's body: "${clipWithEllipsis(template, QUOTED_PART)}"`;
}

/**
 * A comma before a closing `}` or `]` (JavaScript allows one, JSON does not; left over after a
 * field was deleted or moved): which one to remove, named by the field or item it follows
 * (`"callbackType": "immediate"`, `"callback": {…}`). Undefined for any other mistake.
 */
function trailingComma(text: string, offset: number): string | undefined {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return undefined;
  let comma = offset - 1;
  while (comma >= 0 && JSON_SPACE.has(text[comma]!)) comma--;
  if (text[comma] !== ',') return undefined;
  const member = memberBefore(text, comma);
  return member === undefined ? undefined : `; JSON allows no comma before a closing ${closer}: remove the comma after ${member}`;
}

const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);

/** The most characters of a member's key or value a message quotes (`…` included). */
const QUOTED_PART = 30;

/**
 * The field (`"name": value`) or list item that ends at the comma at `comma`, the text before it
 * being JSON up to there (the locator found no mistake earlier): a forward scan keeping, for each
 * open object or list, where its current member starts and where that member's value starts. An
 * object or list value is shown as `{…}` or `[…]`, a long text cut.
 */
function memberBefore(text: string, comma: number): string | undefined {
  const open: { start: number; value: number; object: boolean; colon: boolean }[] = [];
  for (let i = 0; i < comma; i++) {
    const c = text[i]!;
    if (JSON_SPACE.has(c)) continue;
    const top = open.at(-1);
    if (c === ',' && top) Object.assign(top, { start: -1, value: -1, colon: false });
    else if (c === ':' && top) top.colon = true;
    else if (c === '}' || c === ']') open.pop();
    else {
      if (top && top.start < 0) top.start = i;
      if (top && top.value < 0 && (!top.object || top.colon)) top.value = i;
      if (c === '{' || c === '[') open.push({ start: -1, value: -1, object: c === '{', colon: false });
      // Skip a text whole: what it holds is no mark.
      if (c === '"') for (i++; i < comma && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    }
  }
  const top = open.at(-1);
  if (!top || top.start < 0 || top.value < 0) return undefined;
  const raw = text.slice(top.value, comma).trim();
  const value = raw.startsWith('{') ? '{…}' : raw.startsWith('[') ? '[…]' : clipWithEllipsis(raw, QUOTED_PART);
  return top.object ? `${clipWithEllipsis(keyBefore(text.slice(top.start, top.value)), QUOTED_PART)}: ${value}` : value;
}

/**
 * A member's key from its text up to its value (`"name" : `), less the colon and the white space
 * around it. Not `/\s*:\s*$/`: tried from every white space of a long run inside the key, it is
 * quadratic (a key of 120,000 spaces kept `check` busy for 25 s).
 */
function keyBefore(member: string): string {
  const upToColon = member.trimEnd();
  return upToColon.endsWith(':') ? upToColon.slice(0, -1).trimEnd() : upToColon;
}

/** V8's message without where it was (`in JSON at position 12…`) or its excerpt (`, ..."kOrigin": “web”, "... is not valid JSON`). */
function reasonOf(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".* is not valid JSON$/s, '');
}

/** The text around `offset`, on one line: 40 characters before, 20 after, cut ends marked (…). */
function around(text: string, offset: number): string {
  const { before, after, cutBefore, cutAfter } = excerpt(text, offset, 40, 20);
  const flat = (part: string) => part.replace(JSON_WHITESPACE, ' ');
  return `${cutBefore ? '…' : ''}${flat(before)}${flat(after)}${cutAfter ? '…' : ''}`;
}

/**
 * The `most` characters of `text` before `offset` and the `next` from it, whole characters (never
 * half of an emoji: a lone surrogate), and whether text was left out before and after them.
 */
function excerpt(text: string, offset: number, most: number, next: number): { before: string; after: string; cutBefore: boolean; cutAfter: boolean } {
  const head = [...text.slice(0, offset)];
  const tail = [...text.slice(offset)];
  return { before: head.slice(-most).join(''), after: tail.slice(0, next).join(''), cutBefore: head.length > most, cutAfter: tail.length > next };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The scope the body's own text is rendered in, from the samples the guide's text is rendered in:
 * the samples as they are, or as the flow's variables carry them to the request (replay.ts).
 */
export type SampleScope = (samples: ReadonlyMap<string, unknown>, text: string) => ReadonlyMap<string, unknown>;

const asGiven: SampleScope = (samples) => samples;

function sameValue(actual: unknown, expected: unknown, scopeOf: SampleScope): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    if (!hasExpression(actual) && !hasExpression(expected)) return actual === expected;
    // canonicalTemplate trims the text; a space around the template is sent with the value.
    return (actual.trim() === actual && canonicalTemplate(actual) === canonicalTemplate(expected)) || sameRendering(actual, expected, scopeOf);
  }
  return actual === expected;
}

/**
 * Two templates are the same value when they render alike with every variable either reads set
 * to a sample value, for two different sets of samples (`{{ customani | trim }}` is
 * `{{customani}}`; `{{ outdialcbid }}` is not, nor is `{{customani}}{{typo}}`: a name only one of
 * them reads has a value of its own). The samples are shaped as the lab's values are (sampleScope):
 * a filter that changes nothing such a value holds (`replace({" ": ""})`, `lower` of a phone number)
 * is no change; one that changes a real value (`urlencode` of the `+`, `abbreviate(10)`) is.
 */
function sameRendering(actual: string, expected: string, scopeOf: SampleScope): boolean {
  return SAMPLE_ROUNDS.every((round) => {
    const samples = sampleScope([actual, expected], round);
    const [a, b] = [render(actual, scopeOf(samples, actual)), render(expected, samples)];
    return a.ok && b.ok && a.value === b.value;
  });
}

export const SAMPLE_ROUNDS = [1, 2];

/**
 * A sample value, different for every name and round, for each name the texts read, shaped as the
 * lab's variables hold them: outdialcbid an entry point id (a lower-case UUID, as the DynVars
 * record's outboundcallbackep), any other name a phone number in E.164 with its `+` (as its
 * tacnumber). Between them, the two rounds hold every digit and every hex letter, so that a filter
 * taking one away or changing its case shows.
 */
export function sampleScope(texts: readonly string[], round: number): Map<string, unknown> {
  const names = [...new Set(texts.flatMap(namesRead).map((name) => name.split('.')[0]!))];
  return new Map(names.map((name, index) => [name, sampleValue(name, round, index)]));
}

const PHONE_SAMPLES = ['+14085552367', '+14085559723'];
const ENTRY_POINT_SAMPLES = ['0011ed11-ca98-4c67-8621-9c54be08e6', '0011ed11-ca98-4c67-8621-f3a7d2b1c5'];

function sampleValue(name: string, round: number, index: number): string {
  if (name === 'outdialcbid') return `${ENTRY_POINT_SAMPLES[(round - 1) % 2]}${index.toString(16).padStart(2, '0')}`;
  return `${PHONE_SAMPLES[(round - 1) % 2]}${index}`;
}

/** What is left of a sample that a filter changed (`upper`, `replace({"+": ""})`): its start in any case. */
const SAMPLE_LEFT = /408555|0011ed11/i;

/**
 * A body that is JSON only once its templates are rendered (`"{{ customani | default("+1…") }}"`,
 * quotes left bare inside the braces: Flow Designer renders the text before anything reads it as
 * JSON), compared as the rendered JSON, for two rounds of samples, with the guide's body rendered
 * alike; undefined when the rendered text is no JSON either.
 */
export function compareRenderedBody(text: string, expected: Record<string, unknown>, scopeOf: SampleScope = asGiven): { problems: string[] } | undefined {
  const guideText = JSON.stringify(expected);
  for (const round of SAMPLE_ROUNDS) {
    const samples = sampleScope([text, guideText], round);
    const rendered = render(text, scopeOf(samples, text));
    const guide = render(guideText, samples);
    if (!rendered.ok || !guide.ok) return undefined;
    const parsed = parseBody(rendered.value);
    if (!parsed.ok) return undefined;
    const problems = compareBody(parsed.value, JSON.parse(guide.value) as Record<string, unknown>);
    // A sample in a message is shown as the variable it stands for; one a filter changed
    // (`replace({"+": ""})` gives "140855523671") with the samples it was rendered from.
    const samplesUsed = [...samples].map(([name, sample]) => `${name} = ${JSON.stringify(sample)}`).join(', ');
    const named = (problem: string) => {
      const message = [...samples].reduce((text, [name, sample]) => text.split(JSON.stringify(sample)).join(`{{${name}}}`), problem);
      return SAMPLE_LEFT.test(message) ? `${message} (rendered with the sample values ${samplesUsed})` : message;
    };
    if (problems.length > 0) return { problems: problems.map(named) };
  }
  return { problems: [] };
}

/**
 * Compare a parsed body with the guide's. Every guide field must be present with the same value;
 * `attributes` only has to be an object of text values when present (its entries are free demo
 * data, and the Create Task API does not require the field); fields
 * the guide does not have are allowed (the Create Task schema does not forbid extra properties;
 * the simulated run judges what the API makes of them).
 */
export function compareBody(actual: unknown, expected: Record<string, unknown>, scopeOf: SampleScope = asGiven, path = ''): string[] {
  if (!isObject(actual)) return [`${path || 'the body'} is ${Array.isArray(actual) ? 'a list' : JSON.stringify(actual)}, not a JSON object`];
  const problems: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const name = path ? `${path}.${key}` : key;
    const demoData = key === 'attributes' && path === '';
    if (!Object.hasOwn(actual, key) && demoData) continue;
    if (!Object.hasOwn(actual, key)) {
      const near = spellingOf(actual, key, expected);
      problems.push(near ? `field "${name}" is spelled "${path ? `${path}.` : ''}${near}"` : `field "${name}" is missing`);
      continue;
    }
    const got = actual[key];
    if (demoData) {
      if (!isObject(got) || !Object.values(got).every((v) => typeof v === 'string')) problems.push(`field "attributes" must be an object of text values, not ${JSON.stringify(got)}`);
      continue;
    }
    if (isObject(want)) {
      problems.push(...compareBody(got, want, scopeOf, name));
      continue;
    }
    if (!sameValue(got, want, scopeOf)) problems.push(`field "${name}" is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}${typeof got === 'string' ? unevaluatedNote(got) : ''}`);
  }
  return problems;
}

/**
 * Expected and actual of a wrong body, as the attendee compares them: only the guide's top-level
 * fields that are wrong, each as `"name": value` (`"entryPointId": "{{customani}}"`), a missing
 * one as `no "callback" field`; not both whole bodies as one line of JSON.
 */
export function wrongFields(actual: Record<string, unknown>, expected: Record<string, unknown>, scopeOf: SampleScope = asGiven): { expected: string; actual: string } {
  const near = (key: string) => (Object.hasOwn(actual, key) ? key : spellingOf(actual, key, expected));
  const wrong = Object.keys(expected).filter((key) => {
    const spelled = near(key);
    return compareBody(spelled === undefined ? {} : { [key]: actual[spelled] }, { [key]: expected[key] }, scopeOf).length > 0 || (spelled !== undefined && spelled !== key);
  });
  const shown = wrong.map((key) => {
    const spelled = near(key);
    return spelled === undefined ? `no "${key}" field` : field(spelled, actual[spelled]);
  });
  return { expected: wrong.map((key) => field(key, expected[key])).join(', '), actual: shown.join(', ') };
}

/**
 * The key of `actual` that stands for the guide's `key`, which it lacks: `key` in another case
 * (`mediatype`), else a key that is none of the guide's `expected` a letter or two off
 * (`destinaton`, `entryPiontId`; one letter in a key of under 8).
 */
function spellingOf(actual: Record<string, unknown>, key: string, expected: Record<string, unknown>): string | undefined {
  const lower = key.toLowerCase();
  const keys = Object.keys(actual);
  const guides = new Set(Object.keys(expected).map((k) => k.toLowerCase()));
  const most = key.length < 8 ? 1 : 2;
  return keys.find((k) => k.toLowerCase() === lower) ?? keys.find((k) => !guides.has(k.toLowerCase()) && editsApart(k.toLowerCase(), lower, most) <= most);
}

/**
 * The letters to insert, delete, change or swap (two side by side) that make `a` into `b`, or
 * `most + 1` when more than `most` would (lengths that far apart are not compared).
 */
function editsApart(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    [before, previous] = [previous, row];
  }
  return Math.min(previous[b.length]!, most + 1);
}

/** `"name": value`, with a space after each colon and comma as the guide writes its JSON. */
function field(name: string, value: unknown): string {
  return `${JSON.stringify(name)}: ${readable(value)}`;
}

function readable(value: unknown): string {
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => field(k, v)).join(', ')}}`;
  if (Array.isArray(value)) return `[${value.map(readable).join(', ')}]`;
  return JSON.stringify(value) ?? String(value);
}
