/**
 * The declarations of the "JUnit 10" XSD (junit-10.xsd of Jenkins' xUnit plugin,
 * src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/, read December 2026), transcribed
 * as data for an offline check: nothing is fetched at test time and no XSD engine is needed. What
 * it declares of each element: the child elements it may hold (any order and count: testsuite's
 * and testcase's are <xs:choice maxOccurs="unbounded">, testsuites' a sequence of testsuite),
 * whether it is mixed (text allowed), its attributes, the required ones, and the SUREFIRE_TIME
 * pattern its `time` attributes follow. Validating against it is what the xUnit plugin does before
 * reading a report: an element or attribute it does not declare refuses the whole file.
 *
 * GitLab's parser (lib/gitlab/ci/parsers/test/junit.rb) reads the file with ActiveSupport's
 * Hash.from_xml, which takes an element's `type` attribute as a type to convert its content to:
 * `symbol` and `yaml` make the whole file unreadable, others (`array`, `file`, `integer`, …)
 * change the body it shows. TYPECAST_TYPES lists them (ActiveSupport's XmlMini PARSING keys and
 * disallowed types).
 */
import type { XmlNode } from './xml-check.js';

interface Declaration {
  children: string[];
  mixed: boolean;
  attributes: string[];
  required: string[];
}

const RERUN: Declaration = { children: ['stackTrace', 'system-out', 'system-err'], mixed: true, attributes: ['message', 'type'], required: ['type'] };
const OUTCOME: Declaration = { children: [], mixed: true, attributes: ['type', 'message'], required: [] };
const TEXT: Declaration = { children: [], mixed: true, attributes: [], required: [] };

export const JUNIT_10_XSD: Record<string, Declaration> = {
  testsuites: { children: ['testsuite'], mixed: false, attributes: ['name', 'time', 'tests', 'failures', 'errors'], required: [] },
  testsuite: {
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
    mixed: false,
    attributes: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    required: ['name', 'tests', 'failures', 'errors'],
  },
  properties: { children: ['property'], mixed: false, attributes: [], required: [] },
  property: { children: [], mixed: false, attributes: ['name', 'value'], required: ['name', 'value'] },
  testcase: {
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
    mixed: false,
    attributes: ['name', 'time', 'classname', 'group'],
    required: ['name'],
  },
  failure: OUTCOME,
  error: OUTCOME,
  skipped: OUTCOME,
  'system-out': TEXT,
  'system-err': TEXT,
  stackTrace: TEXT,
  rerunFailure: RERUN,
  rerunError: RERUN,
  flakyFailure: RERUN,
  flakyError: RERUN,
};

/** junit-10.xsd's SUREFIRE_TIME, the type of `time` on <testsuite> and <testsuites> (whole-value match, as XSD patterns are). */
const SUREFIRE_TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;

/** ActiveSupport's `type` names that Hash.from_xml acts on (GitLab's junit parser). */
export const TYPECAST_TYPES = ['symbol', 'yaml', 'array', 'file', 'integer', 'float', 'decimal', 'boolean', 'date', 'datetime', 'dateTime', 'string', 'base64Binary', 'binary'];

/** Every way `root` departs from junit-10.xsd (empty: valid), and from what GitLab's reader takes. */
export function junit10Problems(root: XmlNode): string[] {
  const problems: string[] = [];
  if (root.name !== 'testsuites' && root.name !== 'testsuite') problems.push(`root <${root.name}> is not a global element of the schema's test reports`);
  const walk = (node: XmlNode, where: string): void => {
    const here = `${where}/${node.name}`;
    const declared = JUNIT_10_XSD[node.name];
    if (!declared) {
      problems.push(`${here}: element not declared`);
      return;
    }
    for (const attribute of Object.keys(node.attributes)) if (!declared.attributes.includes(attribute)) problems.push(`${here}: attribute ${attribute} not declared`);
    for (const attribute of declared.required) if (!(attribute in node.attributes)) problems.push(`${here}: required attribute ${attribute} missing`);
    if ((node.name === 'testsuite' || node.name === 'testsuites') && 'time' in node.attributes && !SUREFIRE_TIME.test(node.attributes.time)) problems.push(`${here}: time "${node.attributes.time}" is not a SUREFIRE_TIME`);
    if ('type' in node.attributes && TYPECAST_TYPES.includes(node.attributes.type)) problems.push(`${here}: type="${node.attributes.type}" is a type GitLab's reader converts the element to`);
    if (!declared.mixed && node.text.trim() !== '') problems.push(`${here}: text in an element that is not mixed`);
    for (const child of node.children) {
      if (!declared.children.includes(child.name)) problems.push(`${here}: <${child.name}> not allowed here`);
      walk(child, here);
    }
  };
  walk(root, '');
  return problems;
}
