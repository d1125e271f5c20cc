/**
 * Mission "Callback on Global Error" (TS-2025 Callback track, Mission 3): its Build steps, the
 * simulated scenarios, and every check in Build-step order. Each check is one file named after
 * its id; shared helpers live in ./lib. Points: the required checks add up to 100; recommended
 * checks add a few extra points; info checks (steps 10–13) earn none.
 */
import type { Mission, MissionSettings, ScenarioDefinition } from '../../engine/check.js';
import type { FlowModel } from '../../engine/model.js';
import type { Scenario } from '../../engine/simulator/index.js';
import { answersOnTheWay } from './lib/caller-answers.js';
import { missionNodes } from './lib/find.js';
import { withFlowLabels } from './lib/flow-labels.js';
import { withVisibleText } from './lib/visible-text.js';
import { LABELS } from './lib/names.js';
import { expectedRecord } from './lib/record.js';
import flowName from './flow-name.js';
import getCbidLabel from './get-cbid-label.js';
import setGetResultLabel from './set-get-result-label.js';
import simulateErrorLabel from './simulate-error-label.js';
import callbackApiLabel from './callback-api-label.js';
import statusConditionLabel from './status-condition-label.js';
import variableOutdialcbid from './variable-outdialcbid.js';
import variableCustomani from './variable-customani.js';
import variableGetresult from './variable-getresult.js';
import variableSimulatederror from './variable-simulatederror.js';
import wantCallbackOption3 from './want-callback-option3.js';
import wantCallbackOption3Description from './want-callback-option3-description.js';
import wantCallbackPromptOption3 from './want-callback-prompt-option3.js';
import wantCallbackOption1Regression from './want-callback-option1-regression.js';
import wantCallbackOption2Regression from './want-callback-option2-regression.js';
import getCbidAfterOption3 from './get-cbid-after-option3.js';
import getCbidUnauthenticated from './get-cbid-unauthenticated.js';
import getCbidMethod from './get-cbid-method.js';
import getCbidUrl from './get-cbid-url.js';
import getCbidContentType from './get-cbid-content-type.js';
import getCbidParseJson from './get-cbid-parse-json.js';
import getCbidParsePaths from './get-cbid-parse-paths.js';
import runOption3ReachesGetCbid from './run-option3-reaches-get-cbid.js';
import runGetCbidFillsVariables from './run-get-cbid-fills-variables.js';
import setGetResultAfterGetCbid from './set-get-result-after-get-cbid.js';
import setGetResultValue from './set-get-result-value.js';
import runGetresultHoldsBody from './run-getresult-holds-body.js';
import simulateErrorAfterSetGetResult from './simulate-error-after-set-get-result.js';
import simulateErrorValueFails from './simulate-error-value-fails.js';
import simulateErrorExitUnlinked from './simulate-error-exit-unlinked.js';
import simulateErrorToDisconnect from './simulate-error-to-disconnect.js';
import runGlobalErrorRaised from './run-global-error-raised.js';
import globalErrorNotToEndflow from './global-error-not-to-endflow.js';
import callbackApiAfterGlobalError from './callback-api-after-global-error.js';
import callbackApiAuthenticated from './callback-api-authenticated.js';
import callbackApiMethod from './callback-api-method.js';
import callbackApiPath from './callback-api-path.js';
import callbackApiContentType from './callback-api-content-type.js';
import callbackApiBody from './callback-api-body.js';
import runTaskCreated from './run-task-created.js';
import statusConditionAfterCallbackApi from './status-condition-after-callback-api.js';
import statusConditionExpression from './status-condition-expression.js';
import statusConditionExitsToEndflow from './status-condition-exits-to-endflow.js';
import runStatusTrueOn201 from './run-status-true-on-201.js';
import runStatusFalseOn400 from './run-status-false-on-400.js';
import runStatusFalseOn500 from './run-status-false-on-500.js';
import flowPublishedLatest from './flow-published-latest.js';
import channelRoutesToFlow from './channel-routes-to-flow.js';

