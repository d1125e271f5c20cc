import { test, expect } from '@playwright/test';
import { simulate, type Scenario } from '../../../engine/simulator/index.js';
import type { FlowModel } from '../../../engine/model.js';
import { buildFlow, condition, disconnect, endFlow, fakeServices, menu, play, setVar, type Edge, type FlowSpec, type Node } from './helpers.js';

function run(model: FlowModel, scenario: Scenario = {}, extra: Partial<Parameters<typeof simulate>[2]> = {}) {
  return simulate(model, scenario, { services: fakeServices(), ...extra });
}

const entry = (result: Awaited<ReturnType<typeof run>>, label: string) => {
  const found = result.trace.find((e) => e.activity === label);
  if (!found) throw new Error(`no trace entry for ${label}: ${result.trace.map((e) => e.activity).join(', ')}`);
  return found;
};

test.describe('NewPhoneContact', () => {
  test('exposes default contact data (E.164 numbers) and scenario overrides', async () => {
    const model = buildFlow({
      main: [play('Say', 'ANI {{NewPhoneContact.ANI}} DNIS {{NewPhoneContact.DNIS | slice(2)}} vip {{NewPhoneContact.Vip}}'), disconnect()],
      links: [['NewPhoneContact', 'out', 'Say'], ['Say', 'default', 'Disconnect']],
    });
    const plain = await run(model);
    expect(entry(plain, 'NewPhoneContact').modifiedVariables).toMatchObject({ 'NewPhoneContact.ANI': '+14085551234', 'NewPhoneContact.DNIS': '+14694096861' });
    expect(entry(plain, 'Say').prompts).toEqual(['ANI +14085551234 DNIS 4694096861 vip ']);
    const custom = await run(model, { contact: { ANI: '+15550001111', Vip: 'yes' } });
    expect(entry(custom, 'Say').prompts).toEqual(['ANI +15550001111 DNIS 4694096861 vip yes']);
    expect(custom.variables['NewPhoneContact.Vip']).toBe('yes');
  });

  test('its fields are read ignoring case ({{NewPhoneContact.ani}}, .InteractionId, .interactionId, as Cisco\'s own flows write them); other outputs and variables are not', async () => {
    const model = buildFlow({
      variables: [{ name: 'who', type: 'STRING', value: 'Ada' }],
      main: [
        play('Say', 'ani {{NewPhoneContact.ani}} dnis {{NewPhoneContact.dnis | slice(2)}} id {{NewPhoneContact.InteractionId}} {{NewPhoneContact.interactionId}} {{NewPhoneContact["ANi"]}}'),
        play('Others', 'say {{Say.PROMPT}}{{WHO}}{{who}}'),
        disconnect(),
      ],
      links: [['NewPhoneContact', 'out', 'Say'], ['Say', 'default', 'Others'], ['Others', 'default', 'Disconnect']],
    });
    const contact = { ANI: '+15550001111', InteractionID: 'call-7' };
    const result = await run(model, { contact });
    expect(entry(result, 'Say').prompts).toEqual(['ani +15550001111 dnis 4694096861 id call-7 call-7 +15550001111']);
    expect(entry(result, 'Others').prompts).toEqual(['say Ada']);
    // The trace and the final values keep the fields' own names.
    expect(Object.keys(entry(result, 'NewPhoneContact').modifiedVariables)).toContain('NewPhoneContact.InteractionID');
    expect(result.variables['NewPhoneContact.ani']).toBeUndefined();
    // A field of the exact name wins over one that differs only in case.
    const both = await run(model, { contact: { ...contact, ani: 'exact' } });
    expect(entry(both, 'Say').prompts?.[0]).toMatch(/^ani exact /);
    // contactFieldsIgnoreCase: false reads them as a map's keys, by exact name.
    const exact = await run(model, { contact }, { contactFieldsIgnoreCase: false });
    expect(entry(exact, 'Say').prompts).toEqual(['ani  dnis  id   ']);
  });
});

