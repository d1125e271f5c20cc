/**
 * Flow Designer connectors (`WxCC_API` or any other name) supply a base URL and a bearer token.
 * Every name maps to the US1 WxCC API host unless configured otherwise.
 */
export const REGIONAL_TASK_BASES = ['us1', 'eu1', 'eu2', 'anz1', 'ca1', 'jp1', 'sg1'].map((dc) => `https://api.wxcc-${dc}.cisco.com`);

const DEFAULT_CONNECTOR_BASE = 'https://api.wxcc-us1.cisco.com';

/** The fake token every connector sends; the Tasks API mock accepts only this one. */
export const MOCK_BEARER_TOKEN = 'flowgrade-mock-token';

export function connectorResolver(connectors: Record<string, string> = {}): (name: string) => string {
  const byName = new Map(Object.entries(connectors));
  return (name) => byName.get(name) ?? DEFAULT_CONNECTOR_BASE;
}
