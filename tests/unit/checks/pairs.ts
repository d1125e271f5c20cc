/**
 * The pass/fail table: every scored check passes on fixtures/flows/solution.json and fails on each
 * input listed here — a fixture (`flows/…`) carrying the mistake, or a named mistake of
 * mutations.ts applied to the solution.
 */
import type { MistakeName } from './mutations.js';

type Input = `flows/${string}.json` | MistakeName;

export const FAILS_ON: Record<string, Input[]> = {
  'flow-name': ['flow-renamed', 'flow-named-with-suffix'],
  'variable-outdialcbid': ['flows/defect-variable-outdialcbid-integer.json', 'flows/before-mission.json'],
  'variable-customani': ['flows/defect-variable-customani-default-not-empty.json', 'customani-old-spelling-declared-only'],
  'variable-getresult': ['flows/defect-variable-missing-getresult.json', 'getresult-json-empty'],
  'variable-simulatederror': ['simulatederror-boolean', 'flows/before-mission.json'],
  'want-callback-option3': ['option3-removed', 'flows/before-mission.json'],
  'want-callback-option3-description': ['option3-described-error'],
  'want-callback-prompt-option3': ['flows/defect-menu-tts-without-option3.json', 'prompt-offers-13', 'menu-plays-audio-files', 'prompt-offers-33'],
  'want-callback-option1-regression': ['flows/defect-regression-option1-unlinked.json', 'option1-to-music'],
  'want-callback-option2-regression': ['flows/defect-regression-option2-unlinked.json', 'option2-to-new-number'],
  'get-cbid-after-option3': ['flows/defect-menu-option3-unlinked.json', 'flows/defect-menu-option3-to-newnumber.json', 'option1-also-to-get-cbid', 'no-input-to-get-cbid', 'no-input-to-simulate-error', 'option2-to-set-get-result'],
  'get-cbid-unauthenticated': ['flows/defect-getcbid-authenticated.json', 'get-cbid-authenticated-without-connector'],
  'get-cbid-method': ['flows/defect-getcbid-method-post.json', 'get-cbid-method-put'],
  'get-cbid-url': ['flows/defect-getcbid-url-without-slice.json', 'flows/defect-getcbid-host-typo.json', 'flows/defect-getcbid-path-typo.json', 'get-cbid-url-without-dn', 'get-cbid-dn-hard-coded', 'get-cbid-url-http', 'get-cbid-url-extra-filter', 'get-cbid-dn-twice', 'get-cbid-path-lower-case'],
  'get-cbid-content-type': ['get-cbid-text-plain', 'get-cbid-no-content-type'],
  'get-cbid-parse-json': ['flows/defect-getcbid-parse-content-type-missing.json', 'get-cbid-parse-xml'],
  'get-cbid-parse-paths': ['flows/defect-getcbid-jsonpath-without-index.json', 'flows/defect-getcbid-outputs-swapped.json', 'parse-row-writes-CustomANI'],
  'run-option3-reaches-get-cbid': ['flows/defect-menu-option3-unlinked.json', 'flows/defect-menu-option3-to-newnumber.json'],
  'run-get-cbid-fills-variables': [
    'flows/defect-getcbid-url-without-slice.json',
    'flows/defect-getcbid-host-typo.json',
    'flows/defect-getcbid-jsonpath-without-index.json',
    'flows/defect-getcbid-outputs-swapped.json',
    'flows/defect-getcbid-parse-content-type-missing.json',
  ],
  'set-get-result-after-get-cbid': ['get-cbid-not-linked', 'get-cbid-skips-set-get-result'],
  'set-get-result-value': ['flows/defect-setgetresult-literal.json', 'get-cbid-default-label'],
  'run-getresult-holds-body': ['flows/defect-setgetresult-literal.json', 'get-cbid-not-linked'],
  'simulate-error-after-set-get-result': ['flows/defect-setgetresult-not-linked.json', 'set-get-result-skips-simulate-error'],
  'simulate-error-value-fails': ['flows/defect-simulate-valid-expression.json'],
  'simulate-error-exit-unlinked': ['flows/defect-simulate-error-exit-wired.json'],
  'simulate-error-to-disconnect': ['flows/defect-simulate-no-disconnect.json', 'simulate-error-back-to-the-menu', 'simulate-error-to-music', 'simulate-error-to-new-number'],
  'run-global-error-raised': ['flows/defect-simulate-valid-expression.json', 'flows/defect-simulate-error-exit-wired.json', 'flows/defect-setgetresult-not-linked.json'],
  'global-error-not-to-endflow': ['flows/defect-globalerror-still-to-endflow.json', 'flows/before-mission.json'],
  'callback-api-after-global-error': ['flows/defect-globalerror-still-to-endflow.json', 'phone-contact-ended-creates-a-task', 'phone-contact-ended-runs-a-copy-of-the-request', 'contact-ended-runs-a-copy-with-path-without-slash'],
  'callback-api-authenticated': ['flows/defect-callbackapi-unauthenticated.json', 'callback-api-other-connector', 'callback-api-unauthenticated-with-connector', 'callback-api-authenticated-without-connector'],
  'callback-api-method': ['flows/defect-callbackapi-method-put.json', 'callback-api-method-get'],
  'callback-api-path': ['flows/defect-callbackapi-path-v1-task.json', 'callback-api-path-inner-space', 'callback-api-path-v2', 'callback-api-path-upper-case'],
  'callback-api-content-type': ['callback-api-text-plain', 'callback-api-content-type-header', 'callback-api-no-content-type'],
  'callback-api-body': [
    'flows/defect-callbackapi-body-without-callback.json',
    'flows/defect-callbackapi-body-entrypoint-customani.json',
    'flows/defect-callbackapi-body-invalid-json.json',
    'body-destination-outdialcbid',
    'body-outbound-type-lowercase',
  ],
  'run-task-created': [
    'extra-callback-activity',
    'flows/defect-globalerror-still-to-endflow.json',
    'flows/defect-callbackapi-body-invalid-json.json',
    'flows/defect-callbackapi-body-entrypoint-customani.json',
    'body-destination-outdialcbid',
  ],
  'status-condition-after-callback-api': ['callback-api-not-linked', 'callback-api-straight-to-end'],
  'status-condition-expression': [
    'flows/defect-condition-tests-200.json',
    'flows/defect-condition-constant-true.json',
    'flows/defect-condition-http-put.json',
    'flows/defect-condition-label-mismatch.json',
    'condition-compares-text-201',
    'old-label-with-new-condition',
    'condition-also-true-on-401',
  ],
  'status-condition-exits-to-endflow': ['flows/defect-condition-only-true-linked.json', 'false-retries-through-a-condition', 'status-true-unlinked', 'status-true-to-a-dead-end'],
  'run-status-true-on-201': [
    'flows/defect-condition-tests-200.json',
    'flows/defect-condition-http-put.json',
    'flows/defect-condition-label-mismatch.json',
    'old-label-with-new-condition',
  ],
  'run-status-false-on-400': ['flows/defect-condition-constant-true.json', 'false-retries-through-a-condition'],
  'run-status-false-on-500': ['flows/defect-condition-constant-true.json', 'false-retries-through-a-condition'],
};
