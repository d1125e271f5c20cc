/**
 * Failures read as an attendee reads them: each message and hint names what is really wrong and
 * the change that mends it, and a failure caused by another check's mistake points to it.
 */
import { test, expect } from '@playwright/test';
import { MISTAKES } from './mutations.js';
import { outcomeName, renderTraceTable } from '../../../reports/trace-table.js';
import { HINTS } from '../../../checks/callback-on-global-error/lib/hints.js';
import { activity, addActivity, addFailingSetVariable, gradeFixture, gradeMutation, link, props, relabel, removeActivity, resultOf, unlink, variable, type Json, type Mutation } from './support.js';

test('OnGlobalError still to EndFlow: the simulated call hints at the connection, not at the request settings', async () => {
  const result = resultOf(await gradeFixture('flows/defect-globalerror-still-to-endflow.json'), 'run-task-created');
  expect(result.status).toBe('failed');
  expect(result.hint).toContain('connect OnGlobalError to CallBackAPI_HTTPRequest');
  expect(result.hint).toContain('EndFlow_kid');
  expect(result.hint).not.toContain('Request Body');
});

test('a flow variable not declared is reported once, by its Build step 2 check: the simulated call points to it', async () => {
  const report = await gradeFixture('flows/defect-variable-missing-getresult.json');
  expect(resultOf(report, 'variable-getresult').status).toBe('failed');
  const run = resultOf(report, 'run-getresult-holds-body');
  expect([run.status, run.earned]).toEqual(['skipped', 0]);
  expect(run.message).toContain('reported under “Flow variable getresult (String, empty default)”');
});

test('a mission variable declared in another case, then picked from the lists that offer it, is reported once, by its Build step 2 check', async () => {
  const cases: [string, (f: Record<string, any>) => void, string[]][] = [
    ['outdialcbid', (f) => {
      variable(f, 'outdialcbid').name = 'outdialCBID';
      props(f, 'GET_CBID').outputVariableArray[0].outputVariable = 'outdialCBID';
    }, ['get-cbid-parse-paths', 'run-get-cbid-fills-variables']],
    ['getresult', (f) => {
      variable(f, 'getresult').name = 'getResult';
      props(f, 'SetGetResult').srcVariable = 'getResult';
    }, ['set-get-result-value', 'run-getresult-holds-body']],
    ['simulatederror', (f) => {
      variable(f, 'simulatederror').name = 'simulatedError';
      props(f, 'SimulateGlobalError').srcVariable = 'simulatedError';
    }, ['simulate-error-value-fails']],
  ];
  for (const [name, mutation, downstream] of cases) {
    const report = await gradeMutation(mutation);
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id), name).toEqual([`variable-${name}`]);
    for (const id of downstream) {
      const result = resultOf(report, id);
      expect([id, result.status, result.earned]).toEqual([id, 'skipped', 0]);
      expect(result.message).toContain(`reported under “Flow variable ${name} (String, empty default)”`);
    }
  }
  // Declared in another case while the activities keep the guide's name: the variable check alone fails.
  for (const [name, declared] of [['customani', 'customANI'], ['getresult', 'getResult'], ['simulatederror', 'simulatedError']]) {
    const report = await gradeMutation((f) => {
      variable(f, name).name = declared;
    });
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id), declared).toEqual([`variable-${name}`]);
  }
  // Typed into the Request Body in the declared spelling too: still the one naming mistake.
  const body = await gradeMutation((f) => {
    variable(f, 'customani').name = 'CustomAni';
    props(f, 'GET_CBID').outputVariableArray[1].outputVariable = 'CustomAni';
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replace('{{customani}}', '{{CustomAni}}');
  });
  expect(body.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['variable-customani']);
  expect(resultOf(body, 'callback-api-body').message).toContain('reported under “Flow variable customani (String, empty default)”');
  // The call works as built: what it did after GET_CBID is judged, not told to have gone wrong.
  expect(['run-task-created', 'run-status-true-on-201'].map((id) => [id, resultOf(body, id).status])).toEqual([['run-task-created', 'passed'], ['run-status-true-on-201', 'passed']]);
  expect(resultOf(body, 'run-get-cbid-fills-variables').message).toBe('Not judged: After GET_CBID, CustomAni = "+14085267209", from the DynVars record for dn 4694096861: the record\'s values, in the spelling declared (CustomAni for customani) (reported under “Flow variable customani (String, empty default)”)');
  // The body reading the guide's spelling, which the flow does not declare: the call goes wrong for the one naming mistake, and is not judged after it.
  const guideBody = await gradeMutation((f) => {
    variable(f, 'customani').name = 'CustomAni';
    props(f, 'GET_CBID').outputVariableArray[1].outputVariable = 'CustomAni';
  });
  expect(resultOf(guideBody, 'run-task-created').message).toBe('Not judged: the simulated call went wrong earlier (reported under “Flow variable customani (String, empty default)”)');
  // The body reading the guide's spelling through a Set Variable on the way (dest = {{customani}}): as read directly.
  const throughSetVariable = await gradeMutation((f) => {
    variable(f, 'customani').name = 'CustomAni';
    props(f, 'GET_CBID').outputVariableArray[1].outputVariable = 'CustomAni';
    f.variables.push({ ...variable(f, 'getresult'), name: 'dest' });
    addActivity(f, 'CallBackAPI_HTTPRequest', 'SetDest', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'dest', setTo: 'set-to-literal', expr: '{{customani}}' }, 'set-variable');
    link(f, 'GlobalErrorHandling', 'out', 'SetDest');
    link(f, 'SetDest', 'out', 'CallBackAPI_HTTPRequest');
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replace('{{customani}}', '{{dest}}');
  });
  expect(resultOf(throughSetVariable, 'run-task-created').message).toBe('Not judged: the simulated call went wrong earlier (reported under “Flow variable customani (String, empty default)”)');
  // getresult declared and written as getResult: the body is there, under that name.
  const getResult = await gradeMutation((f) => {
    variable(f, 'getresult').name = 'getResult';
    props(f, 'SetGetResult').srcVariable = 'getResult';
  });
  expect(resultOf(getResult, 'run-getresult-holds-body').message).toBe('Not judged: After SetGetResult, getResult holds the response body of GET_CBID: the body, in the spelling declared for getresult (reported under “Flow variable getresult (String, empty default)”)');
  // A second mistake in the same row is still its own failure.
  const path = await gradeMutation((f) => {
    variable(f, 'outdialcbid').name = 'outdialCBID';
    Object.assign(props(f, 'GET_CBID').outputVariableArray[0], { outputVariable: 'outdialCBID', jsonPathExp: '$.outboundcallbackep' });
  });
  expect(resultOf(path, 'get-cbid-parse-paths').status).toBe('failed');
});

test('a Parsing Settings row writing a mission variable that is not declared points to that variable check', async () => {
  const report = await gradeMutation((f) => {
    f.variables = f.variables.filter((v: { name: string }) => v.name !== 'outdialcbid');
  });
  expect(resultOf(report, 'variable-outdialcbid').status).toBe('failed');
  const run = resultOf(report, 'run-get-cbid-fills-variables');
  expect(run.status).toBe('skipped');
  expect(run.message).toContain('reported under “Flow variable outdialcbid (String, empty default)”');
});

test('WantCallback without option 3: the connection and the simulated call point to "WantCallback has option 3"', async () => {
  const report = await gradeMutation(MISTAKES['option3-removed']);
  expect(resultOf(report, 'want-callback-option3').status).toBe('failed');
  for (const id of ['get-cbid-after-option3', 'run-option3-reaches-get-cbid']) {
    const result = resultOf(report, id);
    expect([id, result.status, result.earned]).toEqual([id, 'skipped', 0]);
    expect(result.message).toContain('reported under “WantCallback has option 3”');
  }
  // Before the mission GET_CBID is missing too: the connection check still reports that.
  const before = await gradeFixture('flows/before-mission.json');
  expect(resultOf(before, 'get-cbid-after-option3').message).toContain('GET_CBID was not found');
  expect(resultOf(before, 'run-option3-reaches-get-cbid').status).toBe('skipped');
});

/** WantCallback's option 3 on the digit `key` instead, with the description `description` (its connection kept). */
function option3OnDigit(key: string, description = 'Simulate an error') {
  return gradeMutation((f) => {
    const menu = props(f, 'WantCallback');
    menu.menuLinks = ['1', '2', key];
    menu['menuLinks:input'] = menu.menuLinks_input = ['Callback', 'Stay in queue', description];
    link(f, 'WantCallback', key, 'GET_CBID');
    unlink(f, 'WantCallback', '3');
  });
}

test('option 3 added on another digit of WantCallback (0, 4): the message names the digit, and the hint says to change its Digit Number, not to add an option', async () => {
  for (const key of ['0', '4']) {
    const result = resultOf(await option3OnDigit(key), 'want-callback-option3');
    expect([result.status, result.message, result.hint], key).toEqual([
      'failed',
      `WantCallback has no option 3: its option "Simulate an error" is on digit ${key}`,
      `WantCallback → Custom Menu Links: change the Digit Number of option ${key} "Simulate an error" to 3.`,
    ]);
  }
  // Found by its connection to GET_CBID when its description does not tell it.
  const undescribed = resultOf(await option3OnDigit('0', 'Other'), 'want-callback-option3');
  expect([undescribed.message, undescribed.hint]).toEqual(['WantCallback has no option 3: its option on digit 0 leads to GET_CBID', 'WantCallback → Custom Menu Links: change the Digit Number of option 0 "Other" to 3.']);
  // Its Link Description quoted without the spaces around it.
  const spaced = resultOf(await option3OnDigit('4', ' Simulate an error '), 'want-callback-option3');
  expect([spaced.message, spaced.hint]).toEqual(['WantCallback has no option 3: its option "Simulate an error" is on digit 4', 'WantCallback → Custom Menu Links: change the Digit Number of option 4 "Simulate an error" to 3.']);
});

/** WantCallback without option 3, and VerifyNumber with an option on `digit` described `description`, leading to `to`. */
function option3OnVerifyNumber(description: string, to: string, digit = '3') {
  return gradeMutation((f) => {
    MISTAKES['option3-removed'](f);
    const verify = props(f, 'VerifyNumber');
    verify.menuLinks = [...verify.menuLinks, digit];
    verify['menuLinks:input'] = verify.menuLinks_input = [...verify.menuLinks_input, description];
    link(f, 'VerifyNumber', digit, to);
  });
}

test('option 3 added to another menu (VerifyNumber) is named there, and the hint says to move it to WantCallback', async () => {
  const result = resultOf(await option3OnVerifyNumber('Simulate an error', 'GET_CBID'), 'want-callback-option3');
  expect(result.status).toBe('failed');
  expect(result.message).toBe('WantCallback has no option 3 (its options: 1, 2); option 3 was added to VerifyNumber instead');
  expect(result.hint).toBe('VerifyNumber → Custom Menu Links: delete option 3; WantCallback → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error", connected to GET_CBID.');
  // An option 3 of another menu that has nothing to do with the mission is not blamed.
  const unrelated = resultOf(await option3OnVerifyNumber('Operator', 'NewNumber'), 'want-callback-option3');
  expect(unrelated.message).toBe('WantCallback has no option 3 (its options: 1, 2)');
  // The request under another label: the hint names it.
  const relabelled = resultOf(
    await gradeMutation((f) => {
      relabel(f, 'GET_CBID', 'HTTPRequest_d4k');
      MISTAKES['option3-removed'](f);
      const verify = props(f, 'VerifyNumber');
      verify.menuLinks = [...verify.menuLinks, '3'];
      verify['menuLinks:input'] = verify.menuLinks_input = [...verify.menuLinks_input, 'Simulate an error'];
      link(f, 'VerifyNumber', '3', 'HTTPRequest_d4k');
    }),
    'want-callback-option3',
  );
  expect(relabelled.hint).toContain('connected to HTTPRequest_d4k.');
});

