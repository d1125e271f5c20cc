/**
 * Text of values, as Java's toString would give it, except that lists and maps print as compact
 * JSON (`["a",1]`, `{"k":"v"}`) instead of Java's `[a, 1]` / `{k=v}`.
 */
import type { Context } from './context.js';
import { zonedToString } from './datetime.js';
import { MAX_STRING_LENGTH } from './limits.js';
import { fail } from './errors.js';
import {
  PDate,
  PDouble,
  SafeString,
  checkDepth,
  fromHost,
  isList,
  isLong,
  javaDoubleToString,
  longToString,
  mapEntries,
  type MapValue,
} from './values.js';

class Builder {
  text = '';
  constructor(
    readonly ctx: Context,
    readonly pos: number,
  ) {}
  add(s: string): void {
    this.text += s;
    if (this.text.length > MAX_STRING_LENGTH) {
      fail('limit', `String longer than ${MAX_STRING_LENGTH} characters`, this.pos);
    }
  }
  tick(): void {
    this.ctx.tick(this.pos);
  }
}

function scalar(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (v instanceof SafeString) return v.text;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isLong(v)) return longToString(v);
  if (v instanceof PDouble) return javaDoubleToString(v.value);
  if (v instanceof PDate) return zonedToString(v);
  return undefined;
}

function writeJson(v: unknown, b: Builder, depth = 0): void {
  checkDepth(depth);
  v = fromHost(v);
  b.tick();
  if (typeof v === 'string') return b.add(JSON.stringify(v));
  if (v instanceof SafeString) return b.add(JSON.stringify(v.text));
  if (v instanceof PDate) return b.add(JSON.stringify(zonedToString(v)));
  const s = scalar(v);
  if (s !== undefined) return b.add(s);
  if (isList(v)) {
    b.add('[');
    v.forEach((item, i) => {
      if (i > 0) b.add(',');
      writeJson(item, b, depth + 1);
    });
    return b.add(']');
  }
  // what fromHost leaves is a map; a key that is no text is named by its own text, as Java does ({"[1]":2})
  b.add('{');
  mapEntries(v as MapValue).forEach(([k, item], i) => {
    if (i > 0) b.add(',');
    b.add(JSON.stringify(javaString(k, b.ctx, b.pos)));
    b.add(':');
    writeJson(item, b, depth + 1);
  });
  b.add('}');
}

/** String.valueOf(v): null → "null". */
export function javaString(v: unknown, ctx: Context, pos: number): string {
  v = fromHost(v);
  const s = scalar(v);
  if (s !== undefined) return s;
  const b = new Builder(ctx, pos);
  writeJson(v, b);
  return b.text;
}

/** What `{{ v }}` prints: null prints nothing. */
export function renderValue(v: unknown, ctx: Context, pos: number): string {
  v = fromHost(v);
  return v === null ? '' : javaString(v, ctx, pos);
}
