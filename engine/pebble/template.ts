/**
 * parseTemplate with a small LRU cache (grading re-parses the same strings many times). A text
 * that does not parse is cached with its error, which is thrown again as is: an attendee's broken
 * expression is read by several checks and every simulated call, and building an error costs
 * more than parsing.
 */
import type { Template } from './ast.js';
import { ExpressionError } from './errors.js';
import { TEMPLATE_CACHE_SIZE } from './limits.js';
import { parseTemplateUncached } from './parser.js';

/** Longer texts are parsed every time rather than pinned in memory. */
const MAX_CACHED_LENGTH = 20_000;
const cache = new Map<string, { template: Template } | { error: ExpressionError }>();

/** What parsing a text gives: its tree, or its syntax (or limit) error. */
type Parsed = { template: Template } | { error: ExpressionError };

/** The parse of a text, from the cache when it is there. */
export function parseOutcome(text: string): Parsed {
  let entry = cache.get(text);
  if (entry) {
    cache.delete(text);
  } else {
    entry = parse(text);
    if (text.length > MAX_CACHED_LENGTH) return entry;
    if (cache.size >= TEMPLATE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(text, entry);
  return entry;
}

/** The tree of a text; its syntax error is thrown. */
export function parseTemplate(text: string): Template {
  const entry = parseOutcome(text);
  if ('error' in entry) throw entry.error;
  return entry.template;
}

function parse(text: string): Parsed {
  try {
    return { template: parseTemplateUncached(text) };
  } catch (error) {
    if (error instanceof ExpressionError) return { error };
    throw error; // a flowgrade bug, not the text's: never cached as the text's error
  }
}