test.describe('play-message and play-music', () => {
  test('TTS prompts are rendered with the flow variables; audio file names are kept', async () => {
    const model = buildFlow({
      variables: [{ name: 'who', type: 'STRING', value: 'Ada' }],
      main: [
        play('Hello', 'Hello {{who}}'),
        { label: 'Audio', type: 'play-message', props: { toggle: false, promptsTts: null, prompts: [{ type: 'audioFile', value: 'Welcome.wav' }] } },
        { label: 'Music', type: 'play-music', props: { prompt: 'defaultmusic_on_hold.wav' } },
        disconnect(),
      ],
      links: [['NewPhoneContact', 'out', 'Hello'], ['Hello', 'default', 'Audio'], ['Audio', 'default', 'Music'], ['Music', 'default', 'Disconnect']],
    });
    const result = await run(model);
    expect(entry(result, 'Hello').prompts).toEqual(['Hello Ada']);
    expect(entry(result, 'Audio').prompts).toEqual(['Welcome.wav']);
    expect(entry(result, 'Music').prompts).toEqual(['defaultmusic_on_hold.wav']);
    expect(result.status).toBe('completed');
  });

  test('Play Music set dynamically plays the rendered music variable, not the static file picked before', async () => {
    const model = buildFlow({
      variables: [{ name: 'music', type: 'STRING', value: 'jazz' }],
      main: [{ label: 'Music', type: 'play-music', props: { prompt: 'defaultmusic_on_hold.wav', promptDynamic: '{{music}}.wav' } }, disconnect()],
      links: [['NewPhoneContact', 'out', 'Music'], ['Music', 'default', 'Disconnect']],
    });
    expect(entry(await run(model), 'Music').prompts).toEqual(['jazz.wav']);
  });

  test('a prompt that does not render fails the activity and takes its linked error exit', async () => {
    const model = buildFlow({
      main: [play('Broken', 'Hi {{ ANI | 123 }}'), play('Sorry', 'sorry'), disconnect()],
      links: [['NewPhoneContact', 'out', 'Broken'], ['Broken', 'error', 'Sorry'], ['Sorry', 'default', 'Disconnect']],
    });
    const result = await run(model);
    expect(entry(result, 'Broken').outcome).toBe('error');
    expect(entry(result, 'Broken').error).toContain('expression error');
    expect(result.trace.map((e) => e.activity)).toEqual(['NewPhoneContact', 'Broken', 'Sorry', 'Disconnect']);
    expect(result.globalErrorRaised).toBe(false);
  });
});

test.describe('ivr-menu', () => {
  const spec: FlowSpec = {
    main: [menu('Menu', ['1', '2']), play('One', 'one'), play('Two', 'two'), disconnect()],
    links: [
      ['NewPhoneContact', 'out', 'Menu'],
      ['Menu', '1', 'One'],
      ['Menu', '2', 'Two'],
      ['Menu', 'timeout', 'Menu'],
      ['Menu', 'invalid', 'Menu'],
      ['One', 'default', 'Disconnect'],
      ['Two', 'default', 'Disconnect'],
    ],
  };

  test('an answer that is a menu key leaves by that key, with OptionEntered and the prompt', async () => {
    const result = await run(buildFlow(spec), { dtmf: { Menu: '2' } });
    expect(entry(result, 'Menu')).toMatchObject({ outcome: '2', modifiedVariables: { 'Menu.OptionEntered': '2' }, prompts: ['Press a key'] });
    expect(result.trace.map((e) => e.activity)).toEqual(['NewPhoneContact', 'Menu', 'Two', 'Disconnect']);
  });

  test('a list answers successive visits: no input → timeout, a wrong key → invalid', async () => {
    const result = await run(buildFlow(spec), { dtmf: { Menu: ['', '7', '1'] } });
    const menuEntries = result.trace.filter((e) => e.activity === 'Menu');
    expect(menuEntries.map((e) => e.outcome)).toEqual(['timeout', 'invalid', '1']);
    expect(menuEntries[1].modifiedVariables).toEqual({ 'Menu.OptionEntered': '7' });
  });

  test('a menu ends at the first key: of a longer answer only the first key counts', async () => {
    const result = await run(buildFlow(spec), { dtmf: { Menu: '12' } });
    expect(entry(result, 'Menu')).toMatchObject({ outcome: '1', modifiedVariables: { 'Menu.OptionEntered': '1' } });
  });

  test('a menu key is matched as written: a Digit Number " 3" (an edited export) is no option 3, pressing 3 leaves by Unmatched Entry', async () => {
    const spaced: FlowSpec = { main: [menu('Menu', ['1', ' 3']), play('Three', 'three'), disconnect()], links: [['NewPhoneContact', 'out', 'Menu'], ['Menu', ' 3', 'Three'], ['Menu', 'invalid', 'Disconnect'], ['Three', 'default', 'Disconnect']] };
    for (const answer of ['3', ' 3']) {
      const result = await run(buildFlow(spaced), { dtmf: { Menu: answer } });
      expect(entry(result, 'Menu'), JSON.stringify(answer)).toMatchObject({ outcome: 'invalid', modifiedVariables: { 'Menu.OptionEntered': '3' } });
    }
  });

  test('a menu nobody answers loops on timeout until the visit limit: stuck', async () => {
    const result = await run(buildFlow(spec), {}, { maxVisitsPerActivity: 4 });
    expect(result.status).toBe('stuck');
    expect(result.summary).toBe('stuck in a loop at Menu: the caller presses nothing (No-Input Timeout each time)');
    expect(result.trace.filter((e) => e.activity === 'Menu')).toHaveLength(4);
  });
});

