/**
 * Checks that read a field's text statically, on fields written with Pebble tags and comments
 * (`{# #}`, `{% set %}`, `{% if %}`), which Flow Designer renders before it uses the field
 * (docs/expressions.md, Tags and comments): the verdict is the rendered value's, and a failure
 * whose right text lies only in a comment says that a comment is never evaluated.
 */
import { test, expect } from '@playwright/test';
import { failing, gradeMutation, props, resultOf, type Json } from './support.js';

const GUIDE_DN = 'dn={{NewPhoneContact.DNIS | slice(2) }}';
const url = (from: string, to: string) => (f: Json): void => {
  const p = props(f, 'GET_CBID');
  p.httpRequestUrl = p.httpRequestUrl.replace(from, to);
};
/** The URL reads the DNIS without its +1 only through a comment: the request asks for the whole number. */
const WRONG_DN = ['get-cbid-url', 'run-get-cbid-fills-variables'];

const urlCases: [string, (f: Json) => void, string[]][] = [
  ['URL whose dn is set by a set tag first', url(GUIDE_DN, '{% set dn = NewPhoneContact.DNIS | slice(2) %}dn={{dn}}'), []],
  ['URL with a set tag before the address', url('https://', '{%- set dn = NewPhoneContact.DNIS | slice(2) -%}https://'), []],
  ['URL with a comment before the dn value', url(GUIDE_DN, 'dn={# caller #}{{NewPhoneContact.DNIS | slice(2) }}'), []],
  ['URL with the wrong dn commented out after the right one', url(GUIDE_DN, `${GUIDE_DN}{# {{NewPhoneContact.DNIS}} #}`), []],
  ['URL with a comment between parameters', url(GUIDE_DN, `{# the dialled number #}${GUIDE_DN}`), []],
  ['URL with the right dn only in a comment', url(GUIDE_DN, 'dn={# {{NewPhoneContact.DNIS | slice(2) }} #}{{NewPhoneContact.DNIS}}'), WRONG_DN],
  ['URL whose set tag keeps the +1', url(GUIDE_DN, '{% set dn = NewPhoneContact.DNIS %}dn={{dn}}'), WRONG_DN],
];

for (const [name, mutation, checks] of urlCases) {
  test(`${name}: fails exactly ${checks.length ? checks.join(', ') : 'nothing'}`, async () => {
    expect(failing(await gradeMutation(mutation))).toEqual(checks);
  });
}

test('a URL whose right dn lies only in a comment says what dn renders and that the comment is never evaluated', async () => {
  const report = await gradeMutation(url(GUIDE_DN, 'dn={# {{NewPhoneContact.DNIS | slice(2) }} #}{{NewPhoneContact.DNIS}}'));
  expect(resultOf(report, 'get-cbid-url').message).toBe(
    'GET_CBID Request URL is wrong: dn renders as "+14694096861" for the DNIS +14694096861, not "4694096861" (expected dn={{NewPhoneContact.DNIS | slice(2) }}): what {# #} holds is a comment, never evaluated',
  );
});

test('a URL with tags that renders a fixed dn is told so', async () => {
  const report = await gradeMutation(url(GUIDE_DN, '{% set dn = "4694096861" %}dn={{dn}}'));
  expect(resultOf(report, 'get-cbid-url').message).toBe(
    'GET_CBID Request URL is wrong: dn renders as 4694096861 for every call, a fixed number (as in the optional "Test your API" box): the flow must send the number dialled, dn={{NewPhoneContact.DNIS | slice(2) }}',
  );
});

// (The space after the number goes: the URL ends there, and Flow Designer trims the URL.)
test('a URL with tags whose dn renders with spaces around the number says the spaces are sent', async () => {
  const report = await gradeMutation(url(GUIDE_DN, '{% set pad = " " %}dn={{pad}}{{NewPhoneContact.DNIS | slice(2) }}{{pad}}'));
  expect(resultOf(report, 'get-cbid-url').message).toBe(
    'GET_CBID Request URL is wrong: dn renders as " 4694096861", with spaces around the number, which are sent with it (MockAPI finds no record for them): remove them from the Request URL',
  );
});

const GUIDE_OPTION3 = 'Press 3 to simulate global error.';
const prompt = (to: string) => (f: Json): void => {
  const entry = props(f, 'WantCallback').promptsTts[0];
  entry.value = entry.value.replace(GUIDE_OPTION3, to);
  entry.name = entry.value;
};

