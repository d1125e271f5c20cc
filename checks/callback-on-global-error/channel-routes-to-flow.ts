import { defineCheck } from '../../engine/check.js';
import { info } from './lib/outcome.js';

export default defineCheck({
  id: 'channel-routes-to-flow',
  title: 'Your channel routes to Main_Flow_<ID>, version Latest',
  step: 13,
  points: 0,
  severity: 'info',
  hint: 'Control Hub → Customer Experience → Channels → <Your_Attendee_ID>_Channel → Entry Point settings: Routing Flow Main_Flow_<Your_Attendee_ID>, Version Label Latest → Save.',
  description: [
    'Build steps 11–13 happen in Control Hub: open the channel **<Your_Attendee_ID>_Channel** and, under',
    '**Entry Point** settings, set Routing Flow **Main_Flow_<Your_Attendee_ID>** and Version Label **Latest**.',
    'Other missions (API track, AI track, the Final Challenge) map the channel to their own flows, so this',
    'step is easy to forget.',
    '',
    'Not checkable from an export: the channel mapping lives in Control Hub, not in the flow. This check is',
    'shown for information, earns no points and never counts as passed.',
  ].join('\n'),
  run() {
    return info('Not checkable from an export: check in Control Hub that your channel uses Main_Flow_<ID> with the Latest label');
  },
});
