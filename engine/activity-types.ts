/**
 * What the export format tells us about activity types and events
 * (`../shared/reference/flow-format.md` §3 exits table, §5 event catalogue).
 */

/** Fixed exits per activityName; menus and case statements add their `menuLinks`, a Percentage Allocation its `allocations`. */
const FIXED_EXITS: Record<string, readonly string[]> = {
  NewPhoneContact: ['out'],
  NewContact: ['out'],
  NewSubFlowStart: ['out'],
  event: ['out'],
  Event: ['out'],
  'play-message': ['default', 'error'],
  'play-music': ['default', 'error'],
  'ivr-menu': ['timeout', 'invalid', 'error'],
  'ivr-collectdigits': ['default', 'timeout', 'invalid', 'error'],
  'set-variable': ['out', 'error'],
  'condition-activity': ['true', 'false', 'error'],
  'case-statement': ['default', 'error'],
  'http-request-v2': ['default'],
  'queue-contact': ['default', 'failure'],
  callback: ['default', 'failure'],
  'start-media-stream': ['default', 'failure'],
  'screen-pop': ['default'],
  // The canvas ports of the public 2024-2025 templates (hnavilur/webex-contact-center-flows VariableFlow_Template,
  // PercentageAllocation_Template): Business Hours, GoTo (its only way out is Undefined Error), Percentage Allocation.
  'business-hours': ['workingHours', 'holidays', 'override', 'default', 'error'],
  'hand-off': ['error'],
  'percent-allocation': ['error'],
  // Bridged_Transfer_Template's Bridged Transfer; the Wait of BYO_Custom_Messaging_Template (same repository).
  'bridged-transfer': ['default', 'failure'],
  'wait-activity': ['default', 'error'],
  // LastAgentRouting_Template's Queue To Agent (same repository).
  'queue-to-agent': ['default', 'error'],
  // Recording_Template's Record (same repository): its ports name the No-Input Timeout and Undefined Error exits in full.
  record: ['default', 'noInputTimeout', 'undefinedErrors'],
  // The Virtual Agent (Dialogflow CX, Webex AI Agent autonomous and scripted): no default port.
  'ivr-virtualassistantvoice': ['ENDED', 'ESCALATE', 'error'],
  // The first Virtual Agent (Dialogflow ES; WebexSamples/webex-contact-center-api-samples CCAI_Flow_DialogFlowES,
  // shaurobi/wxccflowsamples Cars_Export): the same ports. Get Queue Info (the same repository's CJDS02_Voice) and
  // Feedback, a post-call survey (shaurobi/wxccflowsamples).
  'ivr-virtualassistant': ['ENDED', 'ESCALATE', 'error'],
  'queue-lookup': ['default', 'insufficientdata', 'failure'],
  'Feedback-V2': ['default', 'error'],
  // BYO_Custom_Messaging_Template's Send Message (a digital channel).
  SendCustomMessage: ['default', 'error'],
  // The canvas ports of a 2026 export (WebexSamples payment-ai-agent-scripted-flow-template): a subflow call, a Parse activity.
  'subflow-handoff': ['default', 'error'],
  'parse-activity': ['default'],
  'disconnect-contact': [],
  'blind-transfer': [],
  SetCallerID: [],
  end: [],
  'end-subflow': [],
};

/** Every activity type whose exits are known (the reports give each its palette name). */
export function knownActivityTypes(): string[] {
  return Object.keys(FIXED_EXITS);
}

/** Types with an exit per option besides their fixed ones, and the property listing the option keys. */
const OPTION_KEYS: Record<string, string> = { 'ivr-menu': 'menuLinks', 'case-statement': 'menuLinks', 'percent-allocation': 'allocations' };

/** Exits the Flow Designer canvas (and the hints, the drawings) names differently from the export. */
const CANVAS_EXITS: Record<string, string> = {
  true: 'True',
  false: 'False',
  error: 'Undefined Error',
  timeout: 'No-Input Timeout',
  invalid: 'Unmatched Entry',
  // Record's own names of the same two exits.
  undefinedErrors: 'Undefined Error',
  noInputTimeout: 'No-Input Timeout',
};

/** Activity types as Flow Designer's palette names them (reports, drawings, the checks' messages). */
const TYPE_NAMES: Record<string, string> = {
  NewPhoneContact: 'New Phone Contact',
  NewContact: 'New Contact',
  NewSubFlowStart: 'Subflow Start',
  event: 'Event',
  Event: 'Event',
  'play-message': 'Play Message',
  'play-music': 'Play Music',
  'ivr-menu': 'Menu',
  'ivr-collectdigits': 'Collect Digits',
  'set-variable': 'Set Variable',
  'condition-activity': 'Condition',
  'case-statement': 'Case',
  'http-request-v2': 'HTTP Request',
  'queue-contact': 'Queue Contact',
  callback: 'Callback',
  'business-hours': 'Business Hours',
  'percent-allocation': 'Percentage Allocation',
  'hand-off': 'GoTo',
  'subflow-handoff': 'Subflow',
  'parse-activity': 'Parse',
  'bridged-transfer': 'Bridged Transfer',
  'queue-to-agent': 'Queue To Agent',
  'wait-activity': 'Wait',
  record: 'Record',
  'ivr-virtualassistantvoice': 'Virtual Agent V2',
  'ivr-virtualassistant': 'Virtual Agent',
  'queue-lookup': 'Get Queue Info',
  'Feedback-V2': 'Feedback',
  SendCustomMessage: 'Send Message',
  'start-media-stream': 'Start Media Stream',
  'screen-pop': 'Screen Pop',
  'disconnect-contact': 'Disconnect Contact',
  'blind-transfer': 'Blind Transfer',
  SetCallerID: 'Set Caller ID',
  end: 'End Flow',
  'end-subflow': 'End Subflow',
};

