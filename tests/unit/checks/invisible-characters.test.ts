/**
 * An invisible character pasted into a field (a no-break space from a PDF or a word processor, a
 * zero-width space from a chat) breaks the field while its text looks right: the failure must
 * show the character (as a \u200b-style escape) and name it, not print an `actual` that reads
 * like `expected`.
 */
import { test, expect } from '@playwright/test';
import { invisibleNote, showInvisible } from '../../../engine/invisible.js';
import { gradeMutation, props, resultOf, variable } from './support.js';

const ZWSP = '\u200B';
const NBSP = '\u00A0';

test('showInvisible escapes invisible characters only; invisibleNote names each once', () => {
  expect(showInvisible(`/v1/tasks${ZWSP}`)).toBe('/v1/tasks\\u200b');
  expect(showInvisible(`a${NBSP}b\uFEFFc\u0007d`)).toBe('a\\u00a0b\\ufeffc\\u0007d');
  expect(showInvisible('José → “ok” 🎉\ttab\nline')).toBe('José → “ok” 🎉\ttab\nline');
  expect(invisibleNote('plain text', undefined)).toBeUndefined();
  expect(invisibleNote(`x${ZWSP}`, `y${ZWSP}`)).toBe('\\u200b is a zero-width space, which a copy and paste brings in unseen: delete it and type the text again');
  expect(invisibleNote(`x${NBSP}`, `y\u2063`)).toBe('\\u00a0 is a no-break space and \\u2063 is an invisible character, which a copy and paste brings in unseen: delete them and type the text again');
});

const cases: { name: string; mutate: (f: Record<string, any>) => void; check: string; shows: string; names: string }[] = [
  {
    name: 'a zero-width space after the Request Path',
    mutate: (f) => { props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = `/v1/tasks${ZWSP}`; },
    check: 'callback-api-path', shows: '/v1/tasks\\u200b', names: 'zero-width space',
  },
  {
    name: 'a zero-width space after a Parsing Settings path',
    mutate: (f) => { props(f, 'GET_CBID').outputVariableArray[1].jsonPathExp = `$[0].tacnumber${ZWSP}`; },
    check: 'get-cbid-parse-paths', shows: '$[0].tacnumber\\u200b', names: 'zero-width space',
  },
  {
    name: 'a zero-width space after the Request URL',
    mutate: (f) => { props(f, 'GET_CBID').httpRequestUrl += ZWSP; },
    check: 'get-cbid-url', shows: 'slice(2) }}\\u200b', names: 'zero-width space',
  },
  {
    name: 'a no-break space in the condition expression',
    mutate: (f) => { props(f, 'HTTPStatusCode').expression = `{{CallBackAPI_HTTPRequest.httpStatusCode ==${NBSP}201}}`; },
    check: 'status-condition-expression', shows: '==\\u00a0201', names: 'no-break space',
  },
  {
    name: 'the Request Body indented with no-break spaces',
    mutate: (f) => {
      const p = props(f, 'CallBackAPI_HTTPRequest');
      p.httpRequestBody = p.httpRequestBody.replace('    "entryPointId"', `${NBSP}${NBSP}"entryPointId"`);
    },
    check: 'callback-api-body', shows: '{ \\u00a0\\u00a0"entryPo', names: 'no-break space',
  },
  {
    name: 'a variable declared with a zero-width space after its name',
    mutate: (f) => { variable(f, 'customani').name = `customani${ZWSP}`; },
    check: 'variable-customani', shows: 'customani\\u200b', names: 'zero-width space',
  },
];

for (const c of cases) {
  test(`${c.name}: ${c.check} shows and names it`, async () => {
    const result = resultOf(await gradeMutation(c.mutate), c.check);
    expect(result.status).toBe('failed');
    expect(`${result.message}\n${result.actual ?? ''}`).toContain(c.shows);
    expect(result.message).toContain(`is a ${c.names}, which a copy and paste brings in unseen`);
    for (const text of [result.message, result.actual ?? '', result.expected ?? '']) expect(text).not.toMatch(/[\u00A0\u200B]/);
  });
}
