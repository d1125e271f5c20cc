import { defineCheck } from '../../engine/check.js';
import type { Activity, FlowModel } from '../../engine/model.js';
import { wantCallbackOf } from './lib/nodes.js';
import { ssmlWords } from './lib/ssml.js';
import { failed, passed } from './lib/outcome.js';
import { flowScope, holdsTagOrComment, render, withoutDelimited } from './lib/templates.js';

const GUIDE_PROMPT =
  'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 to simulate global error.';

/** Words a caller is told to key a digit with ("press", "tap", "key in", "option", …). */
const KEYING = String.raw`(?:press|dial|enter|select|choose|push|hit|tap|pick|type|touch|punch(?:\s{1,3}in)?|key(?:\s{1,3}in)?|option|button)(?:ing|es|s)?`;
/** Words that may stand between those and the digit: "press the 3 key", "press the number 3". */
const BETWEEN = String.raw`(?:the|number|key|digit|option|button)`;
/** The key 3: not a number that begins with it (3.5, 3:00, 3-hour), nor a range (3 to 5). */
const THREE = String.raw`(?:3|three)\b(?![.,:]\d|-\w|\s{0,3}(?:to|-|–)\s{0,3}\d)`;
/**
 * Spaces and punctuation between two words. Every gap is bounded, so that no prompt, however long
 * (an export is untrusted), makes a test slower than a scan of it.
 */
const GAP = String.raw`[\s\W]{1,10}`;

/**
 * "Press 3", "press three", "dial the 3", "tap 3", "key in 3", "option 3", "the 3 key", "… or 3 to …",
 * "press 1, 2 or 3", a list item ("…, 3 to …", "3 - error", "3: error", "3. Simulate …", "(3) …" after a
 * comma, a sentence or at the start of a message), a 3 standing alone at a clause's end ("…, then 3."):
 * an offer of option 3 (not 13, not 33, not the 3 of "open between 9 and 3", "3.5 minutes" or "3 to 5 days").
 */
const OFFERS_3 = [
  new RegExp(String.raw`\b${KEYING}(?:\b|(?=3))(?:${GAP}${BETWEEN}\b){0,3}[\s\W]{0,10}${THREE}`, 'i'),
  new RegExp(String.raw`\bthe\s{1,3}${THREE}\s{1,3}(?:key|button)\b`, 'i'),
  new RegExp(String.raw`\b(?:or|and)\s{1,3}${THREE}\s{1,3}(?:to|for)\b`, 'i'),
  new RegExp(String.raw`(?:^|[,;.!?])\s{0,10}(?:\(\s{0,3})?${THREE}\s{0,3}(?:(?:to|for)\b|[-–—:=).])`, 'i'),
  new RegExp(String.raw`(?:^|[,;])\s{0,10}(?:(?:then|use)\s{1,3})?${THREE}\s{0,3}(?:[.!?;]|$)`, 'i'),
  // The three digits in one breath: "press 1, 2 or 3", "press one, two, or three".
  new RegExp(String.raw`\b${KEYING}\s{1,3}(?:1|one)\s{0,3},\s{0,3}(?:2|two)\s{0,3},?\s{0,3}(?:or|and)\s{1,3}${THREE}`, 'i'),
];

/** A key standing alone where a sentence starts: "3 simulates a global error." */
const THREE_OPENING = new RegExp(String.raw`(?:^|[.!?]\s{0,10})${THREE}`, 'gi');

/**
 * Is option 3 offered, in any language: by one of OFFERS_3, as options 1 or 2 are (the same word
 * before the 3 or after it as before or after a 1 or 2: "Pulse 3 para …" beside "Pulse 1 para …",
 * "…, sur 3 pour …", "number three to …"), or by a sentence that opens with the 3 and a word of the
 * error ("3 simulates a global error.").
 */
function offers3(text: string): boolean {
  return OFFERS_3.some((pattern) => pattern.test(text)) || offeredAsOptions12(text) || offeredOpeningASentence(text);
}

/** THREE where a key 3 was found (lastIndex set to it). */
const THREE_HERE = new RegExp(THREE, 'iy');

/**
 * Words too common to tell a key's place: "… and 3", "… o 3" (between 9 and 3); and what a number
 * counts ("2 minutes, or 3 minutes"), in the lab's languages.
 */
