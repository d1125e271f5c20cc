/**
 * JSON files that are not flow exports but sit beside one (a lab's downloads, a tester's tools,
 * our own reports), told apart by their shape so that a refusal says which file was picked.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const EXPORT_THE_FLOW = 'export the flow from Flow Designer (Flows → your flow → Export)';

/** What the object (parsed JSON without "process") is, as the refusal says it; undefined when it is none of these. */
export function otherFileMessage(object: Json): string | undefined {
  if (isPostmanCollection(object)) return 'this is a Postman collection, not a Flow Designer export';
  if (isFlowgradeRunRecord(object)) return 'this is the record of a flowgrade grade run (flowgrade-run.json, which flowgrade merge reads), not a Flow Designer export';
  if (isFlowgradeReport(object)) return 'this is a flowgrade report, not a Flow Designer export: grade the export it was made from';
  if (isDesktopLayout(object)) return `this is a Desktop Layout, not a Flow Designer export: ${EXPORT_THE_FLOW}`;
  if (isAiAgentExport(object)) return 'this is a Webex AI Agent export, not a Flow Designer export: export the flow that calls the agent from Flow Designer (Flows → your flow → Export)';
  return undefined;
}

/** What the array (parsed JSON) is, as the refusal says it; undefined when it is none of these. */
export function otherArrayMessage(array: readonly unknown[]): string | undefined {
  if (isDynVarsDataset(array)) return `this is a MockAPI DynVars dataset (records with "dn"), not a Flow Designer export: ${EXPORT_THE_FLOW}`;
  return undefined;
}

/** The lab's MockAPI DynVars resource as downloaded (mocks/data/dynvars.json): records each with its `dn`. */
function isDynVarsDataset(array: readonly unknown[]): boolean {
  return array.length > 0 && array.every((record) => isObject(record) && 'dn' in record);
}

function isPostmanCollection(object: Json): boolean {
  const info = object.info;
  return Array.isArray(object.item) || (isObject(info) && ('_postman_id' in info || 'schema' in info));
}

/** A report of ours (`<attendee>.json`, or `check --format json`), as attendees send them to instructors. */
function isFlowgradeReport(object: Json): boolean {
  return isObject(object.tool) && object.tool.name === 'flowgrade' && 'schemaVersion' in object;
}

/**
 * The record `grade` writes beside the reports (flowgrade-run.json, cli/grade/run-record.ts): no
 * report, made from no one export. Told by its shape (the part of the class, its attendees), not
 * by its `kind`, a text the grading thread and the page are kept free of (worker-bundle.test.ts).
 */
function isFlowgradeRunRecord(object: Json): boolean {
  return isFlowgradeReport(object) && isObject(object.part) && Array.isArray(object.attendees);
}

/**
 * A Desktop Layout: its current form has a layout per role (`agent`, `supervisor`,
 * `supervisorAgent`), its older form is one layout (`appTitle` and the `area` of widgets).
 */
function isDesktopLayout(object: Json): boolean {
  return (isObject(object.agent) && (isObject(object.supervisor) || isObject(object.supervisorAgent))) || (typeof object.appTitle === 'string' && isObject(object.area));
}

/** A Webex AI Agent (AI Agent Studio) export: `bot_type` and the agent's `configuration`. */
function isAiAgentExport(object: Json): boolean {
  return typeof object.bot_type === 'string' && isObject(object.configuration);
}
