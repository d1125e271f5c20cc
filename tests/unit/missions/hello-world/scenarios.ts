/** The one simulated call of the Hello World mission: a caller dials the lab number and listens. */
import type { MissionSettings, ScenarioDefinition } from '../../../../engine/check.js';

export const CALL = 'call';

export function scenarios(settings: Pick<MissionSettings, 'dnis'>): ScenarioDefinition[] {
  return [{ id: CALL, title: 'A caller dials in and listens to the end', scenario: { contact: { DNIS: settings.dnis } } }];
}
