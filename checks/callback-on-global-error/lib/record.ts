/**
 * The DynVars record the scenarios should read: the first of those the DynVars mock answers from the
 * grading's dataset (the lab's own, or the one given with `--dynvars`) to `?dn=` the DNIS the call
 * dials — `dn` is the DNIS without its first two characters, as `slice(2)` gives it — as the
 * guide's `$[0]…` paths read it. The mock's own filter picks them (`--mockapi-filter`: with
 * `contains`, a record whose dn holds the dialled one, before it in the dataset, is the one read).
 */
import type { MissionSettings } from '../../../engine/check.js';
import { dynVarsFound } from '../../../mocks/dynvars.js';

export interface ExpectedRecord {
  outboundcallbackep: string;
  tacnumber: string;
  /**
   * The response body of the request for it (`?dn=` the dialled number's), as the DynVars mock
   * answers it: the dataset's records its filter matches, as a JSON list.
   */
  answer: string;
  /** How many records that answer lists (a path's `$[-1]` reads the record when it is one). */
  answered: number;
  /** Where the values come from, for messages. */
  source: string;
}

export function expectedRecord(settings: Readonly<MissionSettings>): ExpectedRecord | undefined {
  // Several checks of each flow ask, with the grading's one dataset: looked up once per dataset,
  // DNIS and filter (the dataset is never changed once loaded).
  let byQuery = records.get(settings.dynvars);
  if (!byQuery) records.set(settings.dynvars, (byQuery = new Map()));
  const key = `${settings.mockapiFilter} ${settings.dnis}`;
  if (!byQuery.has(key)) byQuery.set(key, lookUp(settings));
  return byQuery.get(key);
}

const records = new WeakMap<readonly object[], Map<string, ExpectedRecord | undefined>>();

function lookUp(settings: Readonly<MissionSettings>): ExpectedRecord | undefined {
  const dn = settings.dnis.slice(2);
  const found = dynVarsFound(settings.dynvars, new URLSearchParams({ dn }), settings.mockapiFilter);
  const match = found?.[0];
  if (!match || typeof match.outboundcallbackep !== 'string' || typeof match.tacnumber !== 'string') return undefined;
  const answer = JSON.stringify(found);
  return { outboundcallbackep: match.outboundcallbackep, tacnumber: match.tacnumber, answer, answered: found.length, source: `the DynVars record for dn ${dn}` };
}
