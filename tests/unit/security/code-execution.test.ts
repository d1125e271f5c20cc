/**
 * No export can run code: JSONPath filter/script payloads in parse settings are never evaluated
 * (jsonpath-plus pinned, `eval: false`), Pebble payloads cannot reach `constructor`/`__proto__`/
 * `prototype`, names such as `__proto__` are plain data (no prototype pollution), and the product
 * code has no eval or Function constructor. Each test also checks that the payload's intended
 * effect (a global set, a file written) did not happen.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSONPath } from 'jsonpath-plus';
import { loadFlow } from '../../../engine/loader.js';
import { renderTemplate } from '../../../engine/pebble/index.js';
import { simulate } from '../../../engine/simulator/index.js';
import { ROOT } from '../../helpers.js';
import { buildFlow, exportOf, expectNoVisibleEffect, fakeServices, http, httpFlow, httpNode, HttpResponse, markerPath, play, removeTempDirs, setVar } from './flows.js';

test.afterAll(removeTempDirs);

const DATA_URL = 'https://api.example.test/data';
const BODY = [{ x: 1, ok: true, id: 'first', outboundcallbackep: 'ep-1', nested: { constructor: 'own data' } }];

/** Services answering DATA_URL with BODY (and recording every request). */
const dataServices = () => fakeServices([http.get(DATA_URL, () => HttpResponse.json(BODY))]);

async function runParse(jsonPathExp: string, type = 'STRING') {
  const flow = httpFlow(httpNode('GetData', DATA_URL, [{ outputVariable: 'out', jsonPathExp }]), [{ name: 'out', type, value: null }]);
  const loaded = loadFlow(JSON.stringify(flow));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return simulate(loaded.model, {}, { services: dataServices() });
}

test.describe('JSONPath in parse settings', () => {
  test('jsonpath-plus is pinned to exactly 10.3.0 (bundled into dist/: a build-time dependency), and that is the version installed', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['jsonpath-plus']).toBe('10.3.0');
    const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'jsonpath-plus', 'package.json'), 'utf8'));
    expect(installed.version).toBe('10.3.0');
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    expect(lock.packages['node_modules/jsonpath-plus'].version).toBe('10.3.0');
  });

  test('script evaluation is off: even a harmless filter is not evaluated (it would match with eval on)', async () => {
    // With jsonpath-plus' default `eval: "safe"` this path matches and `out` becomes "first".
    expect(JSONPath({ path: '$[?(@.ok == true)].id', json: BODY, wrap: false })).toEqual(['first']);
    const result = await runParse('$[?(@.ok == true)].id');
    expect(result.status).toBe('not-simulated');
    expect(result.summary).toContain('filter or script expression');
    expect(result.variables.out).toBe(null);
    const entry = result.trace.find((e) => e.activity === 'GetData')!;
    expect(entry.outcome).toBe('not-simulated');
  });

  /** MARKER stands for a fresh file path (test titles must not change between processes). */
  const payloads = [
    `$[?(@.constructor.constructor('globalThis.pwned=1')())]`,
    `$..[?(@.x && (globalThis.pwned=1))]`,
    `$..[?(@property === 'x' && (globalThis.pwned = 1))]`,
    `$[?(this.constructor.constructor("return process")().mainModule.require("fs").writeFileSync("MARKER","x"))]`,
    `$[?(require('fs').writeFileSync('MARKER', 'x'))]`,
    `$[?(process.mainModule.require('child_process').execSync('touch MARKER'))]`,
    `$[?(@.x=(Object.prototype.polluted='yes'))]`,
    `$[(@.length-1)].id`,
    `$[(globalThis.pwned=1)]`,
    `$..*[?(@.constructor.constructor('globalThis.pwned=1')())]`,
  ];
  for (const payload of payloads) {
    test(`filter/script payload is refused, not run: ${payload}`, async () => {
      const marker = markerPath('jsonpath');
      const result = await runParse(payload.replaceAll('MARKER', marker));
      expect(['not-simulated', 'error']).toContain(result.status);
      expect(result.variables.out).toBe(null);
      expectNoVisibleEffect([marker]);
    });
  }

  const harmless: [string, unknown][] = [
    ['$.constructor', ''],
    ['$[0].constructor.constructor', ''],
    ['$.__proto__.polluted', ''],
    ["$['__proto__']['polluted']", ''],
    ['$[0].nested.constructor', 'own data'],
    ['$..outboundcallbackep', '["ep-1"]'],
    ['$[0].outboundcallbackep', 'ep-1'],
  ];
  for (const [pathText, expected] of harmless) {
    test(`property paths reach own data only: ${pathText}`, async () => {
      const result = await runParse(pathText);
      expect(result.status).toBe('completed');
      expect(result.variables.out).toEqual(expected);
      expectNoVisibleEffect();
    });
  }

  test('the simulator asks jsonpath-plus for eval: false (source check backing the behavioural test)', () => {
    const source = readFileSync(path.join(ROOT, 'engine', 'simulator', 'parse-settings.ts'), 'utf8');
    const calls = source.match(/JSONPath\s*\(\s*\{[^}]*\}/g) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatch(/\beval\s*:\s*false\b/);
  });
});

