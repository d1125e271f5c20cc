/**
 * Laws any grader must keep whatever mistakes a flow holds, over every pair of the mistakes the
 * tests name (mutations.ts MISTAKES, lab-mistakes.ts, the fixtures' `defect-*` flows):
 *
 *   (1) more mistakes never earn more points: score(A+B) ≤ min(score(A), score(B));
 *   (2) no mistake is hidden: a check failing with A alone fails in A+B, or is not judged naming a
 *       check that fails there (it never passes);
 *   (3) every check not judged names a check that failed in that very report;
 *   (4) a tolerated variant (mutations.ts TOLERATED) with a mistake scores what the mistake does alone.
 *
 * laws.test.ts runs them; this module builds the inputs and says what breaks a law.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { CheckResult, GradeReport } from '../../../engine/report.js';
import { fixturePath } from '../../helpers.js';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { MISTAKES, TOLERATED } from './mutations.js';
import { solutionExport, type Json, type Mutation } from './support.js';

export interface Edit {
  name: string;
  edit: Mutation;
}

// ---------------------------------------------------------------------------------------------
// The fixtures' defects as edits of the solution export
// ---------------------------------------------------------------------------------------------

const byKey = <T>(items: T[], key: (item: T) => string): Map<string, T> => new Map(items.map((item) => [key(item), item]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function graphsOf(flow: Json): Json[] {
  return [flow.process, flow.eventFlows.eventsMap.GLOBAL_EVENTS.process];
}

function removeActivityById(graph: Json, id: string): void {
  delete graph.activities[id];
  graph.links = (graph.links as Json[]).filter((l) => l.sourceActivityId !== id && l.targetActivityId !== id);
}

/**
 * The edit turning the solution export into `defect` (both rendered by fixtures/generate.mjs with
 * the same ids), as a patch that can be made beside another mistake: the flow's scalar fields,
 * variables by name, and in each graph the activities by id (their properties key by key) and the
 * links by id. The canvas drawing (`diagram`) is left alone: grading never reads it for meaning.
 */
export function patchOf(solution: Json, defect: Json): Mutation {
  const steps: Mutation[] = [];
  for (const key of Object.keys({ ...solution, ...defect })) {
    if (['process', 'eventFlows', 'diagram', 'variables'].includes(key) || same(solution[key], defect[key])) continue;
    steps.push((f) => {
      if (key in defect) f[key] = structuredClone(defect[key]);
      else delete f[key];
    });
  }
  const [oldVars, newVars] = [byKey(solution.variables as Json[], (v) => v.name), byKey(defect.variables as Json[], (v) => v.name)];
  for (const [name, v] of oldVars) {
    if (!newVars.has(name)) steps.push((f) => void (f.variables = (f.variables as Json[]).filter((x) => x.name !== name)));
    else if (!same(v, newVars.get(name))) {
      for (const key of Object.keys({ ...v, ...newVars.get(name) })) {
        if (!same(v[key], newVars.get(name)![key])) steps.push((f) => void ((f.variables as Json[]).find((x) => x.name === name)![key] = structuredClone(newVars.get(name)![key])));
      }
    }
  }
  for (const [name, v] of newVars) if (!oldVars.has(name)) steps.push((f) => void (f.variables as Json[]).push(structuredClone(v)));
  graphsOf(solution).forEach((old, g) => {
    const now = graphsOf(defect)[g]!;
    for (const [id, a] of Object.entries(old.activities as Record<string, Json>)) {
      const b = (now.activities as Record<string, Json>)[id];
      // Deleted as on the canvas: with every connection to or from it, also one another mistake made.
      if (!b) steps.push((f) => removeActivityById(graphsOf(f)[g]!, id));
      else if (!same(a, b)) {
        for (const key of Object.keys({ ...a.properties, ...b.properties })) {
          if (!same(a.properties[key], b.properties[key])) steps.push((f) => void (graphsOf(f)[g]!.activities[id].properties[key] = structuredClone(b.properties[key])));
        }
        for (const key of Object.keys({ ...a, ...b })) {
          if (key !== 'properties' && !same(a[key], b[key])) steps.push((f) => void (graphsOf(f)[g]!.activities[id][key] = structuredClone(b[key])));
        }
      }
    }
    for (const [id, b] of Object.entries(now.activities as Record<string, Json>)) {
      if (!(old.activities as Record<string, Json>)[id]) steps.push((f) => void (graphsOf(f)[g]!.activities[id] = structuredClone(b)));
    }
    const [oldLinks, newLinks] = [byKey(old.links as Json[], (l) => l.id), byKey(now.links as Json[], (l) => l.id)];
    for (const [id, l] of oldLinks) {
      if (!same(l, newLinks.get(id))) steps.push((f) => void (graphsOf(f)[g]!.links = (graphsOf(f)[g]!.links as Json[]).filter((x) => x.id !== id)));
    }
    for (const [id, l] of newLinks) if (!same(l, oldLinks.get(id))) steps.push((f) => void graphsOf(f)[g]!.links.push(structuredClone(l)));
  });
  return (f) => steps.forEach((step) => step(f));
}

