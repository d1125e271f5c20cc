import { defineCheck } from '../../engine/check.js';
import { HAPPY_PATH, stageOutcome } from './lib/happy-path.js';

export default defineCheck({
  id: 'run-get-cbid-fills-variables',
  title: 'Simulated call: GET_CBID fills outdialcbid and customani from DynVars',
  step: 4,
  points: 3,
  severity: 'required',
  scenario: HAPPY_PATH,
  hint: 'In the Debug tool, GET_CBID → Modified Variables must show outdialcbid (your outdial entry point ID) and customani (+14085267209). Check the GET_CBID Request URL and its Parsing Settings.',
  description: [
    'Behaviour (Testing step 6), on the `happy-path` call: GET_CBID asks the mocked MockAPI DynVars resource',
    'for the dialled number, gets HTTP 200, and its Parsing Settings leave `outdialcbid` = the record\'s',
    '`outboundcallbackep` and `customani` = its `tacnumber`.',
    '',
    'The record is the DynVars record of the DNIS the scenario dials (`--dnis`, default +14694096861,',
    'dn = the DNIS without `+1`). A wrong host (the request fails: nothing answers it) or path (HTTP 404)',
    'shows here as a failed request; a dn with the `+1`, a path without `[0]`, swapped rows or parsing left',
    'on "Select" as wrong or empty values; each with the GET_CBID trace entry (request and response) as',
    'evidence.',
    '',
    'The hint names the setting at fault when the run shows it: the Method for a request that is not a',
    'GET, Use Authenticated Endpoint when it is on, the Request URL for a request nothing answers, a 404',
    'or an answer without a record (the dn is not the dialled number\'s), else the Parsing Settings.',
    '',
    'Tolerances: `customANI` where the whole flow uses the January 2025 spelling.',
  ].join('\n'),
  run: (ctx) => stageOutcome(ctx, 'get-cbid-variables', 'GET_CBID got the DynVars record and filled outdialcbid and customani'),
});