test.describe('Pebble payloads in every templated field', () => {
  /** MARKER stands for a fresh file path. */
  const payloads = [
    '{{ "".constructor.constructor("globalThis.pwned=1")() }}',
    '{{ "".constructor.constructor("globalThis.pwned=1") }}',
    '{{ NewPhoneContact.constructor.constructor("return process")() }}',
    '{{ NewPhoneContact["constructor"]["constructor"]("globalThis.pwned=1") }}',
    '{{ NewPhoneContact.__proto__.polluted }}',
    '{{ NewPhoneContact["__proto__"]["polluted"] }}',
    '{{ [].constructor.prototype.polluted }}',
    '{{ {"__proto__": {"polluted": "yes"}} | merge({"a": 1}) }}',
    '{{ {}.constructor.prototype }}',
    `{{ "x".constructor.constructor("require('fs').writeFileSync('MARKER','x')")() }}`,
    '{{ now().constructor.constructor("globalThis.pwned=1") }}',
    '{{ range(1, 3).constructor.from }}',
    '{{ ANI.valueOf.call }}',
    '{{ x | constructor }}',
    '{{ eval("globalThis.pwned=1") }}',
    '{{ require("fs") }}',
  ];
  for (let payload of payloads) {
    test(`${payload} renders harmlessly or fails as an activity error`, async () => {
      const marker = markerPath('pebble');
      payload = payload.replaceAll('MARKER', marker);
      const flow = buildFlow({
        variables: [{ name: 'v', type: 'STRING', value: '' }],
        main: [setVar('SetIt', 'v', payload), play('SayIt', payload), httpNode('CallIt', `https://api.example.test/{{ v }}?q=${encodeURIComponent(payload)}`)],
        links: [
          ['NewPhoneContact', 'out', 'SetIt'],
          ['SetIt', 'out', 'SayIt'],
          ['SetIt', 'error', 'SayIt'],
          ['SayIt', 'default', 'CallIt'],
        ],
      });
      const services = fakeServices([http.all('*', () => HttpResponse.json({}))]);
      const result = await simulate(flow, {}, { services });
      expect(['completed', 'error']).toContain(result.status);
      expect(result.status).not.toBe('internal-error');
      for (const entry of result.trace) {
        expect(String(entry.prompts ?? '')).not.toMatch(/function|native code|\[object/i);
        expect(JSON.stringify(entry.modifiedVariables)).not.toMatch(/native code|function /);
      }
      expectNoVisibleEffect([marker]);
    });
  }

  test('direct rendering of the payloads with a hostile scope stays harmless', () => {
    const marker = markerPath('pebble');
    const scope = new Map<string, unknown>([
      ['obj', JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')],
      ['fn', () => ((globalThis as Record<string, unknown>).pwned = 1)],
      ['cls', new (class Secret { token = 'secret'; })()],
    ]);
    for (const payload of payloads) {
      try {
        renderTemplate(payload.replaceAll('MARKER', marker), scope);
      } catch {
        // an ExpressionError is a fine outcome
      }
    }
    expect(renderTemplate('{{ fn }}{{ cls.token }}{{ cls.constructor }}', scope)).toBe('');
    expect(() => renderTemplate('{{ fn() }}', scope)).toThrow(/Unknown function "fn"/); // scope functions are never called
    expect(renderTemplate('{{ obj.__proto__.polluted }}', scope)).toBe('yes'); // own data, read as data
    expectNoVisibleEffect([marker]);
  });
});

test.describe('names that are prototype members', () => {
  const NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

  test('variables, labels, outputs and response keys named like prototype members are plain data', async () => {
    const pollutingBody = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "polluted": "own"}');
    const flowExport = exportOf({
      variables: [
        ...NAMES.map((name) => ({ name, type: 'STRING', value: `value of ${name}` })),
        { name: 'json', type: 'JSON', value: '{"__proto__": {"polluted": "yes"}}' },
      ],
      main: [
        { label: '__proto__', type: 'http-request-v2', props: httpNode('x', DATA_URL, [{ outputVariable: 'constructor', jsonPathExp: '$.polluted' }, { outputVariable: '__proto__', jsonPathExp: '$.__proto__' }, { outputVariable: 'json', jsonPathExp: '$' }]).props },
        { label: 'constructor', type: 'set-variable', props: { srcVariable: 'prototype', setTo: 'set-to-literal', expr: '{{ __proto__.httpResponseBody }}' } },
        { label: 'hasOwnProperty', type: 'set-variable', props: { srcVariable: 'toString', setTo: 'set-to-literal', expr: '{{ json.__proto__.polluted }}' } },
        { label: 'toString', type: 'play-message', props: { toggle: true, promptsTts: [{ type: 'tts', value: '{{ constructor }} {{ __proto__.httpStatusCode }} {{ hasOwnProperty }}', name: 'x' }] } },
        { label: 'valueOf', type: 'disconnect-contact' },
      ],
      links: [
        ['NewPhoneContact', 'out', '__proto__'],
        ['__proto__', 'default', 'constructor'],
        ['constructor', 'out', 'hasOwnProperty'],
        ['hasOwnProperty', 'out', 'toString'],
        ['toString', 'default', 'valueOf'],
      ],
    });
    const loaded = loadFlow(JSON.stringify(flowExport));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const services = fakeServices([http.get(DATA_URL, () => HttpResponse.json(pollutingBody))]);
    const result = await simulate(loaded.model, {}, { services });
    expect(result.status).toBe('completed');
    expect(result.trace.map((e) => e.activity)).toEqual(['NewPhoneContact', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    expect(Object.hasOwn(result.variables, '__proto__')).toBe(true);
    expect(result.variables.constructor).toBe('own');
    // The declared variable __proto__ wins over the activity labelled __proto__ in expressions;
    // the activity's outputs are still recorded under its label.
    expect(result.variables['__proto__.httpStatusCode']).toBe(200);
    expect(result.variables.__proto__).toBe('{"polluted":"yes"}');
    expect(result.trace[4].prompts).toEqual(['own  value of hasOwnProperty']);
    const json = result.variables.json as Record<string, unknown>;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.hasOwn(json, '__proto__')).toBe(true);
    expect(result.variables.toString).toBe('yes'); // read as own data of the JSON variable
    expect(JSON.parse(JSON.stringify(result)).variables.constructor).toBe('own');
    expectNoVisibleEffect();
  });

  test('a flow whose every activity, variable and exit has such a name loads without touching a prototype', () => {
    const flowExport = exportOf({
      variables: NAMES.map((name) => ({ name, type: 'JSON', value: '{"__proto__": {"polluted": "yes"}}' })),
      main: NAMES.map((name) => ({ label: name, type: 'ivr-menu', props: { menuLinks: NAMES, 'menuLinks:input': NAMES, toggle: true, promptsTts: [] } })),
      links: [['NewPhoneContact', 'out', '__proto__'], ...NAMES.map((name, i) => [name, name, NAMES[(i + 1) % NAMES.length]] as [string, string, string])],
    });
    const loaded = loadFlow(JSON.stringify(flowExport));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const activity of loaded.model.main.activities.filter((a) => a.type === 'ivr-menu')) {
      expect(Object.keys(activity.exits)).toHaveLength(1);
      expect(activity.unlinkedExits).not.toContain(Object.keys(activity.exits)[0]);
    }
    expect(loaded.model.variables.map((v) => v.defaultValue)).toEqual(NAMES.map(() => JSON.parse('{"__proto__": {"polluted": "yes"}}')));
    expectNoVisibleEffect();
  });
});

test.describe('the product code has no way to run a string as code', () => {
  const PRODUCT_DIRS = ['engine', 'checks', 'mocks', 'reports', 'cli', 'web', 'bin'];
  const FORBIDDEN: [RegExp, string][] = [
    [/(?<![\w.$])eval\s*\(/, 'eval('],
    [/\bnew\s+Function\b/, 'new Function'],
    [/(?<![\w.$])Function\s*\(/, 'Function('],
    [/\bfrom\s+['"](node:)?vm['"]|require\(\s*['"](node:)?vm['"]\s*\)/, 'the vm module'],
    [/\bfrom\s+['"](node:)?child_process['"]|require\(\s*['"](node:)?child_process['"]\s*\)/, 'child_process'],
    [/\beval\s*:\s*true\b/, 'a Worker with eval: true'],
    [/\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/, 'a timer with a string body'],
    [/\bimport\s*\(\s*(?!['"])/, 'import() of a computed specifier'],
  ];

  function sourceFiles(dir: string): string[] {
    const full = path.join(ROOT, dir);
    let names: string[];
    try {
      names = readdirSync(full, { recursive: true }) as string[];
    } catch {
      return [];
    }
    return names.map((n) => path.join(full, n)).filter((f) => /\.(ts|mts|js|mjs|tsx)$/.test(f) && statSync(f).isFile());
  }

  /** Source without comments (so a doc comment may say "no eval"). */
  function code(file: string): string {
    return readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  }

  test('no eval, Function constructor, vm, child_process or computed import() in engine/, checks/, mocks/, reports/, cli/, web/', () => {
    const files = PRODUCT_DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const file of files) {
      const text = withOwnBuildImport(file, code(file));
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) hits.push(`${path.relative(ROOT, file)}: ${what}`);
    }
    expect(hits).toEqual([]);
  });

  /**
   * The one computed import() allowed: bin/flowgrade.js loads the build beside its own real path
   * (a symlinked bin under --preserve-symlinks-main), a URL made of a fixed name, never of input.
   */
  function withOwnBuildImport(file: string, text: string): string {
    if (path.relative(ROOT, file) !== path.join('bin', 'flowgrade.js')) return text;
    expect(text).toMatch(/const built = new URL\('\.\.\/dist\/cli\.js', pathToFileURL\(realpathSync\(fileURLToPath\(import\.meta\.url\)\)\)\);/);
    expect(text.match(/\bbuilt\s*=/g)).toHaveLength(1);
    return text.replace('import(built.href)', "import('../dist/cli.js')");
  }

  test('the pattern catches what it must (so an empty result means something)', () => {
    const samples = ['eval("x")', 'new Function("a", "b")', 'const f = Function("x")', "import vm from 'node:vm'", 'setTimeout("x()", 1)', 'await import(name)', 'new Worker(src, { eval: true })'];
    for (const sample of samples) expect(FORBIDDEN.some(([p]) => p.test(sample)), sample).toBe(true);
    for (const fine of ['isFunction(x)', 'typeof x === "function"', 'myFunction(1)', 'x.eval(1)', "await import('./x.js')", 'evaluate(x)']) {
      expect(FORBIDDEN.some(([p]) => p.test(fine)), fine).toBe(false);
    }
  });

  test('ajv (which compiles schemas to functions) only ever compiles our own schemas, never input', () => {
    const sources = new Map(PRODUCT_DIRS.flatMap(sourceFiles).map((file) => [path.relative(ROOT, file), code(file)]));
    const isImportedJson = (text: string, name: string) => new RegExp(`import\\s+${name}\\s+from\\s+['"][^'"]+\\.json['"]`).test(text);
    const isLocalObject = (text: string, name: string) => new RegExp(`const\\s+${name}\\b[^=]*=\\s*\\{`).test(text);
    /** A schema argument is ours when it is imported from a JSON file of the package, a local object literal, or the parameter of a wrapper whose every caller passes one of ours. */
    const isOurs = (file: string, argument: string, depth = 0): boolean => {
      const text = sources.get(file)!;
      if (!/^[A-Za-z_$][\w$]*$/.test(argument)) return false;
      if (isImportedJson(text, argument) || isLocalObject(text, argument)) return true;
      const wrapper = new RegExp(`function\\s+(\\w+)\\s*\\(\\s*${argument}\\b`).exec(text)?.[1];
      if (!wrapper || depth > 3) return false;
      const calls = [...sources].flatMap(([other, otherText]) => [...otherText.matchAll(new RegExp(`\\b${wrapper}\\s*\\(\\s*([^),]*)`, 'g'))].filter((m) => !/function\s+$/.test(otherText.slice(0, m.index))).map((m) => [other, m[1].trim()] as const));
      return calls.length > 0 && calls.every(([other, arg]) => isOurs(other, arg, depth + 1));
    };
    const sites: string[] = [];
    for (const [file, text] of sources) {
      if (!/\bfrom\s+['"]ajv['"]/.test(text)) continue;
      for (const match of text.matchAll(/\.(compile|addSchema|validateSchema|compileAsync)\s*\(\s*([^),]*)/g)) {
        const site = `${file}: .${match[1]}(${match[2].trim()})`;
        sites.push(site);
        expect(isOurs(file, match[2].trim()), `${site} compiles something that is not a schema shipped in the package`).toBe(true);
      }
    }
    expect(sites.length).toBeGreaterThan(0);
  });
});
