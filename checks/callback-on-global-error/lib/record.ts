/**
 * The DynVars record the scenarios should read: the one the grading's dataset (the lab's own, or
 * the one given with `--dynvars`) holds for the DNIS the call dials — `dn` is the DNIS without its
 * first two characters, as `slice(2)` gives it.
 */
import type { MissionSettings } from '../../../engine/check.js';

export interface ExpectedRecord {
  outboundcallbackep: string;
  tacnumber: string;
  /**
   * The response body of the request for it (`?dn=` the dialled number's), as the DynVars mock
   * answers it: the dataset's records of that dn, as a JSON list.
   */
  answer: string;
  /** Where the values come from, for messages. */
  source: string;
}

export function expectedRecord(settings: Readonly<MissionSettings>): ExpectedRecord | undefined {
  const dn = settings.dnis.slice(2);
  const match = settings.dynvars.find((record) => record.dn === dn);
  if (!match || typeof match.outboundcallbackep !== 'string' || typeof match.tacnumber !== 'string') return undefined;
  const answer = JSON.stringify(settings.dynvars.filter((record) => record.dn === dn));
  return { outboundcallbackep: match.outboundcallbackep, tacnumber: match.tacnumber, answer, source: `the DynVars record for dn ${dn}` };
}
