/** What the mocks record while a flow runs. */
export interface AcceptedTask {
  /** The new task id the mock answered. */
  id: string;
  url: string;
  body: Record<string, unknown>;
}

export interface SeenRequest {
  /**
   * The mocked service that answered: `tasks-api` for `/v1/tasks` of the WxCC API, `wxcc-api` for
   * any other path of its hosts, `mockapi` for MockAPI other than a GET of the DynVars list, `other`
   * for a host no mock knows (each answered 404: not mocked).
   */
  service: 'dynvars' | 'mockapi' | 'tasks-api' | 'wxcc-api' | 'webhook-site' | 'other';
  method: string;
  url: string;
  /** Status the mock answered; null for a simulated timeout. */
  status: number | null;
  /**
   * Set when the answer is the one the scenario forced (MockOptions `tasks`), not one the request
   * earned itself (a 400 for an Authorization header that is not "Bearer <token>" comes first).
   * Recorded here only: the answer the flow reads is the same either way.
   */
  forced?: true;
}
