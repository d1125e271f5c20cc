import { defineCheck, type CheckContext } from '../../engine/check.js';
import type { Activity } from '../../engine/model.js';
import { MOCKAPI_RESERVED } from '../../mocks/mockapi-params.js';
import { isAuthenticated, queryParametersOf, requestPathOf, requestUrlOf } from './lib/http.js';
import { DYNVARS } from './lib/names.js';
import { getCbidOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { valuesSeenBy } from './lib/replay.js';
import { flowScope, holdsTagOrComment, render, sameTemplate, sampleContact, startLabelOf, unevaluatedNote, withoutDelimited } from './lib/templates.js';
import { splitUrl } from './lib/url.js';
import { HINTS } from './lib/hints.js';

/** Another DNIS, so that a dn that happens to give the right digits for one number does not pass. */
const OTHER_DNIS = '+15557654321';

export default defineCheck({
  id: 'get-cbid-url',
  title: 'GET_CBID calls the DynVars record of the dialled number',
  step: 4,
  points: 4,
  severity: 'required',
  hint: HINTS.getCbidUrl,
  description: [
    'Verifies the **Request URL** of Build step 4:',
    `\`${DYNVARS.url}\`.`,
    '',
    'It is compared part by part, by meaning:',
    `- scheme \`https\` and host \`${DYNVARS.host}\` (without case);`,
    `- path \`${DYNVARS.path}\` (exactly, but a trailing \`/\` is allowed: MockAPI paths are case-sensitive);`,
    '- one query parameter `dn` whose value gives the dialled number without its `+1`. Whitespace inside',
    '  `{{ }}` is ignored (`{{NewPhoneContact.DNIS|slice(2)}}` passes), and so is the case of the contact\'s',
    '  fields (`NewPhoneContact.dnis`, as the simulator reads them), but spaces around the value are not',
    '  (`dn= {{…}}` sends the space too, and no record matches it), nor in the name (`dn =`, sent as `dn%20`). Any other expression passes when it',
    '  gives the same digits for two different DNIS values (e.g. a `replace` of "+1"), also through a variable',
    '  that a Set Variable computes before GET_CBID (`dn={{dn}}`: the Set Variables of the simulated call run',
    '  again for each DNIS). The `dn` parameter may also be given under Query Parameters instead of in the URL.',
    '  A URL with Pebble tags or comments (`{% set dn = … %}…?dn={{dn}}`, `dn={# caller #}{{…}}`) is judged as',
    '  Flow Designer sends it: rendered for the two DNIS values, then read part by part; a dn right only inside',
    '  a `{# #}` comment fails, and the message says that a comment is never evaluated.',
    '  The start node\'s outputs are read under its label, as the simulated call reads them: where it is not',
    '  labelled `NewPhoneContact`, the URL must read `<its label>.DNIS`. A fixed number (`dn=4694096861`, the',
    '  optional "Test your API" box\'s example) fails, saying so: it finds the record for one number only.',
    '  Part of the number (`slice(3)`, one digit short) fails too, though the simulated call may still find the',
    '  record: MockAPI matches part of a value (see docs/mocks.md), so such a URL finds every record holding',
    '  those digits, and among the lab\'s records for other attendees\' numbers it can answer another one\'s first.',
    '- the number put in the path (`…/DynVars/{{NewPhoneContact.DNIS | slice(2) }}`) fails, the message saying that',
    '  MockAPI reads a segment after DynVars as a record\'s id; the spaces inside its `{{ }}` are not called spaces in',
    '  the path (they are not sent), one typed outside is.',
    '- MockAPI\'s own paging and sorting parameters (`page`, `limit`, `sortBy`, `order`) are allowed (with',
    '  `dn` there is one record anyway), and so is the default port `:443`. Other query parameters fail:',
    '  MockAPI treats them as filters.',
    '',
    'GET_CBID left on Use Authenticated Endpoint with the address typed into Request Path has no Request URL: the',
    'hint then names the toggle first (`get-cbid-unauthenticated` reports the toggle itself).',
  ].join('\n'),
  run(ctx) {
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const activity = get.activity;
    const raw = requestUrlOf(activity);
    if (raw === '') {
      // Left On with the address typed into Request Path: the fix is the toggle, then the URL (as in callback-api-path).
      const inPath = isAuthenticated(activity) && requestPathOf(activity) !== '';
      const where = inPath ? ` (Use Authenticated Endpoint is On; the address is in Request Path: ${requestPathOf(activity)})` : '';
      return failed(`${activity.label} has no Request URL${where}`, { expected: DYNVARS.url, actual: 'no Request URL', activity, ...(inPath ? { hint: HINTS.getCbidUnauthenticated } : {}) });
    }
    // A tag or a comment (`{% set dn = … %}…?dn={{dn}}`, `dn={# caller #}{{…}}`) hides the URL's parts
    // from a reading of its text (the `#` of `{#` reads as a fragment, a `set` tag's `=` as a
    // parameter's): such a URL is judged as Flow Designer sends it, rendered.
    const rendered = holdsTagOrComment(raw) ? renderedUrls(raw, activity, ctx) : undefined;
    if (rendered && !rendered.ok) return failed(`${activity.label} Request URL does not evaluate: ${rendered.error}`, { expected: DYNVARS.url, actual: raw, activity });
    const parts = splitUrl(rendered ? rendered.urls[0] : raw);
    if (!parts) return failed(`${activity.label} Request URL is not a web address${rendered ? ` once rendered (${JSON.stringify(rendered.urls[0])})` : ''}`, { expected: DYNVARS.url, actual: raw, activity });
    const problems: string[] = [];
    if (parts.scheme !== 'https') problems.push(`scheme ${parts.scheme} (expected https)`);
    if (parts.host.replace(/:443$/, '') !== DYNVARS.host) problems.push(`host ${parts.host} (expected ${DYNVARS.host})`);
    if (parts.path.replace(/\/$/, '') !== DYNVARS.path) {
      // A space would print invisibly: quote the path and say so (one inside {{ }} is no part of what is sent).
      const spaced = /\s/.test(withoutDelimited(parts.path, '{{', '}}')) ? `${JSON.stringify(parts.path)} has a space in it` : parts.path || '(none)';
      // `DynVars/{{…DNIS…}}`: MockAPI reads a segment after the resource as a record's id.
      const segment = parts.path.startsWith(`${DYNVARS.path}/`) && parts.path.length > DYNVARS.path.length + 1 ? `: MockAPI reads what follows ${DYNVARS.path}/ as a record's id, not as a dn` : '';
      problems.push(`path ${spaced} (expected ${DYNVARS.path}${segment})`);
    }
    const query = [...parts.query, ...queryParametersOf(activity)];
    const dn = query.filter(([name]) => name === 'dn');
    // `dn =…`: the space is sent with the name (dn%20), and MockAPI filters by a field "dn " no record has.
    const spaced = query.filter(([name]) => name !== 'dn' && name.trim() === 'dn').map(([name]) => name);
    const others = query.filter(([name]) => name.trim() !== 'dn' && !MOCKAPI_RESERVED.has(name)).map(([name]) => (/\s/.test(name) ? JSON.stringify(name) : name));
    if (spaced.length > 0) problems.push(`the query parameter ${JSON.stringify(spaced[0])} has a space in its name, which is sent with it (MockAPI reads a field other than dn and finds no record): write dn=${DYNVARS.dnTemplate}`);
    else if (dn.length === 0) problems.push(`no dn query parameter (expected dn=${DYNVARS.dnTemplate})`);
    else if (dn.length > 1) problems.push('the dn query parameter is given more than once');
    else {
      // A dn of the rendered URL is judged by what it renders to; one under Query Parameters by its own text.
      const inUrl = query.findIndex(([name]) => name === 'dn') < parts.query.length;
      const problem = rendered && inUrl ? renderedDnProblem(rendered.urls, raw, ctx) : dnProblem(dn[0][1], activity, ctx);
      if (problem) problems.push(problem);
    }
    if (others.length > 0) problems.push(`unexpected query parameter${others.length > 1 ? 's' : ''} ${others.join(', ')}`);
    if (problems.length > 0) return failed(`${activity.label} Request URL is wrong: ${problems.join('; ')}`, { expected: DYNVARS.url, actual: raw, activity });
    return passed(`${activity.label} calls ${DYNVARS.host}${DYNVARS.path} with dn = the DNIS without +1`);
  },
});

/** The URL rendered for the attendee's DNIS and for another, as GET_CBID would request it; or the evaluation error. */
function renderedUrls(raw: string, activity: Activity, ctx: CheckContext): { ok: true; urls: [string, string] } | { ok: false; error: string } {
  const start = startLabelOf(ctx.model);
  const seen = valuesSeenBy(ctx, activity, raw);
  const urls: string[] = [];
  for (const dnis of [ctx.settings.dnis, OTHER_DNIS]) {
    const result = render(raw, seen(flowScope(ctx.model, { [start]: sampleContact({ DNIS: dnis }) })));
    if (!result.ok) return { ok: false, error: result.error.message };
    urls.push(result.value);
  }
  return { ok: true, urls: [urls[0]!, urls[1]!] };
}

/** Why the dn of the rendered URLs (for the attendee's DNIS, then another) is not the DNIS without its first two characters; undefined when it is. */
function renderedDnProblem(urls: readonly [string, string], raw: string, ctx: CheckContext): string | undefined {
  const values = urls.map((url) => splitUrl(url)?.query.find(([name]) => name === 'dn')?.[1]);
  const first = values[0];
  if (first !== undefined && first.trim() !== '' && first !== first.trim()) {
    return `dn renders as ${JSON.stringify(first)}, with spaces around the number, which are sent with it (MockAPI finds no record for them): remove them from the Request URL`;
  }
  for (const [index, dnis] of [ctx.settings.dnis, OTHER_DNIS].entries()) {
    const value = values[index];
    if (value === undefined) return `the Request URL renders no dn query parameter for the DNIS ${dnis} (expected dn=${DYNVARS.dnTemplate})${unevaluatedNote(raw)}`;
    // Right for this attendee's number, and the same for any other: typed in, as the test box shows it.
    if (index > 0 && value === first) {
      return `dn renders as ${value} for every call, a fixed number (as in the optional "Test your API" box): the flow must send the number dialled, dn=${DYNVARS.dnTemplate}`;
    }
    if (value !== dnis.slice(2)) {
      return `dn renders as ${JSON.stringify(value)} for the DNIS ${dnis}, not ${JSON.stringify(dnis.slice(2))} (expected dn=${DYNVARS.dnTemplate})${unevaluatedNote(raw)}`;
    }
  }
  return undefined;
}

/** Why the dn value does not give the DNIS without its first two characters; undefined when it does. */
function dnProblem(value: string, activity: Activity, ctx: CheckContext): string | undefined {
  // The guide's text passes as written when the start node carries the guide's label (its outputs are read under it).
  const start = startLabelOf(ctx.model);
  // Spaces around the value are sent with it (only those inside {{ }} are not): no record matches them.
  if (value.trim() !== '' && value !== value.trim()) {
    return `dn=${value} has spaces around its value, which are sent with it (MockAPI finds no record for them): write dn=${value.trim()}`;
  }
  if (sameTemplate(value, DYNVARS.dnTemplate)) {
    if (start === 'NewPhoneContact') return undefined;
    return `dn=${value} reads NewPhoneContact, but the start node of this flow is labelled ${start}: read ${start}.DNIS`;
  }
  const seen = valuesSeenBy(ctx, activity, value);
  let first: string | undefined;
  for (const dnis of [ctx.settings.dnis, OTHER_DNIS]) {
    const scope = seen(flowScope(ctx.model, { [start]: sampleContact({ DNIS: dnis }) }));
    const result = render(value, scope);
    if (!result.ok) return `dn=${value} does not evaluate: ${result.error.message}`;
    // Right for this attendee's number, and the same for any other: typed in, as the test box shows it.
    if (dnis === OTHER_DNIS && result.value === first) {
      return `dn=${value} is a fixed number, the same for every call (as in the optional "Test your API" box): the flow must send the number dialled, dn=${DYNVARS.dnTemplate}`;
    }
    first ??= result.value;
    if (result.value !== dnis.slice(2)) {
      return `dn=${value} gives ${JSON.stringify(result.value)} for the DNIS ${dnis}, not ${JSON.stringify(dnis.slice(2))} (expected dn=${DYNVARS.dnTemplate})`;
    }
  }
  return undefined;
}