const NOT_TELLING = new Set(
  ('and or y o u e ed et ou und oder of in at the a ' +
    'second seconds minute minutes hour hours day days week weeks month months year years time times agent agents call calls people persons ' +
    'segundo segundos minuto minutos hora horas día días dia dias semana semanas ' +
    'seconde secondes heure heures jour jours semaine semaines ' +
    'sekunde sekunden minute minuten stunde stunden tag tage woche wochen ' +
    'secondi minuti ora ore giorno giorni settimana settimane').split(' '),
);

/** The word a key is told with, when it tells the key's place: not one of NOT_TELLING. */
function telling(word: string | undefined): string | undefined {
  const lower = word?.toLowerCase();
  return lower !== undefined && !NOT_TELLING.has(lower) ? lower : undefined;
}

/** A 3 told with a word a 1 or a 2 is told with, before it or after it (offers3). */
function offeredAsOptions12(text: string): boolean {
  const before12 = new Set<string>();
  const after12 = new Set<string>();
  const threes: { before?: string; after?: string }[] = [];
  for (const key of text.matchAll(KEY)) {
    const start = key.index;
    const end = start + key[0].length;
    // The words next to the key, across spaces and punctuation only, within a few characters: linear in the prompt.
    const before = telling(/(\p{L}+)[^\p{L}\p{N}]{1,10}$/u.exec(text.slice(Math.max(0, start - 60), start))?.[1]);
    const after = telling(/^[^\p{L}\p{N}]{1,10}(\p{L}+)/u.exec(text.slice(end, end + 60))?.[1]);
    if (/^(?:3|three)$/i.test(key[0])) {
      THREE_HERE.lastIndex = start;
      if (THREE_HERE.test(text)) threes.push({ before, after });
    } else {
      if (before !== undefined) before12.add(before);
      if (after !== undefined) after12.add(after);
    }
  }
  return threes.some(({ before, after }) => (before !== undefined && before12.has(before)) || (after !== undefined && after12.has(after)));
}

/** A sentence that opens with the 3 and a word of the error after it (offers3). */
function offeredOpeningASentence(text: string): boolean {
  for (const found of text.matchAll(THREE_OPENING)) {
    // The word after it is the verb of the option ("3 simulates …"), not a count ("3 of our agents", "3 is …").
    const next = /^[^\p{L}\p{N}.!?;,]{1,10}(\p{L}+)/u.exec(text.slice(found.index + found[0].length, found.index + found[0].length + 60))?.[1];
    if (next !== undefined && ABOUT_THE_ERROR.test(next)) return true;
  }
  return false;
}

/**
 * Options 1 and 2 of Callback Mission 2, still in the message: the digit or its word anywhere (so
 * any wording passes; only a message that no longer names the option at all fails).
 */
const STILL_OFFERED: [string, RegExp][] = [
  ['1', /\b(?:1|one)\b/i],
  ['2', /\b(?:2|two)\b/i],
];

/** The menu's keys 1–3 as a caller is told them: where the words for one option end and the next begin. */
const KEY = /\b(?:[1-3]|one|two|three)\b/gi;

/** Words that say nothing of what an option does ("press", "if you want to", "or"): a bare offer of 3 is not a wrong one. */
const FILLER = new Set(
  'press dial enter select choose push hit tap pick type touch punch key keys option options number digit button buttons the a an to for if you your want would like wish please or and else otherwise then now can may just simply in order on of this that is'.split(' '),
);

/** Words that tell the option of Build step 3: the simulated error, and the dropped call the caller gets. */
const ABOUT_THE_ERROR = /\b(?:erro|erreu|fehl|fail|simul(?:at|a|e|i)|crash|exception|fault|problem|issue|broke|break|bug|wrong|drop|disconnect|hang|end\b|terminat|abort|test|global)/i;

/**
 * What the message says option 3 is for, when it names something else than the simulated error
 * ("Press 3 for sales", "Press 3 to schedule a callback"): the words with each 3 (from the key or
 * sentence before it to the key or sentence after it), when every 3 has such words and none tells
 * of an error. Undefined when one 3 is offered bare ("press 1, 2 or 3") or for the error.
 */