const MISSION_ID = 'callback-on-global-error';

/** Build steps 1–13 of the guide, in short. */
const STEPS: Record<number, string> = {
  1: 'Open Main_Flow_<ID> in Flow Designer with Edit on',
  2: 'Add the flow variables outdialcbid, customani, getresult and simulatederror',
  3: 'WantCallback: add option 3 "Simulate an error" and offer it in the prompt',
  4: 'Add the HTTP Request GET_CBID (MockAPI DynVars) after option 3',
  5: 'Add the Set Variable SetGetResult: getresult = GET_CBID.httpResponseBody',
  6: 'Add SimulateGlobalError ({{ ANI | 123}}) and a Disconnect Contact',
  7: 'Event Flows: delete the OnGlobalError → EndFlow connection',
  8: 'Add the Create Task request CallBackAPI_HTTPRequest (WxCC_API, POST /v1/tasks)',
  9: 'Add the Condition HTTPStatusCode (== 201), True and False to EndFlow',
  10: 'Validate, publish and select the Latest version',
  11: 'Control Hub: Customer Experience → Channels',
  12: 'Open <ID>_Channel',
  13: 'Entry Point: Routing Flow Main_Flow_<ID>, Version Label Latest',
};

/**
 * The call every scenario makes: the lab number, no agent available, the caller presses 3 at the
 * callback menu — the flow's own, found as the checks find it (`WantCallBack` in the 2026 guide, a
 * default label, …), else the one labelled WantCallback — and, at any other Menu or Collect Digits
 * on the way, what leads on to it (or, after option 3, to GET_CBID): lib/caller-answers.ts.
 */
function pressThree(settings: Pick<MissionSettings, 'dnis'>, model: FlowModel | undefined): Scenario {
  const nodes = model && missionNodes(model);
  const menu = nodes?.wantCallback?.label ?? LABELS.wantCallback;
  const onTheWay = model && nodes ? answersOnTheWay(model, nodes) : {};
  return { contact: { DNIS: settings.dnis }, dtmf: { ...onTheWay, [menu]: '3' }, agentsAvailable: false, businessHours: 'working' };
}

function scenarios(settings: Pick<MissionSettings, 'dnis'>, model?: FlowModel): ScenarioDefinition[] {
  // One call for the three (the simulator only reads a scenario): its answers are worked out once.
  const call = pressThree(settings, model);
  return [
    { id: 'happy-path', title: 'The caller presses 3; Create Task answers 201 Created to a valid request', scenario: call },
    { id: 'tasks-400', title: 'The caller presses 3; Create Task answers 400 Bad Request', scenario: call, mocks: { tasks: { status: 400 } } },
    { id: 'tasks-500', title: 'The caller presses 3; Create Task answers 500 Internal Server Error', scenario: call, mocks: { tasks: { status: 500 } } },
  ];
}