test.describe('ivr-collectdigits', () => {
  const spec: FlowSpec = {
    main: [
      { label: 'Digits', type: 'ivr-collectdigits', props: { minDigits: '4', maxDigits: 6, terminatorSymbol: '#', promptsTts: [{ type: 'tts', value: 'Enter' }] } },
      play('Echo', 'You entered {{Digits.DigitsEntered}}'),
      play('Bad', 'bad'),
      play('Silent', 'silent'),
    ],
    links: [['NewPhoneContact', 'out', 'Digits'], ['Digits', 'default', 'Echo'], ['Digits', 'invalid', 'Bad'], ['Digits', 'timeout', 'Silent']],
  };

  test('valid digits (terminator dropped) set DigitsEntered and leave by default', async () => {
    const result = await run(buildFlow(spec), { dtmf: { Digits: '12345#' } });
    expect(entry(result, 'Digits')).toMatchObject({ outcome: 'default', modifiedVariables: { 'Digits.DigitsEntered': '12345' } });
    expect(entry(result, 'Echo').prompts).toEqual(['You entered 12345']);
  });

  test('entry ends at the terminator or at maxDigits: later keys are not collected', async () => {
    for (const [answer, exit, digits] of [['1234#567', 'default', '1234'], ['12#456', 'invalid', undefined], ['1234567#', 'default', '123456'], ['12345678', 'default', '123456'], ['*12*3', 'default', '*12*3']] as const) {
      const result = await run(buildFlow(spec), { dtmf: { Digits: answer } });
      expect([answer, entry(result, 'Digits').outcome, entry(result, 'Digits').modifiedVariables['Digits.DigitsEntered']]).toEqual([answer, exit, digits]);
    }
  });

  test('too few or non-digit answers are invalid; no answer is timeout', async () => {
    for (const [answer, exit] of [['123', 'invalid'], ['12#', 'invalid'], ['12a4', 'invalid'], ['', 'timeout']] as const) {
      const result = await run(buildFlow(spec), { dtmf: { Digits: answer } });
      expect(entry(result, 'Digits').outcome, answer).toBe(exit);
      expect(entry(result, 'Digits').modifiedVariables).toEqual({});
    }
  });
});