const promptCases: [string, (f: Json) => void, string[]][] = [
  ['prompt with option 3 only in a comment', prompt(`{# ${GUIDE_OPTION3} #}`), ['want-callback-prompt-option3']],
  ['prompt with option 3 only in an if never taken', prompt(`{% if false %}${GUIDE_OPTION3}{% endif %}`), ['want-callback-prompt-option3']],
  ['prompt with a comment after option 3', prompt(`${GUIDE_OPTION3}{# added in Build step 3 #}`), []],
  ['prompt with option 3 in an if that is taken', prompt(`{% if true %}${GUIDE_OPTION3}{% endif %}`), []],
];

for (const [name, mutation, checks] of promptCases) {
  test(`${name}: fails exactly ${checks.length ? checks.join(', ') : 'nothing'}`, async () => {
    expect(failing(await gradeMutation(mutation))).toEqual(checks);
  });
}

test('a prompt offering option 3 only in a comment says the comment is never spoken', async () => {
  const report = await gradeMutation(prompt(`{# ${GUIDE_OPTION3} #}`));
  expect(resultOf(report, 'want-callback-prompt-option3').message).toBe(
    'The prompt of WantCallback does not offer option 3: what {# #} holds is a comment, never spoken',
  );
});

test('a prompt with a tag that does not render offers nothing: the menu plays no message', async () => {
  const report = await gradeMutation(prompt(`{% if %}${GUIDE_OPTION3}{% endif %}`));
  const result = resultOf(report, 'want-callback-prompt-option3');
  expect(result.status).toBe('failed');
  expect(result.message).toMatch(/^The prompt of WantCallback does not render, so the caller hears no option: ./);
});

test('a second message that does not render stops the menu too, though the first offers every option', async () => {
  // The menu renders each message before it plays it: the first one heard does not make up for the second.
  const report = await gradeMutation((f) => {
    const tts = props(f, 'WantCallback').promptsTts as Json[];
    tts.push({ ...tts[0], value: '{{ 1 + }}', name: '{{ 1 + }}' });
  });
  const result = resultOf(report, 'want-callback-prompt-option3');
  expect([result.status, result.message]).toEqual(['failed', expect.stringMatching(/^The prompt of WantCallback does not render, so the caller hears no option: ./)]);
});

test('a prompt without tags whose {{ }} does not parse offers nothing either: Flow Designer renders every message before it speaks it', async () => {
  // Read as written it would offer option 3; rendered, it stops the menu (and the simulated call).
  const report = await gradeMutation(prompt(`${GUIDE_OPTION3} {{ 1 + }}`));
  const result = resultOf(report, 'want-callback-prompt-option3');
  expect([result.status, result.message]).toEqual(['failed', expect.stringMatching(/^The prompt of WantCallback does not render, so the caller hears no option: ./)]);
  // A {{ }} that parses is read as written, whatever its value: a variable's value offers no option.
  const variable = resultOf(await gradeMutation(prompt(`${GUIDE_OPTION3} {{ NewPhoneContact.ANI }}`)), 'want-callback-prompt-option3');
  expect(variable.status).toBe('passed');
});

/** The body is one template: a `set` in one field is seen by the fields after it. */
const body = (pairs: [string, string][]) => (f: Json): void => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  for (const [from, to] of pairs) p.httpRequestBody = p.httpRequestBody.replace(from, to);
};

const bodyCases: [string, (f: Json) => void, string[]][] = [
  ['body whose destination reads a name set in an earlier field', body([['"{{outdialcbid}}"', '"{% set dest = customani %}{{outdialcbid}}"'], ['"{{customani}}"', '"{{dest}}"']]), []],
  ['body whose earlier field sets customani to another value', body([['"{{outdialcbid}}"', '"{% set customani = outdialcbid %}{{outdialcbid}}"']]), ['callback-api-body', 'run-task-created']],
];

for (const [name, mutation, checks] of bodyCases) {
  test(`${name}: fails exactly ${checks.length ? checks.join(', ') : 'nothing'}`, async () => {
    expect(failing(await gradeMutation(mutation))).toEqual(checks);
  });
}

