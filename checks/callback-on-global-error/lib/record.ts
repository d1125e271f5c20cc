/**
 * The DynVars record the scenarios should read: the one for the DNIS the call dials (`dn` = the
 * DNIS without its first two characters, as `slice(2)` gives it).
 *
 * Checks cannot see the grading's mock options, so the record is taken from the run itself when
 * the flow asked exactly the right question: a 200 answer of the DynVars resource for the right
 * `dn` (this follows a dataset given with `--dynvars`). Otherwise it is the lab's own dataset
 * (`DEFAULT_DYNVARS`).
 */
import type { ScenarioRun } from '../../../engine/check.js';
import { DEFAULT_DYNVARS } from '../../../mocks/index.js';
import { DYNVARS } from './names.js';

export interface ExpectedRecord {
  outboundcallbackep: string;
  tacnumber: string;
  /** Where the values come from, for messages. */
  source: string;
}

export function expectedRecord(run: ScenarioRun | undefined, dnis: string): ExpectedRecord | undefined {
  const dn = dnis.slice(2);
  return fromRun(run, dn) ?? fromDataset(dn);
}

function fromRun(run: ScenarioRun | undefined, dn: string): ExpectedRecord | undefined {
  for (const entry of run?.result.trace ?? []) {
    const http = entry.http;
    if (!http || http.status !== 200 || http.method !== 'GET' || http.responseBody === undefined) continue;
    let url: URL;
    try {
      url = new URL(http.url);
    } catch {
      continue;
    }
    if (url.hostname.toLowerCase() !== DYNVARS.host || url.pathname !== DYNVARS.path) continue;
    if ([...url.searchParams.keys()].join(',') !== 'dn' || url.searchParams.get('dn') !== dn) continue;
    const record = firstRecord(http.responseBody);
    if (record) return { ...record, source: `the DynVars record for dn ${dn}` };
  }
  return undefined;
}

function firstRecord(body: string): Omit<ExpectedRecord, 'source'> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    const first: unknown = Array.isArray(value) ? value[0] : undefined;
    return asRecord(first);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Omit<ExpectedRecord, 'source'> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r.outboundcallbackep !== 'string' || typeof r.tacnumber !== 'string') return undefined;
  return { outboundcallbackep: r.outboundcallbackep, tacnumber: r.tacnumber };
}

function fromDataset(dn: string): ExpectedRecord | undefined {
  const records: unknown[] = Array.isArray(DEFAULT_DYNVARS) ? DEFAULT_DYNVARS : [];
  const match = records.find((r) => typeof r === 'object' && r !== null && String((r as Record<string, unknown>).dn) === dn);
  const record = asRecord(match);
  return record ? { ...record, source: `the lab's DynVars record for dn ${dn}` } : undefined;
}
