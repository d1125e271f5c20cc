/** What the mocks record while a flow runs. */
export interface AcceptedTask {
  /** The new task id the mock answered. */
  id: string;
  url: string;
  body: Record<string, unknown>;
}

export interface SeenRequest {
  /** The mocked service that answered. */
  service: 'dynvars' | 'tasks-api' | 'webhook-site';
  method: string;
  url: string;
  /** Status the mock answered; null for a simulated timeout. */
  status: number | null;
}