test('option 3 added to another menu (VerifyNumber) on another digit: the menu and the digit are named, and the hint deletes that option', async () => {
  for (const [description, to] of [
    ['Simulate an error', 'NewNumber'],
    ['Other', 'GET_CBID'],
  ]) {
    const result = resultOf(await option3OnVerifyNumber(description, to, '4'), 'want-callback-option3');
    expect([result.status, result.message, result.hint], description).toEqual([
      'failed',
      'WantCallback has no option 3 (its options: 1, 2); option 3 was added to VerifyNumber instead, on digit 4',
      'VerifyNumber → Custom Menu Links: delete option 4; WantCallback → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error", connected to GET_CBID.',
    ]);
  }
  // Another option on a free digit that has nothing to do with the mission is not blamed.
  const unrelated = resultOf(await option3OnVerifyNumber('Operator', 'NewNumber', '4'), 'want-callback-option3');
  expect([unrelated.message, unrelated.hint]).toEqual(['WantCallback has no option 3 (its options: 1, 2)', 'WantCallback → Custom Menu Links → Add New: Digit Number 3, Link Description "Simulate an error".']);
});

test('a prompt replaced by the option 3 sentence alone no longer offers options 1 and 2: Build step 3 extends the message', async () => {
  const replaced = resultOf(await gradeMutation(MISTAKES['prompt-replaced-by-the-option3-sentence']), 'want-callback-prompt-option3');
  expect(replaced.status).toBe('failed');
  expect(replaced.message).toBe('The prompt of WantCallback offers option 3 but no longer options 1 and 2: Build step 3 extends the message, and Testing step 3 hears all three options');
  const noTwo = resultOf(await gradeMutation((f) => {
    props(f, 'WantCallback').promptsTts[0].value = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 3 to simulate global error.';
  }), 'want-callback-prompt-option3');
  expect(noTwo.message).toContain('offers option 3 but no longer option 2');
});

test('the Condition put before the Create Task request is told to come after it, not that its True exit retries the request', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'GlobalErrorHandling', 'out', 'HTTPStatusCode');
    link(f, 'HTTPStatusCode', 'true', 'CallBackAPI_HTTPRequest');
    link(f, 'CallBackAPI_HTTPRequest', 'default', 'EndFlow_kid');
  });
  expect(resultOf(report, 'status-condition-after-callback-api').status).toBe('failed');
  const exits = resultOf(report, 'status-condition-exits-to-endflow');
  expect(exits.status, exits.message).toBe('passed');
  // A real way back to the request (a retry loop), or a second request, is still a failure.
  expect(resultOf(await gradeMutation(MISTAKES['false-retries-through-a-condition']), 'status-condition-exits-to-endflow').status).toBe('failed');
  const second = resultOf(await gradeMutation((f) => {
    addActivity(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_dup', structuredClone(props(f, 'CallBackAPI_HTTPRequest')));
    link(f, 'HTTPStatusCode', 'false', 'HTTPRequest_dup');
    link(f, 'HTTPRequest_dup', 'default', 'EndFlow_kid');
  }), 'status-condition-exits-to-endflow');
  expect([second.status, second.message]).toEqual(['failed', 'HTTPStatusCode: the False exit leads to HTTPRequest_dup, a second request to /v1/tasks, which would create a task again']);
});

test('a Create Task request given the whole address (in Request URL, or in Request Path) is told the connector gives the host', async () => {
  const inUrl = resultOf(await gradeMutation((f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestUrl = 'https://api.wxcc-us1.cisco.com/v1/tasks';
    p.httpRequestPath = null;
  }), 'callback-api-path');
  expect([inUrl.status, inUrl.message]).toEqual(['failed', 'CallBackAPI_HTTPRequest has no Request Path (Use Authenticated Endpoint is On; the address is in Request URL: https://api.wxcc-us1.cisco.com/v1/tasks)']);
  expect(inUrl.hint).toBe('CallBackAPI_HTTPRequest → Request Path: /v1/tasks (the path only: the connector WxCC_API gives the host).');
  const inPath = resultOf(await gradeMutation((f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestPath = 'https://api.wxcc-us1.cisco.com/v1/tasks';
  }), 'callback-api-path');
  expect(inPath.hint).toBe('CallBackAPI_HTTPRequest → Request Path: /v1/tasks (the path only: the connector WxCC_API gives the host).');
});

test('a dn typed in as a fixed number (the "Test your API" box\'s example) is told it must read the number dialled', async () => {
  const fixed = resultOf(await gradeMutation(MISTAKES['get-cbid-dn-hard-coded']), 'get-cbid-url');
  expect(fixed.status).toBe('failed');
  expect(fixed.message).toBe('GET_CBID Request URL is wrong: dn=4694096861 is a fixed number, the same for every call (as in the optional "Test your API" box): the flow must send the number dialled, dn={{NewPhoneContact.DNIS | slice(2) }}');
});