test.describe('set-variable', () => {
  const variables = [
    { name: 'text', type: 'STRING', value: '' },
    { name: 'count', type: 'INTEGER', value: '1' },
    { name: 'flag', type: 'BOOLEAN', value: 'false' },
    { name: 'blob', type: 'JSON', value: '{}' },
    { name: 'price', type: 'DECIMAL', value: '10' },
  ];
  const one = (node: ReturnType<typeof setVar>) => buildFlow({ variables, main: [node, endFlow()], links: [['NewPhoneContact', 'out', node.label], [node.label, 'out', 'EndFlow']] });
  const typed = (label: string, variable: string, type: string, expr: string) => {
    const node = setVar(label, variable, expr);
    node.props!.srcVariableType = type;
    return node;
  };

  test('STRING gets the rendered template; set-to-variable copies another value', async () => {
    const literal = await run(one(setVar('S', 'text', 'n={{count + 1}}')));
    expect(entry(literal, 'S').modifiedVariables).toEqual({ text: 'n=2' });
    const copy = await run(one(setVar('S', 'text', '{{NewPhoneContact.ANI}}', 'set-to-variable')));
    expect(copy.variables.text).toBe('+14085551234');
    const bare = await run(one(setVar('S', 'text', 'NewPhoneContact.DNIS', 'set-to-variable')));
    expect(bare.variables.text).toBe('+14694096861');
  });

  test('typed targets get converted values: INTEGER, BOOLEAN, JSON', async () => {
    expect((await run(one(typed('S', 'count', 'INTEGER', '{{count + 41}}')))).variables.count).toBe(42);
    expect((await run(one(typed('S', 'count', 'INTEGER', '7')))).variables.count).toBe(7);
    expect((await run(one(typed('S', 'flag', 'BOOLEAN', 'true')))).variables.flag).toBe(true);
    expect((await run(one(typed('S', 'blob', 'JSON', '{"a":[1,2]}')))).variables.blob).toEqual({ a: [1, 2] });
  });

  test('a DECIMAL variable is a double in expressions, whole or not', async () => {
    expect((await run(one(setVar('S', 'text', '{{ price / 4 }} {{ price }} {{ count / 4 }}')))).variables.text).toBe('2.5 10.0 0');
    expect((await run(one(typed('S', 'count', 'INTEGER', '{{ price }}')))).variables.count).toBe(10);
    expect((await run(one(typed('S', 'price', 'DECIMAL', '{{ price * 3 }}')))).variables.price).toBe(30);
  });

  test('a JSON variable holds its numbers as Java read its text: 100.0 a Double, an integer beyond 2^53 a Long with every digit', async () => {
    // JavaScript reads 100.0 as 100, which Pebble took for a Long (12 for 100.0 / 8), and rounds
    // 1234567890123456789 to 1234567890123456800.
    const json = '{"amount": 100.0, "rates": [2.0, 0.5], "id": 1234567890123456789, "count": 3}';
    const shown = (j: string, steps: Node[] = [], show = '{{ j.amount }} {{ j.amount / 8 }} {{ j.rates[0] }} {{ j.id }} {{ j.count / 2 }}') =>
      run(
        buildFlow({
          variables: [...variables, { name: 'j', type: 'JSON', value: j }],
          main: [...steps, setVar('Show', 'text', show), endFlow()],
          links: [['NewPhoneContact', 'out', steps[0]?.label ?? 'Show'], ...steps.map((step, i): Edge => [step.label, 'out', steps[i + 1]?.label ?? 'Show']), ['Show', 'out', 'EndFlow']],
        }),
      );
    const expected = '100.0 12.5 2.0 1234567890123456789 1';
    // Its default, and a Set Variable's JSON text.
    expect((await shown(json)).variables.text).toBe(expected);
    const set = await shown('{}', [typed('Set', 'j', 'JSON', json)]);
    expect(set.variables.text).toBe(expected);
    // A template rendered into JSON text: a DECIMAL prints 100.0 there, which Java reads back as a Double.
    expect((await shown('{}', [typed('Set', 'j', 'JSON', '{"amount": {{ price * 10 }}}')], '{{ j.amount / 8 }}')).variables.text).toBe('12.5');
    // The trace and the final values stay plain JSON.
    expect(entry(set, 'Set').modifiedVariables).toEqual({ j: JSON.parse(json) });
  });

  test('a JSON variable finds each number Java reads otherwise, by its place: an exponent (1e2, 2E1), 16 digits, a key holding / or ~, a type written json; beyond a Long it is no Long', async () => {
    // Each was read as JavaScript holds it before: 1e2 / 8 gave 12 (a Long's division), 9007199254740993 printed 9007199254740992.
    // One number a variable: a text holding only it is looked through as well.
    const texts = { e: '{"n": 1e2}', E: '[2E1]', sixteen: '{"n": 9007199254740993}', keys: '{"a/b": 100.0, "c~d": 2.0, "max": 9223372036854775807, "beyond": 9223372036854775809, "below": -9223372036854775809}' };
    const show = "{{ e.n / 8 }} {{ E[0] / 8 }} {{ sixteen.n }} {{ keys['a/b'] }} {{ keys['c~d'] }} {{ keys.max }}|{{ keys.beyond }}|{{ keys.below }}";
    const shown = (type: string) =>
      run(
        buildFlow({
          variables: [...variables, ...Object.entries(texts).map(([name, value]) => ({ name, type, value }))],
          main: [setVar('Show', 'text', show), endFlow()],
          links: [['NewPhoneContact', 'out', 'Show'], ['Show', 'out', 'EndFlow']],
        }),
      );
    // Beyond a Long (Java's BigInteger) it keeps JavaScript's rounding, a limit docs/simulator.md names.
    const expected = '12.5 2.5 9007199254740993 100.0 2.0 9223372036854775807|9223372036854775808|-9223372036854775808';
    for (const type of ['JSON', 'json']) expect((await shown(type)).variables.text, type).toBe(expected);
  });

  test('a value that does not fit the declared type is an activity error', async () => {
    for (const [variable, type, expr] of [['count', 'INTEGER', 'abc'], ['flag', 'BOOLEAN', 'yes'], ['blob', 'JSON', '{not json']]) {
      const result = await run(one(typed('S', variable, type, expr)));
      expect(entry(result, 'S').outcome, `${variable} ${expr}`).toBe('error');
      expect(entry(result, 'S').error).toContain(`variable '${variable}'`);
      expect(result.globalErrorRaised).toBe(true);
    }
  });

  test('an undeclared target or an invalid expression is an activity error', async () => {
    const undeclared = await run(one(setVar('S', 'ghost', 'x')));
    expect(entry(undeclared, 'S').error).toBe("variable 'ghost' is not declared in the flow");
    const invalid = await run(one(setVar('S', 'text', '{{ ANI | 123}}')));
    expect(entry(invalid, 'S').outcome).toBe('error');
    expect(invalid.variables.text).toBe('');
  });

  test('setVariablesArray rows run in order and see earlier rows; a failing row keeps none', async () => {
    const rows = (second: string) => ({
      label: 'Multi',
      type: 'set-variable',
      props: {
        srcVariable: 'text', setTo: 'set-to-literal', expr: 'ignored top-level copy',
        setVariablesArray: [
          { srcVariable: 'count', srcVariableType: 'INTEGER', setTo: 'set-to-literal', expr: '{{count * 10}}' },
          { srcVariable: 'text', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: second },
        ],
      },
    });
    const ok = await run(one(rows('count is {{count}}')));
    expect(entry(ok, 'Multi').modifiedVariables).toEqual({ count: 10, text: 'count is 10' });
    const failing = await run(one(rows('{{ count | 5 }}')));
    expect(entry(failing, 'Multi').modifiedVariables).toEqual({});
    expect(failing.variables.count).toBe(1);
  });
});

