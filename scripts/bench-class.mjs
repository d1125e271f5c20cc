/**
 * The benchmark's class (scripts/bench.mjs, scripts/bench-merge.mjs): the fixture flows
 * (minified, as Flow Designer exports them), each under its own attendee id (Main_Flow_<id>),
 * padded realistically with leftover canvas activities (unlinked Play Message nodes with their
 * diagram widgets) and unused flow variables so sizes spread over 60–150 KB; ~55% correct
 * (solution and noise variants), ~42% defective (defect fixtures, before-mission), ~3% unreadable
 * (truncated, empty, random bytes, a Postman collection, a JSON array). Deterministic (seeded).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20250801;
let random = mulberry32(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const uuid = () => 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => ((c === 'x' ? random() * 16 : 8 + random() * 4) | 0).toString(16));

// ---------------------------------------------------------------------------------------------
// The class
// ---------------------------------------------------------------------------------------------
const flowsDir = path.join(ROOT, 'fixtures', 'flows');
const sources = readdirSync(flowsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(flowsDir, file), 'utf8').replace(/^\uFEFF/, '') }));
const correct = sources.filter((s) => s.file === 'solution.json' || s.file.startsWith('noise-'));
const defective = sources.filter((s) => s.file.startsWith('defect-') || s.file === 'before-mission.json');

const SENTENCES = [
  'Thank you for calling the Webex Contact Center lab.',
  'All our agents are busy; please stay on the line.',
  'Press 1 for sales, 2 for support, or 3 to simulate an error.',
  'We will call you back on the number you entered.',
  'Our business hours are Monday to Friday, 8 AM to 6 PM.',
  'Your call is important to us.',
];

/** An unlinked Play Message left on the canvas (a common sight in attendees' flows), with its widget. */
function leftoverActivity(flow, n, template) {
  const id = uuid();
  const name = `PlayMessage_note${n}`;
  const text = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SENTENCES)).join(' ');
  const properties = { ...template.properties, name, description: `Draft prompt ${n}`, activityId: uuid().replace(/-/g, '').slice(0, 24), promptsTts: [{ type: 'tts', value: text, name: text }] };
  flow.process.activities[id] = { ...template.activity, id, name, properties };
  flow.diagram.widgets[id] = {
    ...template.widget,
    id,
    point: { x: 2600 + 300 * (n % 6), y: 200 + 160 * Math.floor(n / 6) },
    ports: template.widget.ports.map((port) => ({ ...port, portId: uuid(), linkId: null, links: [] })),
    properties,
  };
}

function unusedVariable(flow, n) {
  flow.variables.push({ name: `note_${n}`, description: 'scratch variable', type: 'STRING', value: '', isCAD: false, desktopLabel: '', isAgentEditable: false, source: '', isReportable: false, overwrite: false, isSecure: false, id: uuid() });
}

function playMessageTemplate(flow) {
  const activity = Object.values(flow.process.activities).find((a) => a.properties?.activityName === 'play-message');
  const widget = activity && flow.diagram?.widgets?.[activity.id];
  return activity && widget ? { activity, widget, properties: activity.properties } : undefined;
}

/** A padded, minified export of `source` for attendee `id`, aiming at `target` bytes. */
function submission(source, id, target) {
  const text = source.text.split('Main_Flow_140').join(`Main_Flow_${id}`);
  const flow = JSON.parse(text);
  if (!flow.process) return JSON.stringify(flow); // flow-template body: kept as is
  const template = playMessageTemplate(flow);
  let out = JSON.stringify(flow);
  for (let n = 1; out.length < target && n < 200; n++) {
    if (template && n % 4 !== 0) leftoverActivity(flow, n, template);
    else unusedVariable(flow, n);
    if (n % 3 === 0 || out.length + 4000 >= target) out = JSON.stringify(flow);
  }
  return JSON.stringify(flow);
}

function unreadable(i, id) {
  const base = submission(correct[0], id, 90_000);
  switch (i % 5) {
    case 0:
      return base.slice(0, Math.floor(base.length * 0.6)); // interrupted download
    case 1:
      return '';
    case 2:
      return Buffer.from(Array.from({ length: 70_000 }, () => Math.floor(random() * 256)));
    case 3:
      return JSON.stringify({ info: { _postman_id: uuid(), name: 'Create Task' }, item: [{ name: 'POST /v1/tasks', request: { method: 'POST' } }] });
    default:
      return JSON.stringify([{ name: `Main_Flow_${id}` }]);
  }
}

/** Writes `count` submissions into `dir` (the same class for the same count, each call). */
export function generateClass(dir, count) {
  random = mulberry32(SEED);
  const counts = { correct: 0, defective: 0, unreadable: 0 };
  const sizes = [];
  for (let i = 0; i < count; i++) {
    const id = 1000 + i;
    const roll = random();
    let content;
    if (roll < 0.03) {
      content = unreadable(counts.unreadable, id);
      counts.unreadable++;
    } else {
      const kind = roll < 0.58 ? 'correct' : 'defective';
      counts[kind]++;
      content = submission(pick(kind === 'correct' ? correct : defective), id, 60_000 + Math.floor(random() * 88_000));
    }
    const file = path.join(dir, `Main_Flow_${id}.json`);
    writeFileSync(file, content);
    sizes.push(statSync(file).size);
  }
  return { counts, sizes };
}