test('hints name the activities by the labels the flow gives them, as the canvas shows them', async () => {
  const setVariable = await gradeMutation((f) => {
    relabel(f, 'SetGetResult', 'SetVariable_q1w');
    Object.assign(props(f, 'SetVariable_q1w'), { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  });
  expect(resultOf(setVariable, 'set-get-result-value').hint).toBe('SetVariable_q1w → Variable: getresult; choose Set To Variable (not Set Value) and pick GET_CBID.httpResponseBody.');
  expect(resultOf(setVariable, 'run-getresult-holds-body').hint).toContain('In the Debug tool, SetVariable_q1w → Modified Variables');
  // The request relabelled everywhere (SetGetResult reads it under its label): its settings are named under that label too.
  const request = await gradeMutation((f) => {
    relabel(f, 'GET_CBID', 'HTTPRequest_k2m');
    props(f, 'SetGetResult').expr = '{{HTTPRequest_k2m.httpResponseBody}}';
    const p = props(f, 'HTTPRequest_k2m');
    p.httpRequestMethod = p['httpRequestMethod:name'] = p.httpRequestMethod_name = 'POST';
  });
  for (const id of ['get-cbid-method', 'run-get-cbid-fills-variables']) expect([id, resultOf(request, id).hint]).toEqual([id, 'HTTPRequest_k2m → Method: GET.']);
});

test('a flow without WantCallback (Callback Mission 2 not done) is told where the menu comes from, not to add an option to it', async () => {
  const result = resultOf(await gradeMutation((f) => {
    const g = f.process;
    const id = activity(f, 'WantCallback').id;
    delete g.activities[id];
    g.links = g.links.filter((l: { sourceActivityId: string; targetActivityId: string }) => l.sourceActivityId !== id && l.targetActivityId !== id);
  }), 'want-callback-option3');
  expect([result.status, result.message]).toEqual(['failed', 'The Menu activity WantCallback was not found in the main flow']);
  expect(result.hint).toBe('WantCallback is the Menu of Callback Mission 2 (Queue → WantCallback; option 1 "Callback" → NewNumber, option 2 "Stay in queue" → Music): build it first, then add option 3 "Simulate an error" (Build step 3).');
});

test('SimulateGlobalError whose failing value is in a row for another variable is not told that no global error is raised', async () => {
  const result = resultOf(await gradeMutation((f) => {
    props(f, 'SimulateGlobalError').setVariablesArray = [
      { srcVariable: 'simulatederror', setTo: 'set-to-literal', expr: 'x' },
      { srcVariable: 'getresult', setTo: 'set-to-literal', expr: '{{ ANI | 123}}' },
    ];
  }), 'simulate-error-value-fails');
  expect([result.status, result.message]).toEqual(['failed', 'SimulateGlobalError sets simulatederror to "x", which evaluates without error; the failing value is in its row for getresult instead: Build step 6 gives it to simulatederror']);
});

test('SimulateGlobalError whose value evaluates but cannot be stored is not told that no global error is raised: the simulated call raises it', async () => {
  const cases: [string, (f: Json) => void, string][] = [
    ['an Integer simulatederror set to "abc"', (f) => {
      variable(f, 'simulatederror').type = 'INTEGER';
      props(f, 'SimulateGlobalError').expr = 'abc';
    }, 'SimulateGlobalError sets simulatederror to "abc", which evaluates without error (to "abc"), and the activity fails only as it stores it (cannot store "abc" in Integer variable \'simulatederror\'), an error in flowgrade\'s simulator that Flow Designer is not documented to raise; once simulatederror is a String, as Build step 2 asks, the value no longer fails'],
    ['simulatederror not declared, set to {{ANI}}', (f) => {
      f.variables = (f.variables as Json[]).filter((v) => v.name !== 'simulatederror');
      props(f, 'SimulateGlobalError').expr = '{{ANI}}';
    }, 'SimulateGlobalError sets simulatederror to "{{ANI}}", which evaluates without error (to ""), and the activity fails only as it stores it (simulatederror is not declared in the flow); once simulatederror is declared, as Build step 2 asks, the value no longer fails'],
  ];
  for (const [name, mutation, message] of cases) {
    const report = await gradeMutation(mutation);
    expect([name, resultOf(report, 'simulate-error-value-fails').message]).toEqual([name, message]);
    expect([name, resultOf(report, 'run-global-error-raised').status]).toEqual([name, 'passed']);
  }
  // A second row for a variable not declared fails as it stores its value: the error is raised there, and said.
  const otherRow = resultOf(await gradeMutation((f) => {
    props(f, 'SimulateGlobalError').setVariablesArray = [
      { srcVariable: 'simulatederror', setTo: 'set-to-literal', expr: 'abc' },
      { srcVariable: 'notdeclared', setTo: 'set-to-literal', expr: 'x' },
    ];
  }), 'simulate-error-value-fails');
  expect(otherRow.message).toBe('SimulateGlobalError sets simulatederror to "abc", which evaluates without error (to "abc"), and the activity fails only at its row for notdeclared (notdeclared is not declared in the flow): Build step 6 gives simulatederror a value that fails to evaluate');
  // An Integer simulatederror set to a number is stored: no global error, as the message says.
  const stored = resultOf(await gradeMutation((f) => {
    variable(f, 'simulatederror').type = 'INTEGER';
    props(f, 'SimulateGlobalError').expr = '{{ 1 + 1 }}';
  }), 'simulate-error-value-fails');
  expect(stored.message).toBe('SimulateGlobalError sets simulatederror to "{{ 1 + 1 }}", which evaluates without error (to "2"), so no global error is raised');
});

test('a Set Value exported as a number or boolean: the check quotes the value the simulated call sets', async () => {
  for (const [literal, shown] of [[7, '7'], [false, 'false']] as const) {
    const report = await gradeMutation((f) => {
      const row = props(f, 'SimulateGlobalError');
      row.expr = null;
      row.literal = literal;
    });
    const set = report.scenarios.find((scenario) => scenario.id === 'happy-path')!.trace.find((entry) => entry.activity === 'SimulateGlobalError')!;
    expect(set.modifiedVariables).toEqual({ simulatederror: shown });
    expect(resultOf(report, 'simulate-error-value-fails').message).toBe(`SimulateGlobalError sets simulatederror to "${shown}", which evaluates without error (to "${shown}"), so no global error is raised`);
  }
});

test('GET_CBID labelled with a typo: the hints say to rename it, not to redo SetGetResult', async () => {
  const report = await gradeMutation(MISTAKES['get-cbid-default-label']);
  const value = resultOf(report, 'set-get-result-value');
  // The settings panel's field is Activity Label (Build steps 5–9); Activity Name is the Debug tool's column.
  expect(value.message).toContain('set its Activity Label to GET_CBID');
  expect(value.hint).toBe(`${value.activity} → Activity Label: GET_CBID (Build step 4).`);
  const run = resultOf(report, 'run-getresult-holds-body');
  expect(run.status).toBe('failed');
  expect(run.hint).toContain(`${value.activity} → Activity Label: GET_CBID`);
});

test('a space in the GET_CBID URL path is shown, not printed invisibly', async () => {
  const report = await gradeMutation((f) => {
    const p = props(f, 'GET_CBID');
    p.httpRequestUrl = p.httpRequestUrl.replace('?dn', ' ?dn');
  });
  const result = resultOf(report, 'get-cbid-url');
  expect(result.status).toBe('failed');
  expect(result.message).toContain('path "/flowdesigner/Lab/DynVars " has a space in it (expected /flowdesigner/Lab/DynVars)');
});

test('the dialled number put in the GET_CBID URL path: the spaces inside its {{ }} are not called a space in the path, and the message says MockAPI reads the segment as a record id', async () => {
  const report = await gradeMutation((f) => {
    const p = props(f, 'GET_CBID');
    p.httpRequestUrl = p.httpRequestUrl.replace('?dn=', '/');
  });
  const result = resultOf(report, 'get-cbid-url');
  expect(result.status).toBe('failed');
  // Before: 'path "/flowdesigner/Lab/DynVars/{{NewPhoneContact.DNIS | slice(2) }}" has a space in it', though none is sent.
  expect(result.message).toBe(
    "GET_CBID Request URL is wrong: path /flowdesigner/Lab/DynVars/{{NewPhoneContact.DNIS | slice(2) }} (expected /flowdesigner/Lab/DynVars: MockAPI reads what follows /flowdesigner/Lab/DynVars/ as a record's id, not as a dn); no dn query parameter (expected dn={{NewPhoneContact.DNIS | slice(2) }})",
  );
});

test('GET_CBID stopping the simulated call (a JSONPath filter, parsing XML): run-get-cbid-fills-variables says the call stopped there before parsing, not only that the variables are empty', async () => {
  const filter = await gradeMutation((f) => {
    (props(f, 'GET_CBID').outputVariableArray as { outputVariable: string; jsonPathExp: string }[])[1]!.jsonPathExp = "$[?(@.dn=='4694096861')].tacnumber";
  });
  expect(resultOf(filter, 'run-get-cbid-fills-variables').message).toBe(
    'After GET_CBID, outdialcbid = "", customani = "" (expected outdialcbid = "0011ed11-ca98-4c67-8621-9c54be08e692", customani = "+14085267209", from the DynVars record for dn 4694096861); the simulated call stopped at GET_CBID, before parsing: JSONPath $[?(@.dn==\'4694096861\')].tacnumber (GET_CBID) uses a filter or script expression, which the simulator does not evaluate',
  );
  const xml = resultOf(await gradeMutation(MISTAKES['get-cbid-parse-xml']), 'run-get-cbid-fills-variables');
  expect([xml.status, xml.message]).toEqual(['failed', expect.stringContaining('; the simulated call stopped at GET_CBID, before parsing: parse settings with content type XML')]);
});

test('a simulated call that ends on an open exit names the exit as the canvas does, not as the export does', async () => {
  const option3 = resultOf(await gradeFixture('flows/defect-menu-option3-unlinked.json'), 'run-option3-reaches-get-cbid');
  expect(option3.message).toBe('After option 3 the call never reached GET_CBID (the call ended: WantCallback option 3 is not connected)');
  const out = resultOf(await gradeFixture('flows/defect-setgetresult-not-linked.json'), 'run-global-error-raised');
  expect(out.message).toBe('After SetGetResult the call never reached SimulateGlobalError (the call ended: the exit of SetGetResult is not connected)');
  expect(out.message).not.toContain("'out'");
});

// In the Event Flows the caller is already gone: the event flow ends there, and the global error that
// started it (the report's earlier lines) is not repeated in the simulator's words.
test('a simulated event flow that ends on an open exit says the event flow ended there, in the canvas\'s words', async () => {
  const request = resultOf(await gradeMutation(MISTAKES['callback-api-not-linked']), 'run-status-true-on-201');
  expect(request.message).toBe('After CallBackAPI_HTTPRequest the event flow never reached HTTPStatusCode (the event flow ended: the exit of CallBackAPI_HTTPRequest is not connected)');
  const handler = resultOf(await gradeMutation(MISTAKES['global-error-not-connected']), 'run-task-created');
  expect(handler.message).toBe('OnGlobalError ran, but CallBackAPI_HTTPRequest never did (the event flow ended: OnGlobalError is not connected)');
});

test('a condition typed without {{ }} is told it is plain text, not a test', async () => {
  const report = await gradeMutation((f) => {
    props(f, 'HTTPStatusCode').expression = 'CallBackAPI_HTTPRequest.httpStatusCode == 201';
  });
  const result = resultOf(report, 'status-condition-expression');
  expect(result.status).toBe('failed');
  expect(result.message).toContain('the Expression has no {{ }}, so it is plain text, not a test');
});

test('a condition testing 200 (the Final Boss answer) is told Create Task answers 201 Created', async () => {
  const result = resultOf(await gradeFixture('flows/defect-condition-tests-200.json'), 'status-condition-expression');
  expect(result.status).toBe('failed');
  expect(result.message).toContain('it tests 200 (OK), but a task created is answered 201 Created');
});

// Two mistakes in one Expression: the label it reads is not the request's, and it tests 200. Both are
// named (the hint's Expression mends both), not only the label.
test('a condition testing 200 of an activity that does not exist is told both', async () => {
  const both = resultOf(await gradeMutation((f) => {
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 200}}';
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
  }), 'status-condition-expression');
  expect([both.status, both.message, both.hint]).toEqual([
    'failed',
    'HTTPStatusCode expression gives false with CallBackAPI_Request.httpStatusCode = 201; it must give true: it tests 200 (OK), but a task created is answered 201 Created (it reads CallBackAPI_HTTPRequest, which is no activity or variable of this flow; the HTTP Request is labelled CallBackAPI_Request)',
    'HTTPStatusCode → Expression: {{CallBackAPI_Request.httpStatusCode == 201}} (use the label of your HTTP Request exactly).',
  ]);
  // Read under its right name, == 201 of HTTP_PUT (the old copy button) has nothing more to say.
  const label = resultOf(await gradeFixture('flows/defect-condition-http-put.json'), 'status-condition-expression');
  expect(label.message).toBe('HTTPStatusCode expression gives false with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true (it reads HTTP_PUT, which is no activity or variable of this flow; the HTTP Request is labelled CallBackAPI_HTTPRequest)');
});

test('a condition the wrong way round (!= 201) is told so, not that it tests 200; one true for 200 and 400 is told neither', async () => {
  const judged = async (expression: string) =>
    resultOf(
      await gradeMutation((f) => {
        props(f, 'HTTPStatusCode').expression = expression;
      }),
      'status-condition-expression',
    );
  for (const expression of ['{{CallBackAPI_HTTPRequest.httpStatusCode != 201}}', '{{ not (CallBackAPI_HTTPRequest.httpStatusCode == 201) }}']) {
    const result = await judged(expression);
    expect([result.status, result.message], expression).toEqual(['failed', expect.stringContaining('it is the wrong way round, true for every status code but 201')]);
    expect(result.message).not.toContain('tests 200');
  }
  const neither = await judged('{{CallBackAPI_HTTPRequest.httpStatusCode == 200 or CallBackAPI_HTTPRequest.httpStatusCode == 400}}');
  expect(neither.status).toBe('failed');
  expect(neither.message).not.toMatch(/tests 200|wrong way round/);
});

test('a condition is judged as the simulated call takes it: anything but true (or "true") is the False exit', async () => {
  const judged = (expression: string) =>
    gradeMutation((f) => {
      props(f, 'HTTPStatusCode').expression = expression;
    });
  // "true" on 201, other text otherwise: False on every other answer, in the simulated calls and in the check.
  const other = await judged('{{ CallBackAPI_HTTPRequest.httpStatusCode == 201 ? "true" : "no" }}');
  for (const id of ['status-condition-expression', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500']) {
    expect([id, resultOf(other, id).status]).toEqual([id, 'passed']);
  }
  // "yes" on 201 is the False exit too: the condition fails.
  const yes = resultOf(await judged('{{ CallBackAPI_HTTPRequest.httpStatusCode == 201 ? "yes" : "no" }}'), 'status-condition-expression');
  expect([yes.status, yes.message]).toEqual(['failed', expect.stringContaining('gives "yes" with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true')]);
});

test('a Request Body with a comma before its closing brace is told which comma to remove', async () => {
  const message = async (edit: (body: string) => string) =>
    resultOf(await gradeMutation((f) => {
      const p = props(f, 'CallBackAPI_HTTPRequest');
      p.httpRequestBody = edit(p.httpRequestBody);
    }), 'callback-api-body').message;
  const afterText = await message((body) => body.replace(/("immediate")\s*\}/, '$1, }'));
  expect(afterText).toMatch(/^CallBackAPI_HTTPRequest: the Request Body is not valid JSON at line \d+, column \d+ \(near: .*\): Expected double-quoted property name; JSON allows no comma before a closing }: remove the comma after "callbackType": "immediate"; its fields are judged once it is valid JSON$/);
  const afterObject = await message((body) => body.replace(/("immediate"\s*\})\s*\}\s*$/, '$1,}'));
  expect(afterObject).toMatch(/; JSON allows no comma before a closing }: remove the comma after "callback": \{…\}; its fields are judged once it is valid JSON$/);
});

test('a Request Body with a {{ }} left without its quotes is told to put it inside double quotes', async () => {
  const report = await gradeMutation((f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replace('"{{outdialcbid}}"', '{{outdialcbid}}');
  });
  const body = resultOf(report, 'callback-api-body');
  expect(body.status).toBe('failed');
  expect(body.message).toMatch(
    /^CallBackAPI_HTTPRequest: the Request Body is not valid JSON at line 2, column 22 \(near: .*\): .*; a \{\{ \}\} value goes inside double quotes, as in the guide's body: "\{\{outdialcbid\}\}"; its fields are judged once it is valid JSON$/,
  );
});

test('a condition reading the status code of another activity, or an output in another case, is told what it reads', async () => {
  const other = resultOf(await gradeMutation((f) => {
    props(f, 'HTTPStatusCode').expression = '{{GET_CBID.httpStatusCode == 201}}';
  }), 'status-condition-expression');
  expect(other.status).toBe('failed');
  expect(other.message).toContain('it reads GET_CBID.httpStatusCode, the status code of GET_CBID, not of CallBackAPI_HTTPRequest');
  const lower = resultOf(await gradeMutation((f) => {
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpstatuscode == 201}}';
  }), 'status-condition-expression');
  expect(lower.status).toBe('failed');
  expect(lower.message).toContain('it reads CallBackAPI_HTTPRequest.httpstatuscode: names are case-sensitive, the output is httpStatusCode');
  // The output's key written as a string reads the same output: told the same.
  const subscript = resultOf(await gradeMutation((f) => {
    props(f, 'HTTPStatusCode').expression = "{{CallBackAPI_HTTPRequest['httpstatuscode'] == 201}}";
  }), 'status-condition-expression');
  expect(subscript.status).toBe('failed');
  expect(subscript.message).toContain('it reads CallBackAPI_HTTPRequest.httpstatuscode: names are case-sensitive, the output is httpStatusCode');
});