test('a body whose set tag changes a later field is told what that field renders', async () => {
  const report = await gradeMutation(body([['"{{outdialcbid}}"', '"{% set customani = outdialcbid %}{{outdialcbid}}"']]));
  expect(resultOf(report, 'callback-api-body').message).toBe(
    'CallBackAPI_HTTPRequest Request Body is wrong once its templates are rendered: field "destination" is {{outdialcbid}}, expected {{customani}}',
  );
});

test('a field a filter changed shows what it rendered with the sample values it was rendered from, not a bare sample', async () => {
  // Before: 'field "destination" is "1-408 Ab&Cd/11"', a value the attendee never wrote and the call never sends.
  const report = await gradeMutation(body([['"{{customani}}"', '"{{ customani | replace({"+": ""}) }}"']]));
  expect(resultOf(report, 'callback-api-body').message).toBe(
    'CallBackAPI_HTTPRequest Request Body is wrong once its templates are rendered: field "destination" is "140855523671", expected {{customani}} (rendered with the sample values outdialcbid = "0011ed11-ca98-4c67-8621-9c54be08e600", customani = "+140855523671")',
  );
  // A filter that changes an id's letters' case, or takes some of its digits away, leaves what is left of the sample: said the same way.
  for (const filter of ['upper | default("")', 'replace({"ca98": ""})']) {
    const changed = await gradeMutation(body([['"{{outdialcbid}}"', `"{{ outdialcbid | ${filter} }}"`]]));
    expect(resultOf(changed, 'callback-api-body').message, filter).toMatch(/ \(rendered with the sample values outdialcbid = "0011ed11-ca98-4c67-8621-9c54be08e600", customani = "\+140855523671"\)$/);
  }
});

test('a filter that changes nothing a phone number holds passes', async () => {
  for (const filter of ['replace({" ": ""})', 'replace({"-": ""}) | trim', 'lower']) {
    expect(resultOf(await gradeMutation(body([['"{{customani}}"', `"{{ customani | ${filter} }}"`]])), 'callback-api-body').status, filter).toBe('passed');
  }
});

const condition = (value: string) => (f: Json): void => { props(f, 'HTTPStatusCode').expression = value; };

test('a Condition whose if tag compares with one = is told to compare with ==', async () => {
  const report = await gradeMutation(condition('{% if CallBackAPI_HTTPRequest.httpStatusCode = 201 %}true{% else %}false{% endif %}'));
  expect(resultOf(report, 'status-condition-expression').message).toMatch(/: compare with == \(one = or === is no operator in Pebble\)$/);
});

test('a Condition with a set tag is not told about = (a set tag assigns with one =)', async () => {
  const report = await gradeMutation(condition('{% set s = CallBackAPI_HTTPRequest.httpStatusCode %}{{ s == 201 | nope }}'));
  expect(resultOf(report, 'status-condition-expression').message).not.toContain('compare with ==');
});

test('a Condition whose test lies only in a comment says the comment is never evaluated', async () => {
  const report = await gradeMutation(condition('{# {{CallBackAPI_HTTPRequest.httpStatusCode == 201}} #}'));
  expect(resultOf(report, 'status-condition-expression').message).toBe(
    'HTTPStatusCode expression gives "" with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true: what {# #} holds is a comment, never evaluated',
  );
});

test('a body field whose right variable lies only in a comment says the comment is never evaluated', async () => {
  const report = await gradeMutation(body([['"{{customani}}"', '"{# {{customani}} #}{{outdialcbid}}"']]));
  expect(resultOf(report, 'callback-api-body').message).toBe(
    'CallBackAPI_HTTPRequest Request Body is wrong: field "destination" is "{# {{customani}} #}{{outdialcbid}}", expected "{{customani}}": what {# #} holds is a comment, never evaluated',
  );
});

test('a SetGetResult value whose right variable lies only in a comment says the comment is never evaluated', async () => {
  const report = await gradeMutation((f) => {
    const p = props(f, 'SetGetResult');
    for (const key of Object.keys(p)) if (p[key] === '{{GET_CBID.httpResponseBody}}') p[key] = '{# {{GET_CBID.httpResponseBody}} #}';
  });
  expect(resultOf(report, 'set-get-result-value').message).toBe(
    'SetGetResult sets getresult with Set To Variable "{# {{GET_CBID.httpResponseBody}} #}": what {# #} holds is a comment, never evaluated',
  );
});