test.describe('condition-activity', () => {
  const spec = (expression: string, withErrorExit = false): FlowSpec => ({
    variables: [{ name: 'code', type: 'INTEGER', value: '201' }],
    main: [condition('Check', expression), play('Yes', 'yes'), play('No', 'no'), play('Oops', 'oops')],
    links: [
      ['NewPhoneContact', 'out', 'Check'],
      ['Check', 'true', 'Yes'],
      ['Check', 'false', 'No'],
      ...(withErrorExit ? ([['Check', 'error', 'Oops']] as [string, string, string][]) : []),
    ],
  });

  test('true and false exits follow the boolean (Pebble == between String and Number is false)', async () => {
    expect(entry(await run(buildFlow(spec('{{code == 201}}'))), 'Check').outcome).toBe('true');
    expect(entry(await run(buildFlow(spec('{{code == "201"}}'))), 'Check').outcome).toBe('false');
    expect(entry(await run(buildFlow(spec('{{ code / 100 == 2 }}'))), 'Check').outcome).toBe('true');
  });

  test('a text result "true" or "True" (a STRING variable, text around the braces) takes that exit', async () => {
    expect(entry(await run(buildFlow(spec('{{ "True" }}'))), 'Check').outcome).toBe('true');
    expect(entry(await run(buildFlow(spec(' {{code == 201}} '))), 'Check').outcome).toBe('true');
    expect(entry(await run(buildFlow(spec('{{ "FALSE" }}'))), 'Check').outcome).toBe('false');
  });

  test('a result that is not true or false leaves by false, as Boolean.parseBoolean reads the rendered text (choice)', async () => {
    for (const expression of ['{{code}}', '{{code}} == 201', '{{ nope }}', '{{ "yes" }}', '{{ [true] }}', 'code == 201']) {
      const result = await run(buildFlow(spec(expression, true)));
      expect(entry(result, 'Check')).toMatchObject({ outcome: 'false' });
      expect(entry(result, 'Check').error).toBeUndefined();
      expect(result.trace.at(-1)?.activity).toBe('No');
    }
  });

  test('an expression that fails to evaluate takes the Undefined Error exit', async () => {
    const result = await run(buildFlow(spec('{{ code | 123 }}', true)));
    expect(entry(result, 'Check')).toMatchObject({ outcome: 'error', error: expect.stringContaining('expected a filter name') });
    expect(result.trace.at(-1)?.activity).toBe('Oops');
    const unlinked = await run(buildFlow(spec('{{ code > "a" }}')));
    expect(entry(unlinked, 'Check').outcome).toBe('error');
    expect(unlinked.globalErrorRaised).toBe(true);
  });

  test('an empty or blank expression is an activity error, not a False', async () => {
    for (const expression of ['', '   ']) {
      const result = await run(buildFlow(spec(expression, true)));
      expect(entry(result, 'Check')).toMatchObject({ outcome: 'error', error: expect.stringContaining('no condition expression') });
      expect(result.trace.at(-1)?.activity).toBe('Oops');
    }
  });
});

test.describe('case-statement', () => {
  const spec: FlowSpec = {
    variables: [{ name: 'result', type: 'STRING', value: 'ABANDONED' }],
    main: [
      { label: 'Case', type: 'case-statement', props: { expression: '{{result}}', menuLinks: ['0', '1'], 'menuLinks:input': ['AMD', 'ABANDONED'] } },
      play('Amd', 'amd'),
      play('Abandoned', 'abandoned'),
      play('Other', 'other'),
    ],
    links: [['NewPhoneContact', 'out', 'Case'], ['Case', '0', 'Amd'], ['Case', '1', 'Abandoned'], ['Case', 'default', 'Other']],
  };

  test('a Case with no expression typed fails the activity, saying so', async () => {
    const result = await run(buildFlow({ ...spec, main: spec.main.map((n) => (n.label === 'Case' ? { ...n, props: { ...n.props, expression: '  ' } } : n)) }));
    expect(entry(result, 'Case')).toMatchObject({ outcome: 'error', error: 'no case expression' });
  });

  test('the value matching a case label leaves by that case index; anything else by default', async () => {
    expect(entry(await run(buildFlow(spec)), 'Case').outcome).toBe('1');
    const other = buildFlow({ ...spec, variables: [{ name: 'result', type: 'STRING', value: 'BUSY' }] });
    expect(entry(await run(other), 'Case').outcome).toBe('default');
    const first = buildFlow({ ...spec, variables: [{ name: 'result', type: 'STRING', value: 'AMD' }] });
    expect(entry(await run(first), 'Case').outcome).toBe('0'); // the first label too

  });
});