// As the Condition's: a name read in another case reads nothing (Pebble names are case-sensitive),
// and quoting the value back does not say which letters are wrong.
test('SetGetResult reading GET_CBID\'s output, or its label, in another case is told that names are case-sensitive', async () => {
  const cases: [string, string][] = [
    ['{{GET_CBID.httpresponsebody}}', ' (it reads GET_CBID.httpresponsebody: names are case-sensitive, the output is httpResponseBody)'],
    ['{{get_cbid.httpResponseBody}}', ' (it reads get_cbid.httpResponseBody: names are case-sensitive, the HTTP Request is labelled GET_CBID)'],
    ['get_cbid.httpresponsebody', ' (it reads get_cbid.httpresponsebody: names are case-sensitive, the HTTP Request is labelled GET_CBID and its output is httpResponseBody)'],
    // the output's key written as a string: the same output, the same words
    ["{{ GET_CBID['httpresponsebody'] }}", ' (it reads GET_CBID.httpresponsebody: names are case-sensitive, the output is httpResponseBody)'],
  ];
  for (const [value, note] of cases) {
    const result = resultOf(await gradeMutation((f) => Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-variable', expr: value })), 'set-get-result-value');
    expect([result.status, result.message]).toEqual(['failed', `SetGetResult sets getresult with Set To Variable ${JSON.stringify(value)}${note}`]);
  }
  // Its one row writing another variable: the value's case is named too, in the same words.
  const other = resultOf(await gradeMutation((f) => Object.assign(props(f, 'SetGetResult'), { srcVariable: 'customani', setTo: 'set-to-variable', expr: '{{GET_CBID.httpresponsebody}}' })), 'set-get-result-value');
  expect(other.message).toBe('SetGetResult does not set getresult; its one row sets customani, and its value is wrong too: Set To Variable "{{GET_CBID.httpresponsebody}}" (it reads GET_CBID.httpresponsebody: names are case-sensitive, the output is httpResponseBody)');
});

test('a Request Body quoted with single or curly quotes is told which quotes JSON needs', async () => {
  const single = resultOf(await gradeMutation((f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replaceAll('"', "'");
  }), 'callback-api-body');
  expect(single.message).toContain("JSON needs double quotes (\") around names and texts, not single quotes (')");
  const curly = resultOf(await gradeMutation((f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replace(/"([^"]*)"/g, '“$1”');
  }), 'callback-api-body');
  expect(curly.message).toContain('JSON needs straight double quotes ("), not curly ones (“ ”)');
  // One value quoted so, or bare: JSON.parse says no position there, the message still says where and why.
  const value = async (quoted: string) =>
    resultOf(await gradeMutation((f) => {
      const p = props(f, 'CallBackAPI_HTTPRequest');
      p.httpRequestBody = p.httpRequestBody.replace('"web"', quoted);
    }), 'callback-api-body');
  const curlyValue = await value('“web”');
  expect(curlyValue.message).toMatch(/^CallBackAPI_HTTPRequest: the Request Body is not valid JSON at line \d+, column \d+ \(near: .*"callbackOrigin": “web”, \): Unexpected token '“'; JSON needs straight double quotes \("\), not curly ones \(“ ”\); its fields are judged once it is valid JSON$/);
  expect(curlyValue.message).not.toContain('is not valid JSON:');
  expect((await value("'web'")).message).toContain("JSON needs double quotes (\") around names and texts, not single quotes (')");
  const bare = (await value('web')).message;
  expect(bare).toMatch(/^CallBackAPI_HTTPRequest: the Request Body is not valid JSON at line \d+, column \d+ \(near: .*"callbackOrigin": web, .*\): Unexpected token 'w'; its fields are judged once it is valid JSON$/);
});

test('a mission variable of the wrong type is told to change its Type, and the simulated call it spoils points to it', async () => {
  const cases: [string, Parameters<typeof gradeMutation>[0], string, string][] = [
    ['customani', (f) => Object.assign(variable(f, 'customani'), { type: 'INTEGER', value: '0' }), 'Integer', 'run-get-cbid-fills-variables'],
    ['getresult', MISTAKES['getresult-json-empty'], 'JSON', 'run-getresult-holds-body'],
  ];
  for (const [name, mutation, type, run] of cases) {
    const report = await gradeMutation(mutation);
    const own = resultOf(report, `variable-${name}`);
    expect([name, own.status, own.message]).toEqual([name, 'failed', `Flow variable ${name} has type ${type}, not String`]);
    expect(own.hint).toBe(`Global Flow Properties → Custom Variables → Flow Variables → ${name}: set Type to String, as Build step 2 asks.`);
    const call = resultOf(report, run);
    expect([name, call.status, call.earned]).toEqual([name, 'skipped', 0]);
    expect(call.message).toContain(`(reported under “${own.title}”)`);
  }
  // A value the type cannot hold at all (the simulated GET_CBID fails on it): the same.
  const integer = await gradeFixture('flows/defect-variable-outdialcbid-integer.json');
  const call = resultOf(integer, 'run-get-cbid-fills-variables');
  expect([call.status, call.message]).toEqual(['skipped', expect.stringContaining('reported under “Flow variable outdialcbid (String, empty default)”')]);
});

test('a variable of another type is not blamed for values the Parsing Settings left empty: the simulated call names the parsing', async () => {
  // outdialcbid typed Integer and both paths without [0]: GET_CBID leaves both variables empty,
  // which no type explains (customani is a String); get-cbid-parse-paths reports the paths.
  const report = await gradeMutation((f) => {
    Object.assign(variable(f, 'outdialcbid'), { type: 'INTEGER', value: '0' });
    props(f, 'GET_CBID').outputVariableArray = [{ outputVariable: 'outdialcbid', jsonPathExp: '$.outboundcallbackep' }, { outputVariable: 'customani', jsonPathExp: '$.tacnumber' }];
  });
  expect(resultOf(report, 'variable-outdialcbid').status).toBe('failed');
  expect(resultOf(report, 'get-cbid-parse-paths').status).toBe('failed');
  const call = resultOf(report, 'run-get-cbid-fills-variables');
  expect(call.message).not.toContain('reported under “Flow variable outdialcbid');
  expect([call.status, call.hint]).toEqual(['failed', 'GET_CBID → Parsing Settings: change the Path Expression of outdialcbid to $[0].outboundcallbackep and of customani to $[0].tacnumber.']);
  // Its own row alone without [0]: an Integer variable a path matches nothing in is left null, not changed by its type.
  const alone = resultOf(await gradeMutation((f) => {
    Object.assign(variable(f, 'outdialcbid'), { type: 'INTEGER', value: '0' });
    props(f, 'GET_CBID').outputVariableArray[0].jsonPathExp = '$.outboundcallbackep';
  }), 'run-get-cbid-fills-variables');
  expect([alone.status, alone.hint]).toEqual(['failed', 'GET_CBID → Parsing Settings: change the Path Expression of outdialcbid to $[0].outboundcallbackep.']);
});

test('a variable declared in another case is not blamed for a value the activity wrote elsewhere: the simulated call names SetGetResult', async () => {
  // getresult declared getResult, and SetGetResult writing customani: renaming the variable leaves
  // getresult as empty, so the call is SetGetResult's fault too (set-get-result-value says so).
  const report = await gradeMutation((f) => {
    variable(f, 'getresult').name = 'getResult';
    props(f, 'SetGetResult').srcVariable = 'customani';
  });
  expect(resultOf(report, 'variable-getresult').status).toBe('failed');
  expect(resultOf(report, 'set-get-result-value').status).toBe('failed');
  const call = resultOf(report, 'run-getresult-holds-body');
  expect(call.message).not.toContain('reported under “Flow variable getresult');
  expect([call.status, call.hint]).toEqual(['failed', HINTS.setGetResultRan]);
});

test('the simulated call tells a value a variable cannot hold, and a Parsing Settings row writing no variable, in Flow Designer\'s words', async () => {
  const integer = resultOf(await gradeFixture('flows/defect-variable-outdialcbid-integer.json'), 'run-get-cbid-fills-variables');
  expect(integer.message).toContain("in Integer variable 'outdialcbid'");
  const undeclared = resultOf(await gradeMutation((f) => {
    variable(f, 'customani').name = 'customANI';
  }), 'run-get-cbid-fills-variables');
  expect(undeclared.message).toContain("GET_CBID failed: Parsing Settings write 'customani', which is not a declared flow variable");
});

test('getresult expected to hold a short answer (GET_CBID answered 404) says it is the response body, not a bare "Not found"', async () => {
  const run = resultOf(await gradeMutation((f) => {
    props(f, 'GET_CBID').httpRequestUrl = String(props(f, 'GET_CBID').httpRequestUrl).replace('/flowdesigner/', '/lowdesigner/');
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  }), 'run-getresult-holds-body');
  expect([run.status, run.expected]).toEqual(['failed', 'the whole response body of GET_CBID: "Not found"']);
});

// Declared in another case and of another type, and picked where the flow writes it: the variable
// check names both mistakes, so the simulated call that the type spoils points to it too (its
// type error names the declared spelling, getResult, which is the variable check's to report).
test('a mission variable declared in another case and of the wrong type, picked where it is written: the simulated call it spoils points to its Build step 2 check', async () => {
  const cases: [string, string, Parameters<typeof gradeMutation>[0], string][] = [
    ['getresult', 'getResult', (f) => {
      Object.assign(variable(f, 'getresult'), { name: 'getResult', type: 'INTEGER' });
      props(f, 'SetGetResult').srcVariable = 'getResult';
    }, 'run-getresult-holds-body'],
    ['outdialcbid', ' outdialcbid', (f) => {
      Object.assign(variable(f, 'outdialcbid'), { name: ' outdialcbid', type: 'INTEGER' });
      props(f, 'GET_CBID').outputVariableArray[0].outputVariable = 'outdialcbid';
    }, 'run-get-cbid-fills-variables'],
    ['outdialcbid', 'OutdialCBID', (f) => {
      Object.assign(variable(f, 'outdialcbid'), { name: 'OutdialCBID', type: 'INTEGER' });
      props(f, 'GET_CBID').outputVariableArray[0].outputVariable = 'OutdialCBID';
    }, 'run-get-cbid-fills-variables'],
  ];
  for (const [name, declared, mutation, run] of cases) {
    const report = await gradeMutation(mutation);
    const own = resultOf(report, `variable-${name}`);
    expect([declared, own.status, own.message]).toEqual([declared, 'failed', expect.stringContaining('it also has type Integer, not String')]);
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id), declared).toEqual([`variable-${name}`]);
    const call = resultOf(report, run);
    expect([declared, call.status, call.message]).toEqual([declared, 'skipped', expect.stringContaining(`(reported under “${own.title}”)`)]);
  }
});

// Declared with a space after the name, and picked so in GET_CBID's Parsing Settings (Flow Designer's
// list offers the name as declared): the simulator reads the row's variable without the space, as it
// reads a Set Variable's, so GET_CBID fails on a variable not declared, which the variable check reports.
test('customani declared with a space after its name and picked so in GET_CBID\'s Parsing Settings: only its Build step 2 check fails, the simulated call points to it', async () => {
  const report = await gradeMutation((f) => {
    MISTAKES['customani-declared-with-a-trailing-space'](f);
    for (const row of props(f, 'GET_CBID').outputVariableArray as Json[]) if (row.outputVariable === 'customani') row.outputVariable = 'customani ';
  });
  const own = resultOf(report, 'variable-customani');
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['variable-customani']);
  expect(resultOf(report, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'skipped', message: expect.stringContaining(`(reported under “${own.title}”)`) });
});

