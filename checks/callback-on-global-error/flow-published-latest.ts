import { defineCheck } from '../../engine/check.js';
import { info } from './lib/outcome.js';

export default defineCheck({
  id: 'flow-published-latest',
  title: 'Validate and publish the flow with the Latest label',
  step: 10,
  points: 0,
  severity: 'info',
  hint: 'In Flow Designer click Validate, fix any errors, then Publish and select the Latest version label.',
  description: [
    'Build step 10 validates the flow and publishes it with the **Latest** version label.',
    '',
    'Not checkable from an export: the export is the flow being edited and does not say whether that version',
    'was validated or which label was published. This check is shown for information, earns no points and',
    'never counts as passed.',
  ].join('\n'),
  run() {
    return info('Not checkable from an export: validate the flow, then publish it and select the Latest label');
  },
});