test.describe('queue-contact, callback, business-hours, screen-pop', () => {
  const queueSpec: FlowSpec = {
    main: [
      { label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } },
      { label: 'Music', type: 'play-music', props: { prompt: 'hold.wav' } },
      play('Waiting', 'An agent will be with you shortly'),
    ],
    links: [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Music'], ['Music', 'default', 'Waiting'], ['Waiting', 'default', 'Music']],
  };

  test('with agents available the caller is connected and the flow stops at Queue Contact', async () => {
    const result = await run(buildFlow(queueSpec), { agentsAvailable: true });
    expect(result.status).toBe('completed');
    expect(result.summary).toBe('connected to an agent at Queue');
    expect(entry(result, 'Queue').outcome).toBe('connected');
    expect(result.callerConnected).toBe(true);
    expect(result.inQueue).toBe(false);
  });

  test('a queued caller at a menu that loops on no input is waiting in queue too', async () => {
    const menuInQueue: FlowSpec = {
      main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }, { label: 'Menu', type: 'ivr-menu', props: { menuLinks: ['1'], promptsTts: [{ type: 'tts', value: 'Press 1' }] } }],
      links: [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Menu'], ['Menu', 'timeout', 'Menu']],
    };
    const result = await run(buildFlow(menuInQueue), {}, { maxVisitsPerActivity: 3 });
    expect([result.status, result.summary, result.inQueue]).toEqual(['stuck', 'caller waiting in queue: hold loop at Menu (Menu gets no answer: No-Input Timeout each time)', true]);
  });

  test('a queued caller whose answer the menu refuses again and again is stuck, not waiting', async () => {
    const refusing: FlowSpec = {
      main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }, { label: 'Menu', type: 'ivr-menu', props: { menuLinks: ['1'], promptsTts: [{ type: 'tts', value: 'Press 1' }] } }],
      links: [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Menu'], ['Menu', 'invalid', 'Menu']],
    };
    const result = await run(buildFlow(refusing), { dtmf: { Menu: '3' } }, { maxVisitsPerActivity: 3 });
    expect([result.status, result.summary]).toEqual(['stuck', "stuck in a loop at Menu: the caller's answer is not one of its options (Unmatched Entry each time)"]);
  });

  test('a refusing menu is named whichever activity of its loop reaches the limit first (a prompt before it, queued or not)', async () => {
    // Queue → Intro → Menu; Menu's Unmatched Entry goes back to Intro: Intro is the first to need a 4th visit.
    const viaPrompt = (queued: boolean): FlowSpec => ({
      main: [
        ...(queued ? [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }] : []),
        play('Intro', 'Please choose'),
        { label: 'Menu', type: 'ivr-menu', props: { menuLinks: ['1'], promptsTts: [{ type: 'tts', value: 'Press 1' }] } },
      ],
      links: [
        ...((queued ? [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Intro']] : [['NewPhoneContact', 'out', 'Intro']]) as Edge[]),
        ['Intro', 'default', 'Menu'],
        ['Menu', 'invalid', 'Intro'],
      ],
    });
    const refused = "stuck in a loop at Menu: the caller's answer is not one of its options (Unmatched Entry each time)";
    for (const queued of [true, false]) {
      const result = await run(buildFlow(viaPrompt(queued)), { dtmf: { Menu: '3' } }, { maxVisitsPerActivity: 3 });
      expect([result.status, result.summary], `queued: ${queued}`).toEqual(['stuck', refused]);
    }
    // A menu that takes its answer on the way does not hide the Collect Digits that refuses its own.
    const reenter: FlowSpec = {
      main: [
        { label: 'Confirm', type: 'ivr-menu', props: { menuLinks: ['1', '2'], promptsTts: [{ type: 'tts', value: 'Press 2 to re-enter' }] } },
        { label: 'Account', type: 'ivr-collectdigits', props: { minDigits: '6', promptsTts: [{ type: 'tts', value: 'Your account' }] } },
      ],
      links: [['NewPhoneContact', 'out', 'Account'], ['Account', 'invalid', 'Confirm'], ['Confirm', '2', 'Account']],
    };
    const refusedDigits = await run(buildFlow(reenter), { dtmf: { Confirm: '2', Account: '12' } }, { maxVisitsPerActivity: 3 });
    expect([refusedDigits.status, refusedDigits.summary]).toEqual(['stuck', "stuck in a loop at Account: the caller's answer is not one of its options (Unmatched Entry each time)"]);
    // No answer at all is still the wait in queue.
    const waiting = await run(buildFlow({ ...viaPrompt(true), links: [...viaPrompt(true).links.slice(0, -1), ['Menu', 'timeout', 'Intro']] }), {}, { maxVisitsPerActivity: 3 });
    expect([waiting.status, waiting.summary, waiting.inQueue]).toEqual(['stuck', 'caller waiting in queue: hold loop at Intro (Menu gets no answer: No-Input Timeout each time)', true]);
  });

  test('a hold loop that counts its rounds is still the wait in queue, whichever activity reaches the limit first', async () => {
    // Queue → Count (Set Variable) → Music → Count: Count is the first to need a 4th run.
    const counting: FlowSpec = {
      variables: [{ name: 'rounds', type: 'INTEGER', value: '0' }],
      main: [{ label: 'Queue', type: 'queue-contact', props: { destination: 'q-1' } }, setVar('Count', 'rounds', '{{ rounds + 1 }}'), { label: 'Music', type: 'play-music', props: { prompt: 'defaultmusic_on_hold.wav' } }],
      links: [['NewPhoneContact', 'out', 'Queue'], ['Queue', 'default', 'Count'], ['Count', 'out', 'Music'], ['Music', 'default', 'Count']],
    };
    const result = await run(buildFlow(counting), {}, { maxVisitsPerActivity: 3 });
    expect([result.status, result.summary, result.inQueue]).toEqual(['stuck', 'caller waiting in queue: hold loop at Music', true]);
    // A loop with nothing the caller hears is no wait, queued or not.
    const silent = await run(buildFlow({ ...counting, links: [...counting.links.slice(0, 2), ['Count', 'out', 'Count']] }), {}, { maxVisitsPerActivity: 3 });
    expect([silent.status, silent.summary]).toEqual(['stuck', 'stuck in a loop at Count']);
  });

  test('without agents the caller waits in the hold loop until the limit: a distinct summary', async () => {
    const result = await run(buildFlow(queueSpec), {}, { maxVisitsPerActivity: 3 });
    expect(entry(result, 'Queue').outcome).toBe('default');
    expect(result.status).toBe('stuck');
    expect(result.summary).toBe('caller waiting in queue: hold loop at Music');
    expect(result.inQueue).toBe(true);
  });

  test('callback records the rendered dial number and leaves by default', async () => {
    const model = buildFlow({
      main: [
        { label: 'Callback', type: 'callback', props: { callbackDn: '{{NewPhoneContact.ANI}}', callbackAni: '+14694096861', callbackQueue: 'q-1' } },
        disconnect(),
      ],
      links: [['NewPhoneContact', 'out', 'Callback'], ['Callback', 'default', 'Disconnect']],
    });
    const result = await run(model, {}, { newId: () => 'cb-1' });
    expect(result.callbacks).toEqual([{ id: 'cb-1', activity: 'Callback', dialNumber: '+14085551234', ani: '+14694096861', queue: 'q-1' }]);
    expect(result.summary).toBe('caller disconnected at Disconnect');
    expect(result.callerConnected).toBe(false);
  });

  test('callback renders a queue given as a variable (before: recorded as the text "{{queueId}}")', async () => {
    const model = buildFlow({
      main: [
        setVar('PickQueue', 'queueId', 'q-7'),
        { label: 'Callback', type: 'callback', props: { callbackDn: '{{NewPhoneContact.ANI}}', callbackQueue: '{{queueId}}' } },
        disconnect(),
      ],
      links: [['NewPhoneContact', 'out', 'PickQueue'], ['PickQueue', 'out', 'Callback'], ['Callback', 'default', 'Disconnect']],
      variables: [{ name: 'queueId', type: 'STRING', value: null }],
    });
    const result = await run(model, {}, { newId: () => 'cb-1' });
    expect(result.callbacks).toEqual([{ id: 'cb-1', activity: 'Callback', dialNumber: '+14085551234', ani: '', queue: 'q-7' }]);
  });

  test('business hours take the exit of the scenario state', async () => {
    const model = buildFlow({
      main: [
        { label: 'Hours', type: 'business-hours', props: { businessHoursId: 'bh' } },
        play('Open', 'open'), play('Closed', 'closed'), play('Holiday', 'holiday'), play('Override', 'override'),
      ],
      links: [
        ['NewPhoneContact', 'out', 'Hours'],
        ['Hours', 'workingHours', 'Open'], ['Hours', 'default', 'Closed'], ['Hours', 'holidays', 'Holiday'], ['Hours', 'override', 'Override'],
      ],
    });
    const exits = [];
    for (const businessHours of ['working', 'closed', 'holiday', 'override'] as const) {
      exits.push(entry(await run(model, { businessHours }), 'Hours').outcome);
    }
    expect(exits).toEqual(['workingHours', 'default', 'holidays', 'override']);
    expect(entry(await run(model), 'Hours').outcome).toBe('workingHours');
  });

  test('screen pop leaves by default', async () => {
    const model = buildFlow({ main: [{ label: 'Pop', type: 'screen-pop', props: {} }, endFlow()], links: [['NewPhoneContact', 'out', 'Pop'], ['Pop', 'default', 'EndFlow']] });
    const result = await run(model);
    expect(entry(result, 'Pop').outcome).toBe('default');
    expect(result.summary).toBe('ended at EndFlow');
    expect(result.callerConnected).toBe(true);
  });
});