/** `http-request-v2` → `HTTP Request`; unknown types as exported. */
export function activityTypeName(type: string): string {
  return Object.hasOwn(TYPE_NAMES, type) ? TYPE_NAMES[type] : type;
}

/** An exit (or a trace outcome) as the canvas names it; others as they are (`3`, `out`, `end`). */
export function exitName(exit: string): string {
  return Object.hasOwn(CANVAS_EXITS, exit) ? CANVAS_EXITS[exit] : exit;
}

/** An exit the canvas names in words (Undefined Error, True, …), not a menu digit or the single way out. */
export function isNamedExit(exit: string): boolean {
  return Object.hasOwn(CANVAS_EXITS, exit);
}

/** The exits an activity of this type has, or null when the format does not tell. */
export function knownExitsOf(type: string, props: Record<string, unknown>): string[] | null {
  const fixed = Object.hasOwn(FIXED_EXITS, type) ? FIXED_EXITS[type] : undefined;
  if (!fixed) return null;
  if (type === 'queue-contact' && isDigitalChannel(props)) return ['default'];
  if (!Object.hasOwn(OPTION_KEYS, type)) return [...fixed];
  return [...optionKeys(props[OPTION_KEYS[type]]), ...fixed];
}

/**
 * A Queue Contact of a digital channel: its `channelType` is given and not TELEPHONY (2026 voice
 * exports write TELEPHONY). Its canvas has no failure port (BYO_Custom_Messaging_Template, CUSTOM_MESSAGING).
 */
function isDigitalChannel(props: Record<string, unknown>): boolean {
  return typeof props.channelType === 'string' && props.channelType !== '' && props.channelType !== 'TELEPHONY';
}

/**
 * A Menu's or a Case's option keys (`menuLinks`), exactly as written: the simulator matches a key
 * press against them so (a Digit Number ` 3`, which Flow Designer's dropdown cannot make but an
 * edited export can, is no option 3 to a caller pressing 3), and the checks judge the same keys.
 */
export function menuKeys(activity: { props: Record<string, unknown> }): string[] {
  return optionKeys(activity.props.menuLinks);
}

/**
 * Option keys (`menuLinks`, a Percentage Allocation's `allocations`): scalars as text, anything
 * else ''; [] when they are no list. The one reader of them, for the simulator and the checks.
 */
export function optionKeys(keys: unknown): string[] {
  if (!Array.isArray(keys)) return [];
  return keys.map((key: unknown) => (typeof key === 'string' ? key : typeof key === 'number' || typeof key === 'boolean' ? String(key) : ''));
}

interface EventSpec {
  /** eventSpecificationName as exported. */
  name: string;
  /** The name the Flow Designer UI shows. */
  display: string;
}

/** GLOBAL_EVENTS catalogue, identical across orgs. */
export const EVENT_CATALOGUE: readonly EventSpec[] = [
  { name: 'GlobalErrorHandling', display: 'OnGlobalError' },
  { name: 'AgentOfferContact', display: 'AgentOffered' },
  { name: 'AgentContactAssigned', display: 'AgentAnswered' },
  { name: 'ContactEnded', display: 'PhoneContactEnded' },
  { name: 'FCAsk(ContactLastAgentRemoved)', display: 'AgentDisconnected' },
  { name: 'ContactPredial', display: 'PreDial' },
  { name: 'ContactOutboundCampaignResult', display: 'OutboundCampaignCallResult' },
  { name: 'ContactCallbackFailed', display: 'CallbackFailed' },
  // The newer events show their specification names (displayName and event in a 2026 export).
  { name: 'ContactAniUpdated', display: 'ContactAniUpdated' },
  { name: 'ContactReservationStarted', display: 'ContactReservationStarted' },
];

/** The catalogue entry for an event, by either of its names. */
export function eventSpec(nameOrDisplay: string): EventSpec | undefined {
  return EVENT_CATALOGUE.find((e) => e.name === nameOrDisplay || e.display === nameOrDisplay);
}

/**
 * Types that start a graph. `NewContact` is the start node of the 2026 exports (its `event` names the
 * channel's start event, `NewPhoneContact` for a voice flow); earlier exports call it `NewPhoneContact`.
 */
export const START_TYPES = new Set(['NewPhoneContact', 'NewContact', 'NewSubFlowStart']);
