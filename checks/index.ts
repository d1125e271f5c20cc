/**
 * The mission registry. Explicit imports, no directory scanning (it runs in the browser too).
 * A new mission is a new folder `checks/<mission-id>/` exporting a Mission, added here: see
 * docs/missions.md, and tests/unit/missions/conformance.ts for the tests it needs.
 */
import type { Mission } from '../engine/check.js';
import callbackOnGlobalError from './callback-on-global-error/index.js';

export const MISSIONS: Mission[] = [callbackOnGlobalError];

/** The mission graded when no --lab is given. */
export const DEFAULT_MISSION_ID = callbackOnGlobalError.id;

/** Each mission's own number, for help texts: `+14694096861 (callback-on-global-error)`. */
export function missionNumbers(): string {
  return MISSIONS.map((mission) => `${mission.defaultSettings.dnis} (${mission.id})`).join(', ');
}

export function findMission(id: string): Mission | undefined {
  return MISSIONS.find((mission) => mission.id === id);
}