test.describe('terminal activities and subflows', () => {
  test('blind transfer ends the flow and the caller leaves it', async () => {
    const model = buildFlow({
      main: [{ label: 'Transfer', type: 'blind-transfer', props: { transfertodn: '+18005550100' } }],
      links: [['NewPhoneContact', 'out', 'Transfer']],
    });
    const result = await run(model);
    expect(result).toMatchObject({ status: 'completed', summary: 'transferred to +18005550100 at Transfer', callerConnected: false });
    expect(entry(result, 'Transfer').outcome).toBe('end');
  });

  test('blind transfer with no number typed ends the flow without naming one', async () => {
    const model = buildFlow({
      main: [{ label: 'Transfer', type: 'blind-transfer', props: {} }],
      links: [['NewPhoneContact', 'out', 'Transfer']],
    });
    expect(await run(model)).toMatchObject({ status: 'completed', summary: 'transferred at Transfer', callerConnected: false });
  });

  test('a subflow runs from its start node to End Subflow', async () => {
    const model = buildFlow({
      subflow: true,
      noGlobalErrorNode: true,
      main: [play('Hi', 'hi'), { label: 'EndSubflow_x', type: 'end-subflow' }],
      links: [['StartSubflow', 'out', 'Hi'], ['Hi', 'default', 'EndSubflow_x']],
    });
    const result = await run(model);
    expect(result).toMatchObject({ status: 'completed', summary: 'subflow ended at EndSubflow_x' });
    expect(result.trace.map((e) => e.outcome)).toEqual(['out', 'default', 'end']);
  });
});

