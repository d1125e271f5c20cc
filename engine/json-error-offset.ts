/**
 * Where JSON text first goes wrong. JSON.parse messages differ between engines and often carry
 * no position, so after a failed parse this small scanner finds the offset for "line L column C".
 * Iterative (no recursion), linear time.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (!e || !'"\\/bfnrt'.includes(e)) return false;
      }
    }
    return false;
  };
  const scalar = (): boolean => {
    const rest = text.slice(i, i + 5);
    for (const word of ['true', 'false', 'null']) if (rest.startsWith(word)) return (i += word.length, true);
    NUMBER.lastIndex = i; // sticky: matched in place, however long the number (no copy of the text)
    const m = NUMBER.exec(text);
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  // Expect a value, then after it a ',' or a closing bracket, until the stack empties.
  for (;;) {
    ws();
    if (text[i] === '{' || text[i] === '[') {
      const open = text[i++] as '{' | '[';
      ws();
      if (text[i] === (open === '{' ? '}' : ']')) i++;
      else {
        stack.push(open);
        if (open === '{') {
          if (!string()) return i;
          ws();
          if (text[i++] !== ':') return i - 1;
        }
        continue;
      }
    } else if (text[i] === '"' ? !string() : !scalar()) return i; // a string that fails stays failed there
    // after a complete value
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) return i < text.length ? i : -1;
      if (text[i] === ',') {
        i++;
        if (top === '{') {
          ws();
          if (!string()) return i;
          ws();
          if (text[i++] !== ':') return i - 1;
        }
        break;
      }
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}

/** A JSON number, matched at `lastIndex` (sticky). */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