export const mission: Mission = {
  id: MISSION_ID,
  title: 'Callback on Global Error',
  guide: 'https://github.com/WebexCC-SA/TS-2025/blob/main/docs/main/CallbackTrack_Mission3.md',
  flowName: 'Main_Flow_<Your_Attendee_ID>',
  steps: STEPS,
  defaultSettings: { dnis: '+14694096861' },
  docsNotes: [
    'When a call goes wrong, only the check of the stage where it went wrong fails; the checks of later stages are *skipped* (not judged, no points). Two exceptions, for a wrong value that some later stages do not read: a wrong value in `getresult`, which nothing later in the call reads, leaves all the later stages to be judged on their own (but the Create Task request and its 201 status when SetGetResult wrote `outdialcbid` or `customani` instead, which the request reads); GET_CBID leaving `outdialcbid` and `customani` unfilled (a wrong Parsing Setting, an answer other than 200) leaves SetGetResult, SimulateGlobalError and the error scenarios (HTTPStatusCode on 400 and 500) to be judged, and only the Create Task request and its 201 status, which read those variables, are not judged (none of them is when a variable GET_CBID fills is declared with a type the record\'s value does not fit, e.g. `outdialcbid` Integer, or when a parse row fails whatever the answer, e.g. one writing `customani` declared as `customANI`: GET_CBID would fail on the record, as with that mistake alone). A mission variable declared and used in another spelling (`CustomAni` declared, written by GET_CBID, and the guide\'s `customani` read nowhere in the flow) is the variable check\'s mistake alone: the checks of what writes or reads that name (GET_CBID\'s Parsing Settings, the stage where GET_CBID fills it, the Create Task body) are not judged, naming it; the call works as built, and its later stages are judged on what it did. Neither value spares what a Condition or Case on the way to the Create Task request keeps the call from when it reads that value and would go on with it right (one that goes on only when there is a callback number): the request, its 201 status and the error scenarios are then not judged, naming the check of the value gone wrong. A SimulateGlobalError that fails only at a row with no Variable selected yet (a Set Variable as Flow Designer adds it) raises a global error that is not the one of Build step 6: its simulated call\'s stage is not judged, naming `simulate-error-value-fails`, and the stages after OnGlobalError are judged on what it did.',
    "Each activity of the guide is found by its label (also in another case), else by its role in the flow (the HTTP Request after WantCallback's option 3, never one that logs to webhook.site nor one that calls another API of WxCC, such as Callback Mission 4's search, POST /search; the Set Variable writing getresult, else, none writing it, the Set Variable GET_CBID leads straight to, one not filled in yet, as SimulateGlobalError is the one after SetGetResult; …). One found by label that the call cannot reach (in the Event Flows: that OnGlobalError does not lead to), beside one in its role that it reaches, is a leftover of a step built again (Validate only recommends removing it): the activity the call runs is judged.",
  ],
  settingsProblem(settings) {
    if (expectedRecord(settings)) return undefined;
    return `the DynVars dataset has no record for dn ${settings.dnis.slice(2)} (the DNIS ${settings.dnis} as GET_CBID sends it) with outboundcallbackep and tacnumber: no flow's GET_CBID could fill outdialcbid and customani`;
  },
  scenarios,
  // In the guide's order within each Build step (Fix first is the first failing required check of the
  // first step that has one: the next thing the guide asks for).
  checks: [
    flowName,
    variableOutdialcbid,
    variableCustomani,
    variableGetresult,
    variableSimulatederror,
    wantCallbackOption3,
    wantCallbackOption3Description,
    wantCallbackPromptOption3,
    wantCallbackOption1Regression,
    wantCallbackOption2Regression,
    getCbidAfterOption3,
    getCbidLabel,
    getCbidUnauthenticated,
    getCbidUrl,
    getCbidMethod,
    getCbidContentType,
    getCbidParseJson,
    getCbidParsePaths,
    runOption3ReachesGetCbid,
    runGetCbidFillsVariables,
    setGetResultAfterGetCbid,
    setGetResultLabel,
    setGetResultValue,
    runGetresultHoldsBody,
    simulateErrorAfterSetGetResult,
    simulateErrorLabel,
    simulateErrorToDisconnect,
    simulateErrorExitUnlinked,
    simulateErrorValueFails,
    runGlobalErrorRaised,
    globalErrorNotToEndflow,
    callbackApiAfterGlobalError,
    callbackApiLabel,
    callbackApiAuthenticated,
    callbackApiPath,
    callbackApiMethod,
    callbackApiContentType,
    callbackApiBody,
    runTaskCreated,
    statusConditionAfterCallbackApi,
    statusConditionLabel,
    statusConditionExitsToEndflow,
    statusConditionExpression,
    runStatusTrueOn201,
    runStatusFalseOn400,
    runStatusFalseOn500,
    flowPublishedLatest,
    channelRoutesToFlow,
  ].map((check) => withVisibleText(withFlowLabels(check))),
};

export default mission;