function offeredForSomethingElse(text: string): string | undefined {
  const keys = [...text.matchAll(KEY)];
  const named: string[] = [];
  for (const [at, key] of keys.entries()) {
    if (!/^(?:3|three)$/i.test(key[0])) continue;
    // Only the text between the keys before and after it is read: linear in the prompt, whatever its length.
    const before = text.slice(at > 0 ? keys[at - 1]!.index + keys[at - 1]![0].length : 0, key.index);
    const sentenceStart = Math.max(...['.', '!', '?', ';'].map((end) => before.lastIndexOf(end))) + 1;
    const after = text.slice(key.index + key[0].length, at + 1 < keys.length ? keys[at + 1]!.index : text.length);
    const sentenceEnd = /[.!?;]/.exec(after)?.index ?? after.length;
    const clause = `${before.slice(sentenceStart)}${key[0]}${after.slice(0, sentenceEnd)}`;
    const words = (clause.match(/\p{L}+/gu) ?? []).filter((word) => !FILLER.has(word.toLowerCase()) && !/^three$/i.test(word));
    if (words.length === 0 || ABOUT_THE_ERROR.test(clause)) return undefined;
    named.push(clause.replace(/^[\s,:-]+|[\s,]+$/g, ''));
  }
  return named[0];
}

/** Text-to-Speech is toggled off and audio prompts are set: the caller hears those files. */
function playsAudio(menu: Activity): boolean {
  const audio = menu.props.prompts;
  return menu.props.toggle === false && Array.isArray(audio) && audio.length > 0;
}

/**
 * The Text-to-Speech messages as written (no SSML read yet): none when the menu plays its audio
 * files instead (Text-to-Speech toggled off with audio prompts set, as the simulator plays it).
 */
function ttsTexts(menu: Activity): string[] {
  const tts = menu.props.promptsTts;
  if (!Array.isArray(tts) || playsAudio(menu)) return [];
  return tts
    .map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).value : entry))
    .filter((value): value is string => typeof value === 'string');
}

/**
 * The words the caller hears of one message, or the error that stops the menu from playing it.
 * Flow Designer renders the message before it speaks it, and what a `{# #}` holds, or an `{% if %}`
 * branch not taken, is never spoken: a message with a tag or a comment is read rendered (with the
 * flow's variables and sample contact data, as the simulated call renders it); any other is read as
 * written, its `{{ }}` left in (a variable's value offers no option), once it is known to parse.
 */
function spoken(text: string, model: FlowModel): { ok: true; words: string } | { ok: false; error: string } {
  if (!holdsTagOrComment(text)) {
    const parsed = render(text, new Map());
    return !parsed.ok && parsed.error.code === 'syntax' ? { ok: false, error: parsed.error.message } : { ok: true, words: ssmlWords(text) };
  }
  const result = render(text, flowScope(model));
  return result.ok ? { ok: true, words: ssmlWords(result.value) } : { ok: false, error: result.error.message };
}

/** Why a message that names option 3 does not offer it once rendered: where the words went. */
function unspokenNote(texts: readonly string[]): string {
  const offers = (words: string) => offers3(words);
  if (!texts.some((text) => offers(ssmlWords(text)))) return '';
  if (!texts.some((text) => offers(ssmlWords(withoutDelimited(text, '{#', '#}'))))) return ': what {# #} holds is a comment, never spoken';
  return ': the words that offer it are in a part of a {% %} tag that is not rendered (an {% if %} branch not taken)';
}

