/**
 * The readers of an HTTP Request's settings (engine/simulator/activities/http-settings.ts), which
 * the simulator and the checks share: each read pinned as exported, with no default and no template
 * rendered (the simulator and the checks put their own on top).
 */
import { expect, test } from '@playwright/test';
import type { Activity } from '../../../engine/model.js';
import {
  connectorDisplayName,
  connectorIdSetting,
  connectorSetting,
  formDataRows,
  methodSetting,
  parseContentTypeSetting,
  parsingRows,
  queryParameterRows,
  requestContentTypeSetting,
  requestHeaderRows,
  settingRows,
} from '../../../engine/simulator/activities/http-settings.js';

/** An HTTP Request with these properties and UI copies, as the loader gives it. */
function request(props: Record<string, unknown>, ui: Record<string, unknown> = {}): Activity {
  return { id: 'r', label: 'R', type: 'http-request-v2', group: 'action', props, ui, pointer: '', exits: {}, knownExits: null } as unknown as Activity;
}

test('Method: trimmed, in upper case, the plain key before its UI copy; none chosen is ""', () => {
  expect(methodSetting(request({ httpRequestMethod: ' post ' }))).toBe('POST');
  expect(methodSetting(request({}, { 'httpRequestMethod:name': 'Put' }))).toBe('PUT');
  expect(methodSetting(request({ httpRequestMethod: 'GET' }, { 'httpRequestMethod:name': 'POST' }))).toBe('GET');
  expect(methodSetting(request({ httpRequestMethod: null }))).toBe('');
  expect(methodSetting(request({}))).toBe('');
});

test('request Content Type: trimmed, case kept, the plain key before its UI copy; none is ""', () => {
  expect(requestContentTypeSetting(request({ httpContentType: ' Application/JSON ' }))).toBe('Application/JSON');
  expect(requestContentTypeSetting(request({}, { 'httpContentType:name': 'GraphQL' }))).toBe('GraphQL');
  expect(requestContentTypeSetting(request({ httpContentType: null }))).toBe('');
});

test('Parsing Settings Content Type: trimmed; "Select" (any case) or none is ""', () => {
  expect(parseContentTypeSetting(request({ contentType: ' JSON ' }))).toBe('JSON');
  expect(parseContentTypeSetting(request({}, { 'contentType:name': 'XML' }))).toBe('XML');
  for (const contentType of ['Select', ' SELECT ', null]) expect(parseContentTypeSetting(request({ contentType })), String(contentType)).toBe('');
});

test('connector: its display name, else its id (a name missing or blank); none chosen is undefined', () => {
  const id = '289ac483-1775-44f5-b5a3-fc7503c10043';
  const named = request({ connectorId: id }, { 'connectorId:name': ' WxCC_API ' });
  expect([connectorDisplayName(named), connectorIdSetting(named), connectorSetting(named)]).toEqual(['WxCC_API', id, 'WxCC_API']);
  const byIdOnly = request({ connectorId: ` ${id} ` });
  expect([connectorDisplayName(byIdOnly), connectorIdSetting(byIdOnly), connectorSetting(byIdOnly)]).toEqual([undefined, id, id]);
  expect(connectorSetting(request({ connectorId: id }, { 'connectorId:name': '  ' }))).toBe(id);
  expect(connectorSetting(request({ connectorId: id }, { 'connector:name': 'Other' }))).toBe('Other');
  expect(connectorSetting(request({}, { 'connectorId:name': 'WxCC_API' }))).toBe('WxCC_API');
  expect(connectorSetting(request({ connectorId: null }, { 'connectorId:name': null }))).toBeUndefined();
  expect(connectorSetting(request({ connectorId: ' ' }))).toBeUndefined();
});

test('name/value rows: an object or a list of {key|name, value}; names trimmed, values as written, rows without a name left out', () => {
  expect(settingRows({ ' dn ': ' 1 ', page: 2, flag: true, none: null, '': 'x', ' ': 'y' })).toEqual([['dn', ' 1 '], ['page', '2'], ['flag', 'true'], ['none', '']]);
  expect(settingRows([
    { key: ' Accept ', value: 'text/plain' },
    { name: 'X-Id', value: '{{ id }}' },
    { key: null, name: 'Fallback', value: 3 },
    { key: 'Key', name: 'Name', value: 'k' },
    { value: 'no name' },
    { key: '  ', value: 'blank' },
    'not a row',
    null,
  ])).toEqual([['Accept', 'text/plain'], ['X-Id', '{{ id }}'], ['Fallback', '3'], ['Key', 'k']]);
  for (const value of [null, undefined, 'a=1', 3]) expect(settingRows(value), String(value)).toEqual([]);
});

test('headers, query parameters and form data are each read from their own setting', () => {
  const activity = request({
    httpRequestHeaders: { Accept: 'application/json' },
    httpQueryParameters: [{ key: 'dn', value: '4694096861' }],
    httpRequestBodyFormData: [{ name: 'a', value: '1' }],
  });
  expect(requestHeaderRows(activity)).toEqual([['Accept', 'application/json']]);
  expect(queryParameterRows(activity)).toEqual([['dn', '4694096861']]);
  expect(formDataRows(activity)).toEqual([['a', '1']]);
  expect(requestHeaderRows(request({}))).toEqual([]);
});

test('Parsing Settings rows: every row in order, half-filled and empty ones too, trimmed (the path as Java trims)', () => {
  const rows = [
    { outputVariable: ' outdialcbid ', jsonPathExp: ' $[0].outboundcallbackep ' },
    { outputVariable: 'customani', jsonPathExp: '' },
    { outputVariable: '', jsonPathExp: '$[0].tacnumber\u00a0' },
    { outputVariable: null, jsonPathExp: null },
  ];
  expect(parsingRows(request({ outputVariableArray: rows }))).toEqual([
    { variable: 'outdialcbid', path: '$[0].outboundcallbackep' },
    { variable: 'customani', path: '' },
    { variable: '', path: '$[0].tacnumber\u00a0' },
    { variable: '', path: '' },
  ]);
  expect(parsingRows(request({ outputVariableArray: null }))).toEqual([]);
});
