/**
 * The flow model: one typed, trustworthy view of a Flow Designer export, whatever its format
 * generation. Built by `loader.ts`; read by the simulator, the checks and the reporters.
 * Pure data (JSON-serialisable), no Node built-ins.
 */

/** Where a graph lives: the main flow, or the GLOBAL_EVENTS event-flow graph. */
export type GraphKind = 'main' | 'events';

export interface Position {
  x: number;
  y: number;
}

export interface Activity {
  /** The activity's UUID (the key in `process.activities`). */
  id: string;
  /** The label the attendee typed (`name`, else `properties.name`, else the id: never taken from an empty one), e.g. `GET_CBID`. */
  label: string;
  /**
   * `properties.activityName` (`http-request-v2`, `set-variable`, `ivr-menu`, …); event nodes
   * without one are `event`; an activity with neither is `unknown`.
   */
  type: string;
  /** Coarse `group` from the export (`action`, `enum-gateway`, `event`, …), or '' when absent. */
  group: string;
  /** Canonical properties: plain keys win over their `x:name` / `x_name` / `x:type` UI copies. */
  props: Record<string, unknown>;
  /**
   * The UI's display copies, normalised to `key:suffix` (the colon form wins over `key_suffix`):
   * `connectorId:name` → 'WxCC_API', `destination:name` → 'Q_140', `menuLinks:input` → option labels.
   */
  ui: Record<string, unknown>;
  /** RFC 6901 JSON pointer of this activity in the export file (inside `flow` for template bodies). */
  pointer: string;
  /** Exits that are linked: conditionExpr → target activity id (one link each: a second one makes the export invalid-flow). */
  exits: Record<string, string>;
  /** The exits this activity type has (from the format table), or null when not known. */
  knownExits: string[] | null;
  /** knownExits minus the linked ones ([] when knownExits is null). */
  unlinkedExits: string[];
  /** Links arriving here. */
  incoming: { from: string; exit: string }[];
  /** Reachable from the graph's entry (start node for main; any event node for events). */
  reachable: boolean;
  /** Canvas position from `diagram` — for drawing only, never semantics (it can be stale). */
  position?: Position;
  /** For event nodes: the event specification name (`GlobalErrorHandling`) and display (`OnGlobalError`). */
  event?: { name: string; display: string };
}

export interface Link {
  id: string;
  from: string;
  to: string;
  exit: string;
  pointer: string;
}

export interface FlowGraph {
  kind: GraphKind;
  /** Activities in export order. */
  activities: Activity[];
  links: Link[];
  /** Entry activity id: the start node (main) — undefined when missing. */
  start?: string;
  /** JSON pointer of this graph's `process`. */
  pointer: string;
}

export interface EventHandler {
  /** Event specification name as exported (`GlobalErrorHandling`, `AgentContactAssigned`, …). */
  name: string;
  /** Name the UI shows (`OnGlobalError`, `AgentAnswered`, …). */
  display: string;
  /** The event node's activity id in the events graph. */
  nodeId: string;
  /** Target of the event node's `out` link, when linked. */
  target?: string;
  /** Activity ids reachable from this event node (excluding the node itself). */
  reaches: string[];
}

type VariableType = 'STRING' | 'INTEGER' | 'BOOLEAN' | 'DECIMAL' | 'DATETIME' | 'JSON' | string;

export interface Variable {
  name: string;
  type: VariableType;
  /** The default value as exported (always a string or null). */
  rawDefault: string | null;
  /** The default parsed by type: "0" → 0, "false" → false, "{}" → {}, "null"/null → null, "" → "" (STRING). */
  defaultValue: unknown;
  /** '' (flow-local), 'GLOBAL', 'SUBFLOW_INPUT', 'SUBFLOW_OUTPUT', … */
  source: string;
  pointer: string;
}

type FindingCode =
  | 'link-to-missing-activity'
  | 'link-from-missing-activity'
  | 'duplicate-exit-link'
  | 'duplicate-label'
  | 'duplicate-variable'
  | 'unknown-exit'
  | 'missing-start'
  | 'second-start'
  | 'default-unparseable';

/** A problem inside a readable flow: reported, never thrown (the loader refuses a flow with a duplicate-exit-link or duplicate-variable). */
export interface Finding {
  code: FindingCode;
  message: string;
  pointer: string;
  graph?: GraphKind;
  activity?: string;
}

export type FormatGeneration = '2024' | '2025' | '2025-graphql' | '2026';

export interface AttendeeId {
  id: string;
  /** Where the id came from. */
  source: 'option' | 'flow-name' | 'file-name' | 'unknown';
}

export interface FlowModel {
  name: string;
  flowType: 'FLOW' | 'SUBFLOW';
  /** Version id (24 hex) and flow id, when present. */
  versionId?: string;
  flowId?: string;
  /** The version counter (`version`), written as a number or as digits; absent when it is neither. */
  version?: number;
  lastModifiedDate?: string;
  /** Best guess of the export generation (for information only). */
  generation: FormatGeneration;
  /** True when the file was a flow-template upload body whose `flow` field held the export. */
  templateBody: boolean;
  attendee: AttendeeId;
  variables: Variable[];
  main: FlowGraph;
  events: FlowGraph;
  handlers: EventHandler[];
  findings: Finding[];
}