/** Every `defect-*` fixture, as an edit of the solution (`patchOf`). */
export function fixtureDefects(): Edit[] {
  const solution = solutionExport();
  return readdirSync(fixturePath('flows'))
    .filter((file) => file.startsWith('defect-'))
    .sort()
    .map((file) => ({ name: `flows/${file}`, edit: patchOf(solution, JSON.parse(readFileSync(fixturePath(`flows/${file}`), 'utf8')) as Json) }));
}

let solutionText: string | undefined;
/** A fresh copy of the solution export (read once). */
function solution(): Json {
  solutionText ??= JSON.stringify(solutionExport());
  return JSON.parse(solutionText) as Json;
}

/**
 * The solution with `edits` made in order, as what grading reads of it, field by field: the flow's
 * fields, each variable by name, each activity's properties and fields by id, and the targets of
 * each exit (so that a link's id does not matter, and two links on one exit show).
 */
function fieldsOf(...edits: Mutation[]): Map<string, string> {
  const flow = solution();
  for (const edit of edits) edit(flow);
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(flow)) if (!['process', 'eventFlows', 'diagram', 'variables'].includes(key)) fields.set(key, JSON.stringify(value));
  for (const v of flow.variables as Json[]) fields.set(`variable ${v.name}`, JSON.stringify(v));
  graphsOf(flow).forEach((g, i) => {
    for (const [id, a] of Object.entries(g.activities as Record<string, Json>)) {
      for (const [key, value] of Object.entries(a)) if (key !== 'properties') fields.set(`${i} ${id} ${key}`, JSON.stringify(value));
      for (const [key, value] of Object.entries(a.properties ?? {})) fields.set(`${i} ${id} properties.${key}`, JSON.stringify(value));
    }
    const exits = new Map<string, string[]>();
    for (const l of g.links as Json[]) {
      const exit = `${i} ${l.sourceActivityId} exit ${l.conditionExpr}`;
      exits.set(exit, [...(exits.get(exit) ?? []), String(l.targetActivityId)].sort());
    }
    for (const [exit, targets] of exits) fields.set(exit, JSON.stringify(targets));
  });
  return fields;
}

/** The fields `to` changes of `from` (changed, added or removed). */
function changedFields(from: Map<string, string>, to: Map<string, string>): string[] {
  return [...[...to].filter(([key, value]) => from.get(key) !== value).map(([key]) => key), ...[...from.keys()].filter((key) => !to.has(key))];
}

/** What `to` changes of `from`: each field changed, added or removed, with its new value. */
function change(from: Map<string, string>, to: Map<string, string>): string {
  const changed: string[] = [];
  for (const [key, value] of to) if (from.get(key) !== value) changed.push(`${key}=${value}`);
  for (const key of from.keys()) if (!to.has(key)) changed.push(`${key} removed`);
  return changed.sort().join('\n');
}

const alone = new WeakMap<Edit, Map<string, string>>();
const fieldsAlone = (e: Edit): Map<string, string> => {
  let fields = alone.get(e);
  if (fields === undefined) alone.set(e, (fields = fieldsOf(e.edit)));
  return fields;
};
let solutionFields: Map<string, string> | undefined;

/**
 * Whether `a` and `b` can be made together as two separate mistakes: each can be made after the
 * other and changes there what it changes alone — it reads and writes nothing the other changed
 * (two edits of one field, of one exit's connection, an activity deleted that the other connects to).
 */