test.describe('names that look like object internals', () => {
  test('labels and variables called __proto__ / constructor are ordinary names', async () => {
    const model = buildFlow({
      variables: [
        { name: 'constructor', type: 'STRING', value: 'c' },
        { name: 'toString', type: 'INTEGER', value: '3' },
      ],
      main: [
        { label: '__proto__', type: 'ivr-menu', props: { menuLinks: ['1'], promptsTts: [{ type: 'tts', value: 'x' }] } },
        setVar('hasOwnProperty', 'constructor', '{{__proto__.OptionEntered}}-{{constructor}}-{{toString}}'),
        endFlow(),
      ],
      links: [['NewPhoneContact', 'out', '__proto__'], ['__proto__', '1', 'hasOwnProperty'], ['hasOwnProperty', 'out', 'EndFlow']],
    });
    const dtmf = JSON.parse('{"__proto__": "1"}') as Record<string, string>;
    const result = await run(model, { dtmf });
    expect(result.variables.constructor).toBe('1-c-3');
    expect(Object.getPrototypeOf(result.variables)).toBe(Object.prototype);
    expect(Object.hasOwn(result.variables, '__proto__.OptionEntered')).toBe(true);
    expect(JSON.parse(JSON.stringify(result)).variables.constructor).toBe('1-c-3');
  });
});

test('a trace keeps 2,000 characters of a long prompt, and says how long it was', async () => {
  const long = 'A'.repeat(50_000);
  const flow = buildFlow({ main: [play('Long', long), disconnect()], links: [['NewPhoneContact', 'out', 'Long'], ['Long', 'default', 'Disconnect']] });
  const result = await run(flow);
  expect(entry(result, 'Long').prompts).toEqual([`${'A'.repeat(2_000)}… (50000 characters)`]);
  // Never half a character: an emoji across the limit is left out whole.
  const emoji = buildFlow({ main: [play('Emoji', `${'A'.repeat(1_999)}${'😀'.repeat(10)}`), disconnect()], links: [['NewPhoneContact', 'out', 'Emoji'], ['Emoji', 'default', 'Disconnect']] });
  expect(entry(await run(emoji), 'Emoji').prompts).toEqual([`${'A'.repeat(1_999)}… (2019 characters)`]);
});

test('a trace keeps 10,000 characters of a long value an activity sets, and says how long it was; the call uses it whole', async () => {
  const long = 'A'.repeat(50_000);
  const flow = buildFlow({
    variables: [
      { name: 's', type: 'STRING', value: '' },
      { name: 'j', type: 'JSON', value: '' },
    ],
    main: [setVar('Text', 's', long), { ...setVar('Object', 'j', `{"k":"${long}"}`), props: { srcVariable: 'j', srcVariableType: 'JSON', setTo: 'set-to-literal', expr: `{"k":"${long}"}` } }, play('Say', '{{ s | length }} {{ j.k | length }}'), disconnect()],
    links: [['NewPhoneContact', 'out', 'Text'], ['Text', 'out', 'Object'], ['Object', 'out', 'Say'], ['Say', 'default', 'Disconnect']],
  });
  const result = await run(flow);
  expect(entry(result, 'Text').modifiedVariables).toEqual({ s: `${'A'.repeat(10_000)}… (50000 characters)` });
  // A JSON value as the start of its JSON text.
  expect(entry(result, 'Object').modifiedVariables).toEqual({ j: `{"k":"${'A'.repeat(9_994)}… (50008 characters)` });
  expect(entry(result, 'Say').prompts).toEqual(['50000 50000']);
  expect(result.variables.s).toBe(long);
  // Short values are the very values set.
  const short = await run(buildFlow({ variables: [{ name: 'j', type: 'JSON', value: '' }], main: [{ ...setVar('Object', 'j', ''), props: { srcVariable: 'j', srcVariableType: 'JSON', setTo: 'set-to-literal', expr: '{"k":[1,true,null]}' } }, disconnect()], links: [['NewPhoneContact', 'out', 'Object'], ['Object', 'out', 'Disconnect']] }));
  expect(entry(short, 'Object').modifiedVariables).toEqual({ j: { k: [1, true, null] } });
});
