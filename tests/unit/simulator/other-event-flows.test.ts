/**
 * Event flows other than OnGlobalError are not run, but a call that raises one whose handler does
 * more than End Flow says so in its summary: an agent connected (AgentOffered, AgentAnswered), a
 * contact that ended (PhoneContactEnded).
 */
import { test, expect } from '@playwright/test';
import { simulate } from '../../../engine/simulator/index.js';
import { buildFlow, disconnect, endFlow, fakeServices, httpRequest, type FlowSpec, type Node } from './helpers.js';

const event = (name: string, display: string): Node => ({ label: name, type: 'event', props: { event: display, displayName: display } });
const queue: Node = { label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } };
const screenPop: Node = { label: 'ScreenPop_sd8', type: 'screen-pop' };
const notify = httpRequest('NotifyCRM', { httpRequestUrl: 'https://crm.example.test/ended' });

/** The lab template's event flows: AgentOffered → End Flow, AgentAnswered → Screen Pop → End Flow, PhoneContactEnded → `ended`. */
function flow(main: Pick<FlowSpec, 'main' | 'links'>, ended: Node[] = [endFlow('EndFlow_uif')]): FlowSpec {
  return {
    ...main,
    events: [
      event('AgentOfferContact', 'AgentOffered'),
      endFlow('EndFlow_m29'),
      event('AgentContactAssigned', 'AgentAnswered'),
      screenPop,
      endFlow('EndFlow_yvg'),
      event('ContactEnded', 'PhoneContactEnded'),
      ...ended,
    ],
    eventLinks: [
      ['AgentOfferContact', 'out', 'EndFlow_m29'],
      ['AgentContactAssigned', 'out', 'ScreenPop_sd8'],
      ['ScreenPop_sd8', 'default', 'EndFlow_yvg'],
      ['ContactEnded', 'out', ended[0].label],
      ...(ended.length > 1 ? ([[ended[0].label, 'default', ended[1].label]] as [string, string, string][]) : []),
    ],
  };
}

test.describe('event flows other than OnGlobalError', () => {
  test('an agent connected: the AgentAnswered event flow it raises is named as not simulated (AgentOffered, which only ends, is not)', async () => {
    const model = buildFlow(flow({ main: [queue], links: [['NewPhoneContact', 'out', 'Queue']] }));
    const result = await simulate(model, { agentsAvailable: true }, { services: fakeServices() });
    expect([result.status, result.summary]).toEqual(['completed', 'connected to an agent at Queue; not simulated: the AgentAnswered event flow this raises (ScreenPop_sd8)']);
    expect(result.trace.every((e) => e.flow === 'main')).toBe(true);
  });

  test('a caller disconnected: a PhoneContactEnded event flow that does more than End Flow is named; one that only ends is not', async () => {
    const main = { main: [disconnect()], links: [['NewPhoneContact', 'out', 'Disconnect']] as [string, string, string][] };
    const onlyEnds = await simulate(buildFlow(flow(main)), {}, { services: fakeServices() });
    expect(onlyEnds.summary).toBe('caller disconnected at Disconnect');
    const notifies = await simulate(buildFlow(flow(main, [notify, endFlow('EndFlow_uif')])), {}, { services: fakeServices() });
    expect([notifies.status, notifies.summary]).toEqual(['completed', 'caller disconnected at Disconnect; not simulated: the PhoneContactEnded event flow this raises (NotifyCRM)']);
  });

  test('an event flow of more than three activities is named by its first three and …', async () => {
    const main = { main: [disconnect()], links: [['NewPhoneContact', 'out', 'Disconnect']] as [string, string, string][] };
    const steps = ['Notify1', 'Notify2', 'Notify3', 'Notify4'].map((label) => httpRequest(label, { httpRequestUrl: 'https://crm.example.test/ended' }));
    const chain = (count: number): FlowSpec => {
      const used = steps.slice(0, count);
      return {
        ...main,
        events: [event('ContactEnded', 'PhoneContactEnded'), ...used, endFlow('EndFlow_uif')],
        eventLinks: [['ContactEnded', 'out', 'Notify1'], ...used.map(({ label }, i): [string, string, string] => [label, 'default', used[i + 1]?.label ?? 'EndFlow_uif'])],
      };
    };
    const four = await simulate(buildFlow(chain(4)), {}, { services: fakeServices() });
    expect(four.summary).toBe('caller disconnected at Disconnect; not simulated: the PhoneContactEnded event flow this raises (Notify1, Notify2, Notify3, …)');
    const three = await simulate(buildFlow(chain(3)), {}, { services: fakeServices() });
    expect(three.summary).toBe('caller disconnected at Disconnect; not simulated: the PhoneContactEnded event flow this raises (Notify1, Notify2, Notify3)');
  });

  test('a caller still on the line raises neither: End Flow in the main flow, or a wait in queue', async () => {
    const spec = flow({ main: [endFlow('EndFlow_main')], links: [['NewPhoneContact', 'out', 'EndFlow_main']] }, [notify, endFlow('EndFlow_uif')]);
    const result = await simulate(buildFlow(spec), {}, { services: fakeServices() });
    expect(result.summary).toBe('ended at EndFlow_main');
  });
});