export function together(a: Edit, b: Edit): boolean {
  try {
    solutionFields ??= fieldsOf();
    const [onlyA, onlyB] = [fieldsAlone(a), fieldsAlone(b)];
    const [changeA, changeB] = [change(solutionFields, onlyA), change(solutionFields, onlyB)];
    if (changeA === '' || changeB === '') return false;
    // Never the same field (the one made last would undo the other), …
    const fieldsB = new Set(changedFields(solutionFields, onlyB));
    if (changedFields(solutionFields, onlyA).some((key) => fieldsB.has(key))) return false;
    // … nor one reading what the other changed (an activity found by a label the other changed).
    return change(onlyA, fieldsOf(a.edit, b.edit)) === changeB && change(onlyB, fieldsOf(b.edit, a.edit)) === changeA;
  } catch {
    return false;
  }
}

/**
 * Every mistake the tests name, once: an edit giving the same flow as an earlier one (a lab mistake
 * that is a fixture's defect) is left out.
 */
export function allMistakes(): Edit[] {
  const named: Edit[] = [
    ...fixtureDefects(),
    ...Object.entries(LAB_MISTAKES).map(([name, m]) => ({ name: `lab: ${name}`, edit: withMistakes(m) })),
    ...Object.entries(MISTAKES).map(([name, edit]) => ({ name, edit: edit as Mutation })),
  ];
  const seen = new Set<string>();
  return named.filter((m) => {
    const flow = JSON.stringify([...fieldsOf(m.edit)].sort());
    if (seen.has(flow)) return false;
    seen.add(flow);
    return true;
  });
}

export const tolerated = (): Edit[] => Object.entries(TOLERATED).map(([name, edit]) => ({ name, edit: edit as Mutation }));

/** The solution with `edits` made, as export text. */
export function textOf(...edits: Edit[]): string {
  const flow = solution();
  for (const e of edits) e.edit(flow);
  return JSON.stringify(flow);
}

// ---------------------------------------------------------------------------------------------
// The laws
// ---------------------------------------------------------------------------------------------

export const earned = (report: GradeReport): number => report.score?.earned ?? 0;

/** The check a "Not judged" result names ("… (reported under “Title”)"), if any. */
export function reporterOf(report: GradeReport, check: CheckResult): CheckResult | undefined {
  const title = /\(reported under “(.+)”\)$/.exec(check.message)?.[1];
  return title === undefined ? undefined : report.checks.find((c) => c.title === title);
}

const judged = (c: CheckResult) => c.severity !== 'info';

/** Law (3) in `report`: each check not judged names one that failed in it. */
export function unjudgedWithoutCause(report: GradeReport): string[] {
  return report.checks
    .filter((c) => judged(c) && c.status === 'skipped' && reporterOf(report, c)?.status !== 'failed')
    .map((c) => `${c.id} not judged without naming a failed check: ${c.message}`);
}

/** Laws (1)–(3) for `both`, the report on mistakes A and B made together, beside each alone. */
export function violations(both: GradeReport, alone: GradeReport[]): string[] {
  const out: string[] = [];
  const least = Math.min(...alone.map(earned));
  if (earned(both) > least) out.push(`(1) ${earned(both)} points, more than ${least} with one of the mistakes alone`);
  for (const one of alone) {
    for (const c of one.checks.filter((x) => x.status === 'failed')) {
      const now = both.checks.find((x) => x.id === c.id);
      if (!now) {
        out.push(`(2) ${c.id} fails with one mistake alone, is not in the report beside the other (${both.verdict}${both.error ? `: ${both.error.message}` : ''})`);
        continue;
      }
      if (now.status === 'failed' || (now.status === 'skipped' && reporterOf(both, now)?.status === 'failed')) continue;
      out.push(`(2) ${c.id} fails with one mistake alone, is ${now.status} beside the other: ${now.message}`);
    }
  }
  out.push(...unjudgedWithoutCause(both).map((v) => `(3) ${v}`));
  out.push(...both.checks.filter((c) => c.status === 'errored').map((c) => `errored: ${c.id}: ${c.message}`));
  return out;
}

/** A small seeded generator (mulberry32), so that a sample is the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