// Several mistakes in one variable: the failure keeps the first one's cause, so the simulated call
// the name spoils (SetGetResult writes getresult, which is not declared) points to it all the same.
test('a mission variable declared in another case and of the wrong type: the simulated call the name spoils points to its Build step 2 check', async () => {
  const report = await gradeMutation((f) => Object.assign(variable(f, 'getresult'), { name: 'getResult', type: 'INTEGER' }));
  const own = resultOf(report, 'variable-getresult');
  expect([own.status, own.message]).toEqual(['failed', expect.stringContaining('it also has type Integer, not String')]);
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['variable-getresult']);
  const call = resultOf(report, 'run-getresult-holds-body');
  expect([call.status, call.message]).toEqual(['skipped', expect.stringContaining(`(reported under “${own.title}”)`)]);
});

test('getresult gone wrong (nothing later reads it) does not keep the later stages of the simulated call from being judged', async () => {
  const later = ['run-global-error-raised', 'run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];
  // Declared JSON: the call creates its task and HTTPStatusCode leaves by True all the same.
  const json = await gradeMutation(MISTAKES['getresult-json-empty']);
  expect(json.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['variable-getresult']);
  expect(resultOf(json, 'run-getresult-holds-body').status).toBe('skipped');
  for (const id of later) expect([id, resultOf(json, id).status]).toEqual([id, 'passed']);
  // SetGetResult storing a fixed text: its run check fails, the later ones pass.
  const literal = await gradeFixture('flows/defect-setgetresult-literal.json');
  expect(resultOf(literal, 'run-getresult-holds-body').status).toBe('failed');
  for (const id of later) expect([id, resultOf(literal, id).status]).toEqual([id, 'passed']);
  // A later mistake of its own is then reported at its own stage.
  const both = await gradeMutation((f) => {
    MISTAKES['getresult-json-empty'](f);
    props(f, 'HTTPStatusCode').expression = '{{true}}';
  });
  expect(resultOf(both, 'run-status-false-on-400').status).toBe('failed');
  // The call stopped before SetGetResult: later stages are still not judged.
  const stopped = await gradeMutation((f) => {
    f.process.links = f.process.links.filter((l: { sourceActivityId: string }) => l.sourceActivityId !== activity(f, 'GET_CBID').id);
  });
  expect(resultOf(stopped, 'run-getresult-holds-body').status).not.toBe('passed');
  for (const id of later) expect([id, resultOf(stopped, id).status]).toEqual([id, 'skipped']);
});

test('a mission variable with a default value is told to clear it, not to add the variable', async () => {
  const result = resultOf(await gradeFixture('flows/defect-variable-customani-default-not-empty.json'), 'variable-customani');
  expect([result.status, result.hint]).toEqual(['failed', 'Global Flow Properties → Custom Variables → Flow Variables → customani: clear its Default Value (leave it empty), as Build step 2 asks.']);
});

test('a condition reading the guide\'s label while the request has another: the hints name the real labels, not the expression already typed', async () => {
  // The request kept another Activity Label: rename it, as for GET_CBID.
  const renamed = await gradeMutation(MISTAKES['old-label-with-new-condition']);
  for (const id of ['status-condition-expression', 'run-status-true-on-201']) {
    const result = resultOf(renamed, id);
    expect([id, result.status, result.hint]).toEqual([id, 'failed', 'CallBackAPI_Request → Activity Label: CallBackAPI_HTTPRequest (Build step 8).']);
  }
  // The expression reads another activity: it is told the request's real label, under the condition's own label.
  const other = await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_9zz');
    relabel(f, 'HTTPStatusCode', 'Condition_x7q');
    props(f, 'Condition_x7q').expression = '{{HTTP_PUT.httpStatusCode == 201}}';
  });
  for (const id of ['status-condition-expression', 'run-status-true-on-201']) {
    const result = resultOf(other, id);
    expect([id, result.status, result.hint]).toEqual([id, 'failed', 'Condition_x7q → Expression: {{HTTPRequest_9zz.httpStatusCode == 201}} (use the label of your HTTP Request exactly).']);
  }
});

// The Condition typed from the guide reads CallBackAPI_HTTPRequest, and the request kept another
// label (the January 2025 guide's, or the guide's in another case): the fix is the request's label,
// as the hint says, so expected and actual say the label too, not an Expression to type.
test('a condition reading the guide\'s label while the request has another: expected, actual and message say the label the hint renames', async () => {
  const cases: [string, string][] = [
    ['CallbackAPI_HTTPRequest', ' (names are case-sensitive)'],
    ['CallBackAPI_Request', ''],
  ];
  for (const [label, note] of cases) {
    const report = await gradeMutation((f) => relabel(f, 'CallBackAPI_HTTPRequest', label));
    const result = resultOf(report, 'status-condition-expression');
    expect([result.status, result.message, result.expected, result.actual, result.activity, result.hint]).toEqual([
      'failed',
      `HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode, but the HTTP Request is labelled ${label}${note}: set its Activity Label to CallBackAPI_HTTPRequest (Build step 8)`,
      'an HTTP Request labelled CallBackAPI_HTTPRequest',
      `labelled ${label}`,
      label,
      `${label} → Activity Label: CallBackAPI_HTTPRequest (Build step 8).`,
    ]);
    // Its label check fails beside it with the same edit (no tick beside a failure renaming it).
    expect(resultOf(report, 'callback-api-label')).toMatchObject({ status: 'failed', hint: `${label} → Activity Label: CallBackAPI_HTTPRequest` });
  }
});

test('a simulated Create Task that goes wrong hints at the setting or activity at fault, not at every setting of the request', async () => {
  const cases: [keyof typeof MISTAKES, string][] = [
    // The task went out with other values: the body reads the wrong variables.
    ['body-destination-outdialcbid', HINTS.callbackApiBody],
    ['body-destination-with-a-leading-space', HINTS.callbackApiBody],
    // The request could not be sent at all: the toggle or the connector, or a template of the body.
    ['callback-api-unauthenticated-with-connector', HINTS.callbackApiAuthenticated],
    ['callback-api-authenticated-without-connector', HINTS.callbackApiAuthenticated],
    ['body-template-escaped-quotes', HINTS.callbackApiBody],
    // Sent or not, the request failed for the field its error names: a template that fails as it renders, a header the request cannot carry, a Parsing Settings row.
    ['body-template-unknown-filter', HINTS.callbackApiBody],
    ['callback-api-header-name-with-a-colon', HINTS.callbackApiHeaders],
    ['callback-api-parses-into-an-undeclared-variable', HINTS.callbackApiParsing],
    // A second callback: the activity that schedules it.
    ['extra-callback-activity', 'Callback_x → remove it from the path of the call (connect the activity before it to the one after it): CallBackAPI_HTTPRequest already schedules the callback.'],
    ['callback-api-twice', 'Event Flows → keep one Create Task request on the way from OnGlobalError: CallBackAPI_HTTPRequest and CallBackAPI_again each created a task.'],
  ];
  for (const [mistake, hint] of cases) {
    const result = resultOf(await gradeMutation(MISTAKES[mistake]), 'run-task-created');
    expect([mistake, result.status, result.hint]).toEqual([mistake, 'failed', hint]);
  }
});

test('a Create Task request that fails on a field the simulator names: the hint is that field of CallBackAPI_HTTPRequest', async () => {
  const set = (field: string, value: unknown) => (f: Json) => {
    props(f, 'CallBackAPI_HTTPRequest')[field] = value;
  };
  const cases: [string, (f: Json) => void, string][] = [
    ['a Request Path template that does not parse', set('httpRequestPath', '/v1/tasks{{'), HINTS.callbackApiPath],
    ['a Request Path filter that does not exist', set('httpRequestPath', '/v1/tasks{{ "" | nosuchfilter }}'), HINTS.callbackApiPath],
    ['a header name with a space', set('httpRequestHeaders', { 'Content Type': 'application/json' }), HINTS.callbackApiHeaders],
    ['a header value with curly quotes', set('httpRequestHeaders', { Accept: '“application/json”' }), HINTS.callbackApiHeaders],
    ['a header value template that fails', set('httpRequestHeaders', { 'X-Caller': '{{ customani | nosuchfilter }}' }), HINTS.callbackApiHeaders],
    ['a query parameter template that fails', set('httpQueryParameters', { source: '{{ customani | nosuchfilter }}' }), HINTS.callbackApiQuery],
    // A method Flow Designer's list does not offer (an export edited by hand): no request can carry it.
    ['a method no HTTP Request sends', set('httpRequestMethod', 'TRACE'), HINTS.callbackApiMethod],
    ['a Parsing Settings path that is no JSONPath', (f) => {
      const p = props(f, 'CallBackAPI_HTTPRequest');
      p.contentType = p['contentType:name'] = p.contentType_name = 'JSON';
      // Jayway 2.10: "Could not parse token starting at position 6" (`$.data[`, its `[` the last character, is `$.data` there).
      p.outputVariableArray = [{ outputVariable: 'getresult', jsonPathExp: '$.data[0' }];
    }, HINTS.callbackApiParsing],
  ];
  for (const [name, mutation, hint] of cases) {
    const result = resultOf(await gradeMutation(mutation), 'run-task-created');
    expect([name, result.status, result.message, result.hint]).toEqual([name, 'failed', expect.stringMatching(/^CallBackAPI_HTTPRequest failed: /), hint]);
  }
});

test('a simulated call that misses an activity for want of a connection, or fails in GET_CBID, hints at that connection or setting', async () => {
  const cases: [keyof typeof MISTAKES, string, string][] = [
    ['get-cbid-skips-set-get-result', 'run-getresult-holds-body', 'Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5).'],
    ['set-get-result-skips-simulate-error', 'run-global-error-raised', 'Drag the connection of SetGetResult from DisconnectContact_g9e to SimulateGlobalError (Build step 6).'],
    ['callback-api-straight-to-end', 'run-status-true-on-201', 'Event Flows → drag the connection of CallBackAPI_HTTPRequest from EndFlow_kid to HTTPStatusCode (Build step 9).'],
    ['callback-api-not-linked', 'run-status-true-on-201', 'Event Flows → connect CallBackAPI_HTTPRequest to HTTPStatusCode (Build step 9).'],
    ['get-cbid-authenticated-without-connector', 'run-get-cbid-fills-variables', HINTS.getCbidUnauthenticated],
    ['parse-path-with-a-space-after-the-dot', 'run-get-cbid-fills-variables', HINTS.getCbidParsing],
    ['parse-row-writes-CustomANI', 'run-get-cbid-fills-variables', HINTS.getCbidParsing],
    // Never sent: nothing but the Request URL can be at fault.
    ['get-cbid-url-with-markdown-asterisks', 'run-get-cbid-fills-variables', HINTS.getCbidUrl],
  ];
  for (const [mistake, id, hint] of cases) {
    const result = resultOf(await gradeMutation(MISTAKES[mistake]), id);
    expect([mistake, result.status, result.hint]).toEqual([mistake, 'failed', hint]);
  }
  const open = resultOf(await gradeFixture('flows/defect-setgetresult-not-linked.json'), 'run-global-error-raised');
  expect(open.hint).toBe('Connect SetGetResult to SimulateGlobalError (Build step 6).');
  // Connected through a Condition that took the other way: the connection is not the fix.
  const other = resultOf(
    await gradeMutation((f) => {
      addActivity(f, 'SetGetResult', 'CheckBody', { activityName: 'condition-activity', activityId: 'condition-activity', expression: '{{getresult == ""}}' }, 'enum-gateway');
      link(f, 'SetGetResult', 'out', 'CheckBody');
      link(f, 'CheckBody', 'true', 'SimulateGlobalError');
      link(f, 'CheckBody', 'false', 'DisconnectContact_g9e');
    }),
    'run-global-error-raised',
  );
  expect([other.status, other.hint]).toEqual(['failed', expect.not.stringContaining('drag the connection')]);
});