export default defineCheck({
  id: 'want-callback-prompt-option3',
  title: 'The WantCallback prompt offers option 3',
  step: 3,
  points: 2,
  severity: 'required',
  hint: `WantCallback → Prompt → Text-to-Speech Message: extend it with option 3, e.g. "${GUIDE_PROMPT}"`,
  description: [
    'Verifies Build step 3: the Text-to-Speech message of **WantCallback** tells the caller about option 3',
    `(the guide's text: "${GUIDE_PROMPT}").`,
    '',
    'Tolerances: the wording is free as long as option 3 is offered: "Press 3 …", "press three", "dial the 3 …",',
    '"tap 3", "key in 3", "option 3", "press the 3 key", "… or 3 to …", "press 1, 2 or 3", "…, then 3.", a list such as',
    '"press 1 to …, 2 to …, 3 to …", "1. … 2. … 3. Simulate …" or "(3) Simulate …", or a message "3 - simulate global error",',
    'in any case, with any spacing or punctuation; in any language or other words, a 3 told as option 1 or 2 is (the same',
    'word before or after it: "Pulse 1 para …, pulse 2 para …, pulse 3 para …", "Appuyez sur 1 pour …, sur 2 pour …, sur 3',
    'pour …", "number one …, number two …, number three …", a word a number counts never: "2 minutes, or 3 minutes"),',
    '"… use 3." ending a clause, or a sentence opening with the 3 and a word of the error ("3 simulates a global error.").',
    'A prompt that only mentions 13, 33 or a 3 that is no key',
    '("open between 9 and 3", "all 3 agents", "dial in 3 minutes", "3.5 percent", "3 to 5 days", "a 3-hour slot")',
    'does not count. Several TTS messages are read together. SSML markup is read as',
    'the words it speaks (`Press <say-as interpret-as="digits">3</say-as> …`). A message with Pebble tags or',
    'comments is read as rendered, as the caller hears it: option 3 only inside a `{# #}` comment, or in an',
    '`{% if %}` branch not taken, is not offered (the message says where the words went), and a message that',
    'does not render fails (the menu plays nothing), as does one whose `{{ }}` does not parse (`{{ 1 + }}`), tags or not.',
    '',
    'The guide extends the message ("We are extending the existing message by adding Option 3"), and Testing',
    'step 3 hears all three options: a message that no longer names option 1 or option 2 at all (neither the',
    'digit nor the word one/two) fails too, e.g. the option 3 sentence pasted over the whole message.',
    '',
    'Testing step 3 hears option 3 offered "to simulate an error": a message that offers 3 for something else',
    '("Press 3 for sales", "Press 3 to schedule a callback", an option 1 sentence copied) fails, as the caller is',
    'told a wrong thing. The words taken for what 3 is for are those with the 3, from the option or sentence before',
    'it to the one after it; any word of an error (error, erroneous, simulate, fail, problem, drop, disconnect, abort, test, …,',
    'and erreur, Fehler, simular, simuler, simulieren of other languages) passes,',
    'and so does a 3 offered bare ("press 1, 2 or 3").',
  ].join('\n'),
  run(ctx) {
    const found = wantCallbackOf(ctx);
    if (!found.ok) return found.outcome;
    const menu = found.activity;
    const texts = ttsTexts(menu);
    const messages: string[] = [];
    for (const heard of texts.map((text) => spoken(text, ctx.model))) {
      // The menu fails before it plays anything (semantics §1.5): the caller hears no option.
      if (!heard.ok) return failed(`The prompt of ${menu.label} does not render, so the caller hears no option: ${heard.error}`, { expected: GUIDE_PROMPT, actual: JSON.stringify(texts.join(' ')), activity: menu });
      messages.push(heard.words);
    }
    const text = messages.join(' ');
    if (messages.length === 0) {
      const audio = playsAudio(menu);
      const actual = audio ? 'audio prompts: Text-to-Speech is switched off, so its text is not played' : 'no Text-to-Speech message';
      return failed(`${menu.label} has no Text-to-Speech message offering option 3${audio ? ' (Text-to-Speech is off: it plays audio prompts, files or audio prompt variables)' : ''}`, { expected: GUIDE_PROMPT, actual, activity: menu });
    }
    if (!offers3(text) && !messages.some(offers3)) {
      return failed(`The prompt of ${menu.label} does not offer option 3${unspokenNote(texts)}`, { expected: `a prompt that offers option 3, e.g. "${GUIDE_PROMPT}"`, actual: JSON.stringify(text), activity: menu });
    }
    const elsewise = offeredForSomethingElse(text);
    if (elsewise !== undefined) {
      return failed(`The prompt of ${menu.label} offers option 3 for something else than the simulated error ("${elsewise}"): the caller is to press 3 to simulate global error`, {
        expected: `a prompt that offers option 3 to simulate the error, e.g. "${GUIDE_PROMPT}"`,
        actual: JSON.stringify(text),
        activity: menu,
        hint: `${menu.label} → Prompt → Text-to-Speech Message: offer option 3 for the error, as the guide's last sentence does: "Press 3 to simulate global error."`,
      });
    }
    const dropped = STILL_OFFERED.filter(([, pattern]) => !pattern.test(text)).map(([digit]) => digit);
    if (dropped.length > 0) {
      const which = dropped.length === 1 ? `option ${dropped[0]}` : 'options 1 and 2';
      return failed(`The prompt of ${menu.label} offers option 3 but no longer ${which}: Build step 3 extends the message, and Testing step 3 hears all three options`, {
        expected: `a prompt that offers options 1, 2 and 3, e.g. "${GUIDE_PROMPT}"`,
        actual: JSON.stringify(text),
        activity: menu,
      });
    }
    return passed(`The prompt of ${menu.label} offers option 3`);
  },
});
