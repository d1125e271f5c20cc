/** parseTemplate with a small LRU cache (grading re-parses the same strings many times). */
import type { Template } from './ast.js';
import { TEMPLATE_CACHE_SIZE } from './limits.js';
import { parseTemplateUncached } from './parser.js';

/** Longer texts are parsed every time rather than pinned in memory. */
const MAX_CACHED_LENGTH = 20_000;
const cache = new Map<string, Template>();

export function parseTemplate(text: string): Template {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const template = parseTemplateUncached(text);
  if (text.length <= MAX_CACHED_LENGTH) {
    if (cache.size >= TEMPLATE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, template);
  }
  return template;
}