test('SimulateGlobalError led elsewhere while its Disconnect Contact sits unconnected: the hint drags the connection there, not adds another', async () => {
  const cases: [keyof typeof MISTAKES, string][] = [
    ['simulate-error-to-music', 'Drag the connection of SimulateGlobalError from Music to DisconnectContact_g9e (Build step 6).'],
    ['simulate-error-back-to-the-menu', 'Drag the connection of SimulateGlobalError from WantCallback to DisconnectContact_g9e (Build step 6).'],
  ];
  for (const [mistake, hint] of cases) {
    const result = resultOf(await gradeMutation(MISTAKES[mistake]), 'simulate-error-to-disconnect');
    expect([mistake, result.status, result.hint]).toEqual([mistake, 'failed', hint]);
  }
  // No Disconnect Contact left unconnected: add one, as Build step 6 says.
  const none = resultOf(await gradeFixture('flows/defect-simulate-no-disconnect.json'), 'simulate-error-to-disconnect');
  expect(none.hint).toBe('Add a Disconnect Contact activity and connect the exit of SimulateGlobalError to it.');
});

/**
 * API Mission 1's emergency switch left True before the menu: the call plays the emergency message,
 * which leads to `then` (a Disconnect Contact, or back to the Condition).
 */
function emergencySwitchOn(then: string): Mutation {
  return (f) => {
    f.variables.push({ ...variable(f, 'Global_Language'), name: 'EmergencyGV_140', type: 'BOOLEAN', value: 'true', id: 'emergency-gv' });
    addActivity(f, 'NewPhoneContact', 'EmergencyCheck', { activityName: 'condition-activity', activityId: 'condition-activity', expression: '{{EmergencyGV_140 == true}}' }, 'enum-gateway');
    addActivity(f, 'NewPhoneContact', 'EmergencyMsg', { activityName: 'play-message', toggle: true, promptsTts: [{ type: 'tts', value: 'We are closed due to an emergency.' }] });
    link(f, 'NewPhoneContact', 'out', 'EmergencyCheck');
    link(f, 'EmergencyCheck', 'false', 'SetVariable_c7q');
    link(f, 'EmergencyCheck', 'true', 'EmergencyMsg');
    link(f, 'EmergencyMsg', 'default', then);
  };
}

test('a simulated call that never reaches WantCallback hints at the way there, not at option 3', async () => {
  // The emergency message, then the caller is disconnected.
  const result = resultOf(await gradeMutation(emergencySwitchOn('DisconnectContact_3zq')), 'run-option3-reaches-get-cbid');
  expect(result.status).toBe('failed');
  expect(result.hint).toBe(
    'In the Debug tool, follow your last call from NewPhoneContact: it ended at DisconnectContact_3zq without reaching WantCallback. A caller who finds no agent available must reach WantCallback (Queue → WantCallback, as Callback Mission 2 left it): check the activities on the way, e.g. a Condition on a variable another mission left set (EmergencyGV_<ID> of API Mission 1).',
  );
});

test('a simulated call going round a loop before WantCallback is not told it ended at the last activity of the loop', async () => {
  // The emergency message leads back to its Condition: the call goes round until the simulator stops it.
  const result = resultOf(await gradeMutation(emergencySwitchOn('EmergencyCheck')), 'run-option3-reaches-get-cbid');
  expect([result.status, result.message]).toEqual(['failed', 'The simulated call never reached WantCallback (stuck in a loop at EmergencyCheck)']);
  expect(result.hint).toMatch(/^In the Debug tool, follow your last call from NewPhoneContact: it never reached WantCallback\. A caller who finds/);
});

test('GET_CBID left authenticated with the MockAPI address in Request Path: the URL check names the toggle, as the path check of the Create Task request does', async () => {
  const result = resultOf(await gradeFixture('flows/defect-getcbid-authenticated.json'), 'get-cbid-url');
  expect([result.status, result.hint]).toEqual(['failed', HINTS.getCbidUnauthenticated]);
});

test('a refused Create Task whose False exit does not end the event flow hints at that exit, not at the Expression', async () => {
  const report = await gradeMutation(MISTAKES['false-retries-through-a-condition']);
  for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
    const result = resultOf(report, id);
    expect([id, result.status, result.hint]).toEqual([id, 'failed', 'HTTPStatusCode → connect the False exit to EndFlow, so that the event flow ends (Build step 9).']);
  }
});

test('a Create Task answered 201 whose True exit does not end the event flow hints at that exit, not at the Expression', async () => {
  for (const mistake of ['status-true-plays-a-message', 'status-true-to-a-dead-end'] as const) {
    const report = await gradeMutation(MISTAKES[mistake]);
    const result = resultOf(report, 'run-status-true-on-201');
    expect([mistake, result.status, result.hint]).toEqual([mistake, 'failed', 'HTTPStatusCode → connect the True exit to EndFlow, so that the event flow ends (Build step 9).']);
  }
  // Through a Play Message, True still reaches End Flow: only the simulated call shows the mistake.
  const report = await gradeMutation(MISTAKES['status-true-plays-a-message']);
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['run-status-true-on-201']);
  expect(resultOf(report, 'run-status-true-on-201').message).toContain("PlayMessage_x: no caller: the caller's leg is gone");
});

test('a True exit leading through a Set Variable to no End Flow ends the event flow there: the simulated call passes, the exits check reports it (docs/checks/run-status-true-on-201.md)', async () => {
  const report = await gradeMutation((f) => {
    addActivity(f, 'HTTPStatusCode', 'SetVariable_t', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'getresult', setTo: 'set-to-literal', expr: 'done' }, 'set-variable');
    link(f, 'HTTPStatusCode', 'true', 'SetVariable_t');
  });
  expect(resultOf(report, 'run-status-true-on-201').status).toBe('passed');
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.message])).toEqual([
    ['status-condition-exits-to-endflow', 'HTTPStatusCode: the True exit does not lead to EndFlow (HTTPStatusCode True → SetVariable_t)'],
  ]);
});

test('an activity that fails on the way to the next mission activity is named in the hint, not the settings of the activity never reached', async () => {
  const raised = resultOf(await gradeMutation(MISTAKES['set-get-result-then-a-failing-set-variable']), 'run-global-error-raised');
  expect([raised.status, raised.hint]).toEqual([
    'failed',
    'SetVariable_zz → it fails before the call reaches SimulateGlobalError: correct it, or drag the connection of SetGetResult from SetVariable_zz to SimulateGlobalError (Build step 6).',
  ]);
  const body = resultOf(
    await gradeMutation((f) => {
      addFailingSetVariable(f, 'GET_CBID', 'SetVariable_yy');
      link(f, 'GET_CBID', 'default', 'SetVariable_yy');
      link(f, 'SetVariable_yy', 'out', 'SetGetResult');
    }),
    'run-getresult-holds-body',
  );
  expect([body.status, body.hint]).toEqual(['failed', 'SetVariable_yy → it fails before the call reaches SetGetResult: correct it, or drag the connection of GET_CBID from SetVariable_yy to SetGetResult (Build step 5).']);
});

test('SimulateGlobalError put too early is not to be "corrected": it fails on purpose, the hint moves the connection', async () => {
  const early = resultOf(await gradeMutation((f) => link(f, 'WantCallback', '3', 'SimulateGlobalError')), 'run-option3-reaches-get-cbid');
  expect([early.status, early.hint]).toEqual([
    'failed',
    'SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: drag the connection of WantCallback option 3 from SimulateGlobalError to GET_CBID (Build step 4); SimulateGlobalError goes after SetGetResult.',
  ]);
  const swapped = resultOf(
    await gradeMutation((f) => {
      link(f, 'GET_CBID', 'default', 'SimulateGlobalError');
      link(f, 'SimulateGlobalError', 'out', 'SetGetResult');
      link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e');
    }),
    'run-getresult-holds-body',
  );
  expect(swapped.hint).toBe('SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5); SimulateGlobalError goes after SetGetResult.');
  // SetGetResult left as Flow Designer named it: the hint names what the canvas shows.
  const relabelled = resultOf(
    await gradeMutation((f) => {
      link(f, 'WantCallback', '3', 'SimulateGlobalError');
      relabel(f, 'SetGetResult', 'SetVariable_q1w');
    }),
    'run-option3-reaches-get-cbid',
  );
  expect(relabelled.hint).toBe('SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: drag the connection of WantCallback option 3 from SimulateGlobalError to GET_CBID (Build step 4); SimulateGlobalError goes after SetVariable_q1w.');
});

test('SimulateGlobalError put too early with SetGetResult deleted: the hint puts it after SetGetResult as the guide names it', async () => {
  const early = resultOf(
    await gradeMutation((f) => {
      link(f, 'WantCallback', '3', 'SimulateGlobalError');
      removeActivity(f, 'SetGetResult');
    }),
    'run-option3-reaches-get-cbid',
  );
  expect(early.hint).toBe('SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: drag the connection of WantCallback option 3 from SimulateGlobalError to GET_CBID (Build step 4); SimulateGlobalError goes after SetGetResult.');
  // Before the menu too.
  const beforeMenu = resultOf(
    await gradeMutation((f) => {
      const graph = f.process;
      const by = (label: string) => Object.values(graph.activities as Record<string, Json>).find((a) => a.name === label)!.id;
      graph.links.find((l: Json) => l.sourceActivityId === by('NewPhoneContact')).targetActivityId = by('SimulateGlobalError');
      removeActivity(f, 'SetGetResult');
    }),
    'run-option3-reaches-get-cbid',
  );
  expect(beforeMenu.hint).toBe('SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: leave the way to WantCallback as Callback Mission 2 left it, and put SimulateGlobalError after SetGetResult.');
});

// The message too: quoting the parse error of {{ ANI | 123}} reads as a fault to mend, while the value is right.
test('SimulateGlobalError put too early: the message says it raises the global error on purpose, not its parse error', async () => {
  const early = resultOf(await gradeMutation((f) => link(f, 'WantCallback', '3', 'SimulateGlobalError')), 'run-option3-reaches-get-cbid');
  expect(early.message).toBe('After option 3 the call never reached GET_CBID (it went on to SimulateGlobalError, which raises the global error on purpose, so nothing after it runs)');
  const skipped = resultOf(await gradeMutation(MISTAKES['get-cbid-skips-set-get-result']), 'run-getresult-holds-body');
  expect(skipped.message).toBe('After GET_CBID the call never reached SetGetResult (it went on to SimulateGlobalError, which raises the global error on purpose, so nothing after it runs)');
  expect(skipped.message).not.toContain('Unexpected token');
});

