/** The page's optional settings (lab, attendee id, DNIS), read from the form and checked like the CLI's flags. */
import { DEFAULT_MISSION_ID, findMission, MISSIONS } from '../checks/index.js';
import type { Mission } from '../engine/check.js';
import { dnisRefusal, parseDnis } from '../engine/dnis.js';
import { missionSettings } from '../engine/grade.js';
import { printableLine } from '../reports/escape.js';

interface PageSettings {
  mission: Mission;
  attendee?: string;
  dnis?: string;
}

export type SettingsResult = { ok: true; settings: PageSettings } | { ok: false; field: 'dnis' | 'lab'; message: string };

export function readSettings(values: { lab: string; attendee: string; dnis: string }): SettingsResult {
  const mission = findMission(values.lab || DEFAULT_MISSION_ID);
  if (!mission) return { ok: false, field: 'lab', message: `Unknown lab "${values.lab}".` };
  const dnis = values.dnis.trim() === '' ? '' : parseDnis(values.dnis); // the rule of `--dnis`
  if (dnis === undefined) return { ok: false, field: 'dnis', message: printableLine(`${dnisRefusal(values.dnis)}.`) };
  const problem = dnis ? mission.settingsProblem?.(missionSettings({ mission, settings: { dnis } })) : undefined;
  if (problem !== undefined) return { ok: false, field: 'dnis', message: `${capitalised(problem)}. Leave DNIS empty for the lab's ${mission.defaultSettings.dnis}.` };
  const attendee = values.attendee.trim();
  return { ok: true, settings: { mission, ...(attendee ? { attendee } : {}), ...(dnis ? { dnis } : {}) } };
}

/** The lab picker's options; `dnis`: the number the mission's calls dial when the DNIS field is empty (its placeholder). */
export function missionChoices(): { id: string; title: string; selected: boolean; dnis: string }[] {
  return MISSIONS.map((m) => ({ id: m.id, title: m.title, selected: m.id === DEFAULT_MISSION_ID, dnis: m.defaultSettings.dnis }));
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
