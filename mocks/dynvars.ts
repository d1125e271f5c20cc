/**
 * MockAPI DynVars: `GET https://<24-hex>.mockapi.io/flowdesigner/Lab/DynVars?dn=<dn>` answers a JSON
 * array of the records whose `dn` holds the query (MockAPI filters by every field the query names,
 * matching part of a value: `MockApiFilter`): the lab's record for its number. A filter no record
 * matches (an unknown dn) answers 404 "Not found", not `[]`, as MockAPI does (docs/mocks.md gives the
 * sources); so do other paths and methods on mockapi.io (recorded as not mocked, `mockapi`, where
 * MockAPI would answer otherwise: notFoundService). Only mockapi.io hosts are answered.
 */
import type { RequestHandler } from 'msw';
import dataset from './data/dynvars.json' with { type: 'json' };
import datasetSchema from './schemas/dynvars-dataset.schema.json' with { type: 'json' };
import { describeError } from './ajv.js';
import { validatorFor } from '../engine/ajv.js';
import { RequestTestHandler } from './handler.js';
import { jsonResponse } from './json-response.js';
import { MOCKAPI_RESERVED } from './mockapi-params.js';
import type { SeenRequest } from './types.js';

export interface DynVarsRecord {
  dn: string;
  [field: string]: unknown;
}

/** The lab's record for dn 4694096861 (MockAPI, 2025-02 snapshot of the lab guide). */
export const DEFAULT_DYNVARS: DynVarsRecord[] = dataset;

const MOCKAPI_HOST = /^[0-9a-f]{24}\.mockapi\.io$/i;
/** The lab's MockAPI project, whose one resource is DynVars: another path there is a true 404. */
const LAB_PROJECT_HOST = '674481b1b4e2e04abea27c6e.mockapi.io';
const DYNVARS_PATH = /^\/flowdesigner\/Lab\/DynVars\/?$/;

/**
 * How a query parameter selects records: `contains` (a field whose text holds the value, in any
 * case, as MockAPI's filters are seen to answer: `categoryId=1` also gives 10 and 11; so `dn=`
 * gives every record), or `exact` (the field's text equal to it). docs/mocks.md.
 */
export type MockApiFilter = 'contains' | 'exact';

export const DEFAULT_MOCKAPI_FILTER: MockApiFilter = 'contains';

export function dynVarsHandlers(records: readonly DynVarsRecord[], seen: SeenRequest[], filter: MockApiFilter = DEFAULT_MOCKAPI_FILTER): RequestHandler[] {
  return [
    new RequestTestHandler(
      'MockAPI DynVars',
      (request) => MOCKAPI_HOST.test(new URL(request.url).hostname),
      ({ request }) => {
        const url = new URL(request.url);
        const answer = (response: Response, service: SeenRequest['service'] = 'dynvars') => {
          seen.push({ service, method: request.method, url: request.url, status: response.status });
          return response;
        };
        if (request.method !== 'GET' || !DYNVARS_PATH.test(url.pathname)) return answer(jsonResponse('Not found', 404), notFoundService(url));
        const found = dynVarsFound(records, url.searchParams, filter);
        return answer(found ? jsonResponse(found) : jsonResponse('Not found', 404));
      },
    ),
  ];
}

/**
 * Whose 404 a request other than a GET of the DynVars list gets: MockAPI's own (`dynvars`) for a
 * resource the lab's project does not have (`/lowdesigner/…`); the mock's (`mockapi`, not mocked)
 * for what MockAPI would answer otherwise — a DynVars record by its id (`…/DynVars/1`), another
 * method on DynVars (a POST creates a record), another project's other resources.
 */
function notFoundService(url: URL): SeenRequest['service'] {
  const underDynVars = /^\/flowdesigner\/Lab\/DynVars(?:\/|$)/.test(url.pathname);
  return url.hostname === LAB_PROJECT_HOST && !underDynVars ? 'dynvars' : 'mockapi';
}

/**
 * The records a GET of DynVars with this query answers, in the dataset's order, or undefined where
 * MockAPI answers 404 "Not found": a filtered list with no record, as it answers a missing one (not
 * `[]`). The one place that says what the mock answers: what a grading expects the flow to read
 * (checks' `expectedRecord`) is taken from it too.
 */
export function dynVarsFound(records: readonly DynVarsRecord[], query: URLSearchParams, filter: MockApiFilter): DynVarsRecord[] | undefined {
  const found = records.filter((record) => matchesFilters(record, query, filter));
  return found.length === 0 && filters(query) ? undefined : found;
}

/** Whether the query filters the records: a parameter other than MockAPI's paging and sorting ones. */
function filters(query: URLSearchParams): boolean {
  for (const name of query.keys()) if (!MOCKAPI_RESERVED.has(name)) return true;
  return false;
}

/**
 * MockAPI filters a resource by every other query parameter, as a field of its records: a record
 * is answered when it has each such field with a value that matches. `dn` is one of them; a name
 * the record does not have (`dn ` with its space, a typo) matches no record.
 */
function matchesFilters(record: DynVarsRecord, query: URLSearchParams, filter: MockApiFilter): boolean {
  for (const [name, value] of query) {
    if (MOCKAPI_RESERVED.has(name)) continue;
    const field = Object.hasOwn(record, name) ? record[name] : undefined;
    if (field === undefined || field === null || typeof field === 'object') return false;
    const text = String(field);
    if (filter === 'exact' ? text !== value : !text.toLowerCase().includes(value.toLowerCase())) return false;
  }
  return true;
}

export function validateDynVarsDataset(data: unknown): { ok: true; records: DynVarsRecord[] } | { ok: false; message: string } {
  const validate = validatorFor(datasetSchema);
  if (validate(data)) return { ok: true, records: data as DynVarsRecord[] };
  return { ok: false, message: `not a DynVars dataset: ${describeError(validate.errors?.[0], 'dataset')} (expected a JSON array of records, each with a string "dn" of digits)` };
}