test('an activity that fails between option 3 and GET_CBID is named in the hint, not the connection of option 3', async () => {
  const report = await gradeMutation((f) => {
    addFailingSetVariable(f, 'WantCallback', 'SetVariable_ww');
    link(f, 'WantCallback', '3', 'SetVariable_ww');
    link(f, 'SetVariable_ww', 'out', 'GET_CBID');
  });
  const result = resultOf(report, 'run-option3-reaches-get-cbid');
  expect([result.status, result.hint]).toEqual(['failed', 'SetVariable_ww → it fails before the call reaches GET_CBID: correct it, or drag the connection of WantCallback option 3 from SetVariable_ww to GET_CBID (Build step 4).']);
});

test('an activity that fails on the way in the Event Flows is named in the hint, not the connection or the Expression', async () => {
  const beforeRequest = resultOf(
    await gradeMutation((f) => {
      addFailingSetVariable(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev');
      link(f, 'GlobalErrorHandling', 'out', 'SetVariable_ev');
      link(f, 'SetVariable_ev', 'out', 'CallBackAPI_HTTPRequest');
    }),
    'run-task-created',
  );
  expect([beforeRequest.status, beforeRequest.hint]).toEqual([
    'failed',
    'Event Flows → SetVariable_ev → it fails before the call reaches CallBackAPI_HTTPRequest: correct it, or drag the connection of OnGlobalError from SetVariable_ev to CallBackAPI_HTTPRequest (Build step 8).',
  ]);
  const beforeCondition = resultOf(
    await gradeMutation((f) => {
      addFailingSetVariable(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev');
      link(f, 'CallBackAPI_HTTPRequest', 'default', 'SetVariable_ev');
      link(f, 'SetVariable_ev', 'out', 'HTTPStatusCode');
    }),
    'run-status-true-on-201',
  );
  expect([beforeCondition.status, beforeCondition.hint]).toEqual([
    'failed',
    'Event Flows → SetVariable_ev → it fails before the call reaches HTTPStatusCode: correct it, or drag the connection of CallBackAPI_HTTPRequest from SetVariable_ev to HTTPStatusCode (Build step 9).',
  ]);
});

test('a wrong Create Task body shows only the wrong fields as expected/actual, not both bodies as one-line JSON', async () => {
  const entry = resultOf(await gradeFixture('flows/defect-callbackapi-body-entrypoint-customani.json'), 'callback-api-body');
  expect([entry.status, entry.expected, entry.actual]).toEqual(['failed', '"entryPointId": "{{outdialcbid}}"', '"entryPointId": "{{customani}}"']);
  const missing = resultOf(await gradeFixture('flows/defect-callbackapi-body-without-callback.json'), 'callback-api-body');
  expect([missing.expected, missing.actual]).toEqual(['"callback": {"callbackOrigin": "web", "callbackType": "immediate"}', 'no "callback" field']);
  const misspelt = resultOf(
    await gradeMutation((f) => {
      const body = JSON.parse(props(f, 'CallBackAPI_HTTPRequest').httpRequestBody);
      body.callBack = body.callback;
      delete body.callback;
      body.callBack.callbackType = 'scheduled';
      props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = JSON.stringify(body);
    }),
    'callback-api-body',
  );
  expect([misspelt.expected, misspelt.actual]).toEqual(['"callback": {"callbackOrigin": "web", "callbackType": "immediate"}', '"callBack": {"callbackOrigin": "web", "callbackType": "scheduled"}']);
});

test('GET_CBID answered with a WxCC API error: actual gives the error text, not the JSON of the answer', async () => {
  const run = resultOf(await gradeFixture('flows/defect-getcbid-authenticated.json'), 'run-get-cbid-fills-variables');
  expect(run.actual).toMatch(/^HTTP 404: GET \/https:\/\/674481b1b4e2e04abea27c6e\.mockapi\.io\/flowdesigner\/Lab\/DynVars is not/);
  expect(run.actual).not.toContain('trackingId');
  expect(run.actual).not.toContain('{');
});

test('getresult holding the text "GET_CBID.httpResponseBody": expected names the response, not 160 characters of its JSON', async () => {
  const run = resultOf(await gradeFixture('flows/defect-setgetresult-literal.json'), 'run-getresult-holds-body');
  expect(run.expected).toMatch(/^the whole response body of GET_CBID \(\d+ characters, starting \[\{"id":140,"dn":"4694096861",.{0,20}…\)$/);
  expect(run.actual).toBe('"GET_CBID.httpResponseBody"');
});

test('the flow variable hints name one path to the panel: Global Flow Properties → Custom Variables → Flow Variables', async () => {
  for (const file of ['defect-variable-customani-default-not-empty', 'defect-variable-outdialcbid-integer', 'defect-variable-missing-getresult']) {
    const report = await gradeFixture(`flows/${file}.json`);
    for (const check of report.checks.filter((c) => c.status === 'failed' && c.id.startsWith('variable-'))) {
      expect(check.hint).toMatch(/^Global Flow Properties → Custom Variables → Flow Variables → /);
    }
  }
});

test('a Create Task body that is not JSON: expected/actual show where it breaks, not the guide body minified beside the whole text', async () => {
  const result = resultOf(await gradeFixture('flows/defect-callbackapi-body-invalid-json.json'), 'callback-api-body');
  expect(result.expected).toBe('valid JSON, as the body of Build step 8');
  expect(result.actual).toMatch(/^line 7, column 5: ….*"mediaType": "telephony" "callback": \{.*…$/);
  expect([...result.actual!].length).toBeLessThanOrEqual(90);
});

test('a Request Body stored in the export as a JSON object, not as text, is told so, not reported as empty', async () => {
  const result = resultOf(await gradeMutation((f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = JSON.parse(p.httpRequestBody);
  }), 'callback-api-body');
  expect([result.status, result.expected, result.actual]).toEqual(['failed', 'the body of Build step 8, as text', 'a JSON object']);
  expect(result.message).toBe('CallBackAPI_HTTPRequest: the export holds the Request Body as a JSON object, not as text; Flow Designer keeps the body as the text typed into the field');
  const array = resultOf(await gradeMutation((f) => {
    props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = [];
  }), 'callback-api-body');
  expect(array.actual).toBe('a JSON array');
});

test('HTTPStatusCode built as a Case: said once in the palette\'s words, and the simulated calls point there instead of naming the case key', async () => {
  const report = await gradeMutation((f) => {
    Object.assign(props(f, 'HTTPStatusCode'), {
      activityName: 'case-statement', activityId: 'case-statement', expression: '{{CallBackAPI_HTTPRequest.httpStatusCode}}',
      menuLinks: ['0'], menuLinks_input: ['201'], 'menuLinks:input': ['201'],
    });
    link(f, 'HTTPStatusCode', '0', 'EndFlow_kid');
    link(f, 'HTTPStatusCode', 'default', 'EndFlow_kid');
    for (const exit of ['true', 'false']) unlink(f, 'HTTPStatusCode', exit);
  });
  const type = resultOf(report, 'status-condition-after-callback-api');
  expect([type.status, type.message]).toEqual(['failed', 'HTTPStatusCode is a Case activity, not a Condition']);
  for (const id of ['run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500']) {
    const run = resultOf(report, id);
    expect([run.status, run.earned], id).toEqual(['skipped', 0]);
    expect(run.message, id).toContain('reported under “CallBackAPI_HTTPRequest leads to the Condition HTTPStatusCode”');
  }
  // The way the Case went, in the canvas's words (its case label, Default), not its export key 0.
  expect(resultOf(report, 'run-status-true-on-201').message).toMatch(/^Not judged: HTTPStatusCode left by its case "201" although the Tasks API answered 201/);
  expect(resultOf(report, 'run-status-false-on-400').message).toMatch(/^Not judged: HTTPStatusCode left by Default although the Tasks API answered 400/);
});

test('a Case in place of HTTPStatusCode: its case label as the canvas shows it (trimmed), its key where the case has none', async () => {
  const asCase = (labels: string[], expression = '{{CallBackAPI_HTTPRequest.httpStatusCode}}') => gradeMutation((f) => {
    Object.assign(props(f, 'HTTPStatusCode'), {
      activityName: 'case-statement', activityId: 'case-statement', expression,
      menuLinks: ['0'], menuLinks_input: labels, 'menuLinks:input': labels,
    });
    link(f, 'HTTPStatusCode', '0', 'EndFlow_kid');
    link(f, 'HTTPStatusCode', 'default', 'EndFlow_kid');
    for (const exit of ['true', 'false']) unlink(f, 'HTTPStatusCode', exit);
  });
  // The expression renders '201 ', as the case is labelled: the case is taken.
  const spaced = resultOf(await asCase(['201 '], '{{CallBackAPI_HTTPRequest.httpStatusCode}} '), 'run-status-true-on-201');
  expect(spaced.message).toMatch(/^Not judged: HTTPStatusCode left by its case "201" although/);
  // A case labelled with white space only, taken: named by its key, not as Default.
  const blank = resultOf(await asCase(['  '], '{{ "  " }}'), 'run-status-true-on-201');
  expect(blank.message).toMatch(/^Not judged: HTTPStatusCode left by 0 although/);
});

test('a Case\'s links are drawn by the match values its ports show (201, Default), not by the export\'s keys; other links by their exit', async () => {
  const report = await gradeMutation((f) => {
    Object.assign(props(f, 'HTTPStatusCode'), {
      activityName: 'case-statement', activityId: 'case-statement', expression: '{{CallBackAPI_HTTPRequest.httpStatusCode}}',
      menuLinks: ['0', '1'], menuLinks_input: ['201', ' '], 'menuLinks:input': ['201', ' '],
    });
    link(f, 'HTTPStatusCode', '0', 'EndFlow_kid');
    link(f, 'HTTPStatusCode', '1', 'EndFlow_kid');
    link(f, 'HTTPStatusCode', 'default', 'EndFlow_kid');
    for (const exit of ['true', 'false']) unlink(f, 'HTTPStatusCode', exit);
  });
  const caseId = report.flow!.events.nodes.find((node) => node.label === 'HTTPStatusCode')!.id;
  const edges = report.flow!.events.edges.filter((edge) => edge.from === caseId).map(({ exit, label }) => [exit, label]);
  // A blank case label is no name: the key stays what the link says.
  expect(edges.sort()).toEqual([['0', '201'], ['1', undefined], ['default', 'Default']]);
  expect(report.flow!.events.edges.filter((edge) => edge.from !== caseId).every((edge) => edge.label === undefined)).toBe(true);
  // The trace says it as the drawing does, and keeps the key the run left by.
  const left = report.scenarios.find((scenario) => scenario.id === 'happy-path')!.trace.find((entry) => entry.activity === 'HTTPStatusCode')!;
  expect([left.outcome, left.outcomeLabel, outcomeName(left)]).toEqual(['0', '201', '201']);
  expect(renderTraceTable([left])).toMatch(/HTTPStatusCode +Case +201\n/);
  // Without labels a Case's keys are its match values: nothing more to name.
  const bare = await gradeMutation((f) => {
    Object.assign(props(f, 'HTTPStatusCode'), { activityName: 'case-statement', activityId: 'case-statement', expression: '{{CallBackAPI_HTTPRequest.httpStatusCode}}', menuLinks: ['201'] });
    link(f, 'HTTPStatusCode', '201', 'EndFlow_kid');
    link(f, 'HTTPStatusCode', 'default', 'EndFlow_kid');
    for (const exit of ['true', 'false']) unlink(f, 'HTTPStatusCode', exit);
  });
  const bareEntry = bare.scenarios.find((scenario) => scenario.id === 'happy-path')!.trace.find((entry) => entry.activity === 'HTTPStatusCode')!;
  expect([bareEntry.outcome, bareEntry.outcomeLabel]).toEqual(['201', undefined]);
});

test('a condition written with one = or with === is told that Pebble compares with ==', async () => {
  for (const expression of ['{{CallBackAPI_HTTPRequest.httpStatusCode = 201}}', '{{CallBackAPI_HTTPRequest.httpStatusCode === 201}}']) {
    const result = resultOf(await gradeMutation((f) => { props(f, 'HTTPStatusCode').expression = expression; }), 'status-condition-expression');
    expect(result.status, expression).toBe('failed');
    expect(result.message, expression).toContain('compare with == (one = or === is no operator in Pebble)');
  }
  // A parse error of another kind says nothing of it.
  const other = resultOf(await gradeMutation((f) => { props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 ==}}'; }), 'status-condition-expression');
  expect(other.message).not.toContain('compare with ==');
});

test('the == note reads only what is inside {{ }}: >=, <= and != are operators, a = before the braces is text, a = right after {{ is one =', async () => {
  const noteOf = async (expression: string) => {
    const result = resultOf(await gradeMutation((f) => { props(f, 'HTTPStatusCode').expression = expression; }), 'status-condition-expression');
    expect(result.status, expression).toBe('failed');
    return result.message.includes('compare with ==');
  };
  for (const expression of ['{{CallBackAPI_HTTPRequest.httpStatusCode >= 201 >=}}', '{{CallBackAPI_HTTPRequest.httpStatusCode <= 201 <=}}', '{{CallBackAPI_HTTPRequest.httpStatusCode != 201 !=}}', 'a=b {{CallBackAPI_HTTPRequest.httpStatusCode == 201 ==}}']) {
    expect(await noteOf(expression), expression).toBe(false);
  }
  expect(await noteOf('{{= 201}}')).toBe(true);
});

// The request straight to EndFlow: HTTPStatusCode runs in none of the three calls. The 400 and 500
// calls are not judged, in the words of their own failure ("with the Tasks API answering 400"),
// not in the grader's ("the happy path"), which no attendee reads in the lab.
test('HTTPStatusCode never reached: the 400 and 500 checks say it did not run with the Tasks API answering either, pointing at the 201 check', async () => {
  const report = await gradeMutation(MISTAKES['callback-api-straight-to-end']);
  for (const status of [400, 500]) {
    expect(resultOf(report, `run-status-false-on-${status}`).message).toBe(
      `Not judged: HTTPStatusCode did not run with the Tasks API answering ${status} either (reported under “Simulated call: HTTPStatusCode leaves by True on 201 Created”)`,
    );
  }
});

// The outdialcbid row's Output Variable picked wrong: another variable of the flow's own (declared,
// so not a misspelling). With the guide's path the row is named by its path; with another path, by
// what it writes.
test('a Parsing Settings row writing another variable of the flow: named by its path when the path is right, else by what it writes', async () => {
  const rowWrites = (name: string, path?: string) => (f: Json): void => {
    f.variables.push({ ...variable(f, 'outdialcbid'), name });
    const row = (props(f, 'GET_CBID').outputVariableArray as Json[]).find((r) => r.outputVariable === 'outdialcbid')!;
    row.outputVariable = name;
    if (path !== undefined) row.jsonPathExp = path;
  };
  const right = resultOf(await gradeMutation(rowWrites('cbep')), 'get-cbid-parse-paths');
  expect([right.status, right.message]).toEqual(['failed', 'GET_CBID Parsing Settings are wrong: the row for $[0].outboundcallbackep writes cbep, not outdialcbid']);
  const wrong = resultOf(await gradeMutation(rowWrites('cbep', '$[0].id')), 'get-cbid-parse-paths');
  expect([wrong.status, wrong.message]).toEqual([
    'failed',
    'GET_CBID Parsing Settings are wrong: no row writes outdialcbid (the row cbep ← $[0].id writes another variable; expected outdialcbid ← $[0].outboundcallbackep)',
  ]);
});

test("an activity on the way that fails on a mission variable's type points to that variable's check, as the activity at a stage does", async () => {
  // customani typed Integer, and a Set Variable writing text into it where the call passes: before GET_CBID, before the Create Task request.
  const cases: [string, string, Mutation][] = [
    ['run-option3-reaches-get-cbid', 'SetVariable_ww', (f) => {
      addActivity(f, 'WantCallback', 'SetVariable_ww', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'customani', setTo: 'set-to-literal', expr: 'abc' }, 'set-variable');
      link(f, 'WantCallback', '3', 'SetVariable_ww');
      link(f, 'SetVariable_ww', 'out', 'GET_CBID');
    }],
    ['run-task-created', 'SetVariable_ev', (f) => {
      addActivity(f, 'CallBackAPI_HTTPRequest', 'SetVariable_ev', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'customani', setTo: 'set-to-literal', expr: 'abc' }, 'set-variable');
      link(f, 'GlobalErrorHandling', 'out', 'SetVariable_ev');
      link(f, 'SetVariable_ev', 'out', 'CallBackAPI_HTTPRequest');
    }],
  ];
  for (const [check, label, onTheWay] of cases) {
    const report = await gradeMutation((f) => {
      Object.assign(variable(f, 'customani'), { type: 'INTEGER', value: '0' });
      onTheWay(f);
    });
    const call = resultOf(report, check);
    expect([check, call.status, call.message]).toEqual([check, 'skipped', expect.stringContaining('reported under “Flow variable customani (String, empty default)”')]);
    expect(call.message).toContain(`${label}, which failed: cannot store "abc" in Integer variable 'customani'`);
  }
});

test('a prompt offering 3 for something else than the simulated error: the message quotes the words with the 3', async () => {
  const report = await gradeMutation((f) => {
    const text = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 for sales.';
    props(f, 'WantCallback').promptsTts = [{ type: 'tts', value: text, name: text }];
  });
  const result = resultOf(report, 'want-callback-prompt-option3');
  expect([result.message, result.hint]).toEqual([
    'The prompt of WantCallback offers option 3 for something else than the simulated error ("Press 3 for sales"): the caller is to press 3 to simulate global error',
    'WantCallback → Prompt → Text-to-Speech Message: offer option 3 for the error, as the guide\'s last sentence does: "Press 3 to simulate global error."',
  ]);
  // Offered twice for something else: the first words are quoted.
  const twice = await gradeMutation((f) => {
    const text = 'All agents are busy. Press 1 for a callback. Press 2 to wait. Press 3 for sales. Press 3 again for billing.';
    props(f, 'WantCallback').promptsTts = [{ type: 'tts', value: text, name: text }];
  });
  expect(resultOf(twice, 'want-callback-prompt-option3').message).toContain('("Press 3 for sales")');
});

test('Parsing Settings rows there with wrong paths: the hint says which Path Expressions to change, not to Add New rows; a row missing keeps the steps of the guide', async () => {
  const change = 'GET_CBID → Parsing Settings: change the Path Expression of outdialcbid to $[0].outboundcallbackep and of customani to $[0].tacnumber.';
  for (const file of ['flows/defect-getcbid-jsonpath-without-index.json', 'flows/defect-getcbid-outputs-swapped.json']) {
    const report = await gradeFixture(file);
    // The simulated call that finds the variables unfilled says the same, not the guide's Add New.
    expect([resultOf(report, 'get-cbid-parse-paths').hint, resultOf(report, 'run-get-cbid-fills-variables').hint], file).toEqual([change, change]);
  }
  const one = await gradeMutation((f) => { props(f, 'GET_CBID').outputVariableArray[1].jsonPathExp = '$.tacnumber'; });
  const customani = 'GET_CBID → Parsing Settings: change the Path Expression of customani to $[0].tacnumber.';
  expect([resultOf(one, 'get-cbid-parse-paths').hint, resultOf(one, 'run-get-cbid-fills-variables').hint]).toEqual([customani, customani]);
  // Two rows write customani, the last one wrong: that is the row to change.
  const last = resultOf(await gradeMutation((f) => { props(f, 'GET_CBID').outputVariableArray.push({ outputVariable: 'customani', jsonPathExp: '$.tacnumber' }); }), 'get-cbid-parse-paths');
  expect(last.hint).toBe('GET_CBID → Parsing Settings: change the Path Expression of the last customani row to $[0].tacnumber.');
  const missing = await gradeMutation((f) => { props(f, 'GET_CBID').outputVariableArray.pop(); });
  expect([resultOf(missing, 'get-cbid-parse-paths').hint, resultOf(missing, 'run-get-cbid-fills-variables').hint]).toEqual([HINTS.getCbidParsePaths, HINTS.getCbidParsing]);
  // A row missing beside a wrong path: the guide's steps still, which add the row and give both paths.
  const missingAndWrong = await gradeMutation((f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray;
    rows.pop();
    rows[0].jsonPathExp = '$.outboundcallbackep';
  });
  expect([resultOf(missingAndWrong, 'get-cbid-parse-paths').hint, resultOf(missingAndWrong, 'run-get-cbid-fills-variables').hint]).toEqual([HINTS.getCbidParsePaths, HINTS.getCbidParsing]);
  // A row with no Path Expression is there: its path is to be typed.
  const unset = resultOf(await gradeMutation((f) => { props(f, 'GET_CBID').outputVariableArray[1].jsonPathExp = ''; }), 'get-cbid-parse-paths');
  expect(unset.hint).toBe('GET_CBID → Parsing Settings: type the Path Expression $[0].tacnumber for customani.');
  // One to change and one to type, in one hint.
  const both = resultOf(await gradeMutation((f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray;
    rows[0].jsonPathExp = '$.outboundcallbackep';
    rows[1].jsonPathExp = '';
  }), 'get-cbid-parse-paths');
  expect(both.hint).toBe('GET_CBID → Parsing Settings: change the Path Expression of outdialcbid to $[0].outboundcallbackep; type the Path Expression $[0].tacnumber for customani.');
  // $[-1] reads the one record MockAPI answers, as $[0] does: only the other row is named.
  const lastRecord = resultOf(await gradeMutation((f) => {
    const rows = props(f, 'GET_CBID').outputVariableArray;
    rows[0].jsonPathExp = '$.outboundcallbackep';
    rows[1].jsonPathExp = '$[-1].tacnumber';
  }), 'get-cbid-parse-paths');
  expect(lastRecord.hint).toBe('GET_CBID → Parsing Settings: change the Path Expression of outdialcbid to $[0].outboundcallbackep.');
  // A variable declared in another case: its row is the one in that spelling, and named so.
  const spelled = resultOf(await gradeMutation((f) => {
    for (const v of f.variables) if (v.name === 'outdialcbid') v.name = 'outDialCbid';
    Object.assign(props(f, 'GET_CBID').outputVariableArray[0], { outputVariable: 'outDialCbid', jsonPathExp: '$.outboundcallbackep' });
  }), 'get-cbid-parse-paths');
  expect(spelled.hint).toBe('GET_CBID → Parsing Settings: change the Path Expression of outDialCbid to $[0].outboundcallbackep.');
});
