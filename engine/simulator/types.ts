/**
 * Public types of the simulator: the scenario (what the caller does), the options (services,
 * clock, limits) and the services contract the HTTP Request activity sends through.
 */
import type { RequestHandler } from 'msw';

/** Contact data a NewPhoneContact start node exposes as `NewPhoneContact.<field>`. */
export interface ContactData {
  ANI: string;
  DNIS: string;
  InteractionID: string;
  OrgId: string;
  EntryPointId?: string;
  [k: string]: string | undefined;
}

export type BusinessHoursState = 'working' | 'closed' | 'holiday' | 'override';

/** What the caller and the tenant do during one simulated call. */
export interface Scenario {
  /** Overrides of the default contact data (ANI +14085551234, DNIS +14694096861, fixed ids). */
  contact?: Partial<ContactData>;
  /**
   * DTMF answers per ivr-menu / ivr-collectdigits LABEL, e.g. `{ WantCallback: '3' }`.
   * A string answers every visit; a list gives successive answers on successive visits, and a
   * visit after the list is used up gets no input (`timeout`). `''` is no input as well.
   */
  dtmf?: Record<string, string | string[]>;
  /** Default false: Queue Contact keeps the caller in queue and the flow goes on down `default`. */
  agentsAvailable?: boolean;
  /** Which Business Hours exit is taken; default 'working'. */
  businessHours?: BusinessHoursState;
  /**
   * For a subflow: what its calling flow maps into its inputs (SUBFLOW_INPUT variables), by name,
   * as text converted to each one's type when the subflow starts. An input not given keeps its
   * default, and the summary names it; a name that is no input is ignored.
   */
  subflowInputs?: Record<string, string>;
}

/**
 * The services the simulator talks to. `createMockServices()` (mocks/index.ts) returns an object
 * of this shape; anything structurally equal works (tests use small fakes).
 */
export interface SimulatorServices {
  /** MSW handlers. Requests go ONLY through `getResponse(handlers, request)`; nothing reaches the network. */
  handlers: RequestHandler[];
  /** Base URL (scheme + host, optional path) of a Flow Designer connector, by connector name (`WxCC_API`). */
  connectorBaseUrl(name: string): string;
  /** Token an authenticated endpoint sends as `Authorization: Bearer <token>`. */
  bearerToken: string;
}

export interface SimulationOptions {
  /** Fresh per run (`createMockServices()`). */
  services: SimulatorServices;
  /** Clock for `now()` in expressions; default a fixed 2025-01-01T00:00:00Z. */
  now?: () => Date;
  /** Id generator (callback records); default a deterministic counter `sim-id-1`, `sim-id-2`, … */
  newId?: () => string;
  /** Activity executions allowed in one run, main flow and handler together; default 500. */
  maxSteps?: number;
  /** Executions allowed per activity; default 25. */
  maxVisitsPerActivity?: number;
  /**
   * Whether the start node's contact data is read ignoring case (`{{NewPhoneContact.ani}}` is the
   * ANI, as in Cisco's own flows: engine/contact-fields.ts). Default true.
   */
  contactFieldsIgnoreCase?: boolean;
  /**
   * Whether the caller is still connected when OnGlobalError runs. Default false, as in the lab
   * ("the call leg is no longer active"): media and queue activities in the handler then fail
   * with "no caller". Set true for flows that treat OnGlobalError as a safety net for a live call.
   */
  callerConnectedInErrorHandler?: boolean;
}

export type { CallbackRecord } from '../trace.js';
