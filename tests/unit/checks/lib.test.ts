/** The helpers behind the tolerances: JSONPath spellings, URLs with templates, JSON bodies, defaults. */
import { test, expect } from '@playwright/test';
import { compareBody, guideBody, parseBody } from '../../../checks/callback-on-global-error/lib/body.js';
import { canonicalPath, samePath } from '../../../checks/callback-on-global-error/lib/jsonpath.js';
import { sameTemplate } from '../../../checks/callback-on-global-error/lib/templates.js';
import { splitUrl } from '../../../checks/callback-on-global-error/lib/url.js';
import { isEmptyDefault } from '../../../checks/callback-on-global-error/lib/variables.js';
import { ssmlWords } from '../../../checks/callback-on-global-error/lib/ssml.js';

test('JSONPath: equivalent spellings of a simple path are the same; others are not', () => {
  for (const path of ['$[0].tacnumber', "$[0]['tacnumber']", '$[0]["tacnumber"]', ' $[ 0 ][ "tacnumber" ] ', '[0].tacnumber', '$.[0].tacnumber', "$.[0].['tacnumber']"]) {
    expect(canonicalPath(path), path).toBe('$[0].tacnumber');
  }
  // Spaces outside brackets do not parse in Flow Designer's JsonPath (Jayway) nor in the simulator.
  for (const path of ['$ [0].tacnumber', '$[0]. tacnumber', '$[0] .tacnumber', '$[0].tac number', '$ [ 0 ] . tacnumber']) {
    expect(canonicalPath(path), path).toBeUndefined();
    expect(samePath(path, '$[0].tacnumber'), path).toBe(false);
  }
  expect(canonicalPath('$.tacnumber')).toBe('$.tacnumber');
  expect(canonicalPath('tacnumber')).toBe('$.tacnumber');
  expect(canonicalPath('$..tacnumber')).toBeUndefined();
  expect(canonicalPath('$[*].tacnumber')).toBeUndefined();
  expect(samePath('$[1].tacnumber', '$[0].tacnumber')).toBe(false);
  expect(samePath('$[0].tacNumber', '$[0].tacnumber')).toBe(false);
  expect(samePath('$..tacnumber', '$[0].tacnumber')).toBe(false);
});

test('URL: split without touching the templates in the query', () => {
  expect(splitUrl('https://674481b1b4e2e04abea27c6e.MockAPI.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}&x=1')).toEqual({
    scheme: 'https',
    host: '674481b1b4e2e04abea27c6e.mockapi.io',
    path: '/flowdesigner/Lab/DynVars',
    query: [
      ['dn', '{{NewPhoneContact.DNIS | slice(2) }}'],
      ['x', '1'],
    ],
  });
  expect(splitUrl('674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner')).toBeUndefined();
});

test('templates compare with whitespace inside {{ }} ignored, nothing else', () => {
  expect(sameTemplate('{{NewPhoneContact.DNIS|slice(2)}}', '{{ NewPhoneContact.DNIS | slice(2) }}')).toBe(true);
  expect(sameTemplate('{{ NewPhoneContact.DNIS }}', '{{NewPhoneContact.DNIS | slice(2) }}')).toBe(false);
  expect(sameTemplate('{{outdialcbid}}', '{{outdialCBID}}')).toBe(false);
});

test('Create Task body: parsed, compared field by field, every problem named', () => {
  const guide = guideBody('customani');
  const minified = parseBody(JSON.stringify({ ...guide, entryPointId: '{{ outdialcbid }}' }));
  expect(minified.ok && compareBody(minified.value, guide)).toEqual([]);
  const wrong = { ...guide, destination: '{{customANI}}', mediatype: 'telephony', callback: { callbackOrigin: 'web' } } as Record<string, unknown>;
  delete wrong.mediaType;
  expect(compareBody(wrong, guide)).toEqual([
    'field "destination" is "{{customANI}}", expected "{{customani}}"',
    'field "mediaType" is spelled "mediatype"',
    'field "callback.callbackType" is missing',
  ]);
  expect(compareBody({ ...guide, attributes: 'tester' }, guide)).toEqual(['field "attributes" must be an object of text values, not "tester"']);
  const { attributes: _demo, ...withoutAttributes } = guide;
  expect(compareBody(withoutAttributes, guide)).toEqual([]); // demo data the API does not require
  const { mediaType: _required, ...withoutMediaType } = guide;
  expect(compareBody(withoutMediaType, guide)).toEqual(['field "mediaType" is missing']);
  expect(compareBody([guide], guide)).toEqual(['the body is a list, not a JSON object']);
  const broken = parseBody('{\n  "a": "x"\n  "b": 1\n}');
  expect(broken.ok).toBe(false);
  expect(!broken.ok && broken.error).toContain('line 3, column 3');
  expect(parseBody('  ')).toEqual({ ok: false, error: 'the Request Body is empty' });
});

test('Create Task body: templates compare by the text they render, not by their spelling', () => {
  const guide = guideBody('customani');
  for (const destination of ['{{ customani | trim }}', "{{customani|default('')}}", "{{ customani ~ '' }}"]) {
    expect(compareBody({ ...guide, destination }, guide), destination).toEqual([]);
  }
  for (const destination of [
    '{{ outdialcbid }}', '{{customani}}{{typo}}', '+{{customani}}', ' {{customani}}', '{{customani}} ', '{{ customani | upper }}', '{{ NewPhoneContact.ANI }}', '{{ customani',
    '{{ customani | urlencode }}', '{{ customani | replace({"+": ""}) }}', '{{ customani | lower }}', '{{ customani | escape }}', '{{ customani | abbreviate(10) }}', '{{ customani | replace({"-": ""}) }}',
  ]) {
    expect(compareBody({ ...guide, destination }, guide), destination).toEqual([`field "destination" is ${JSON.stringify(destination)}, expected "{{customani}}"`]);
  }
});

test('an empty default: nothing, blank, the text null, or the text empty the 2025 guide shows', () => {
  for (const raw of [null, '', '   ', 'null', 'NULL', 'empty', ' Empty ']) expect(isEmptyDefault(raw), String(raw)).toBe(true);
  for (const raw of ['0', ' x ', 'empty string', '+14085267209']) expect(isEmptyDefault(raw), raw).toBe(false);
});

test('SSML is read as the words it speaks: each tag a space, a < without > is text', () => {
  expect(ssmlWords('<speak>Press <say-as interpret-as="digits">3</say-as> now<break time="1s"/>.</speak>')).toBe(' Press  3  now . ');
  expect(ssmlWords('press 3 if < 5 minutes')).toBe('press 3 if < 5 minutes');
  expect(ssmlWords('a<b>c<d')).toBe('a c<d');
});
