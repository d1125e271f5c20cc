/**
 * A strict little XML 1.0 parser for the tests: throws on anything not well-formed (unbalanced or
 * misnamed tags, unquoted or duplicate attributes, `<` in a value, unknown entities, `]]>` in text,
 * characters XML cannot carry, more than one root) and returns the element tree with decoded values.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ILLEGAL = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(xml: string): XmlNode {
  if (ILLEGAL.test(xml)) throw new Error(`character not allowed in XML at ${xml.search(ILLEGAL)}`);
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const space = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const name = () => NAME.exec(xml.slice(i))?.[0] ?? fail('expected a name');

  if (xml.startsWith('<?xml')) {
    i = xml.indexOf('?>');
    if (i < 0) fail('unterminated declaration');
    i += 2;
  }
  space();

  const element = (): XmlNode => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const tag = name();
    i += tag.length;
    const node: XmlNode = { name: tag, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      space();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected space before an attribute');
      const attribute = name();
      i += attribute.length;
      space();
      if (xml[i] !== '=') fail('expected =');
      i++;
      space();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('attribute value not quoted');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
      node.attributes[attribute] = decode(raw, fail);
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail(`unclosed <${tag}>`);
      const raw = xml.slice(i, next);
      if (raw.includes(']]>')) fail(']]> in text');
      node.text += decode(raw, fail);
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        i += closing.length;
        space();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return node;
      }
      if (xml.startsWith('<!--', i) || xml.startsWith('<![CDATA[', i) || xml.startsWith('<?', i)) fail('comments, CDATA and processing instructions are not expected');
      node.children.push(element());
    }
  };

  const root = element();
  space();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

function decode(raw: string, fail: (why: string) => never): string {
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) fail(`bare & in ${JSON.stringify(raw.slice(0, 40))}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body];
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (!numeric) fail(`unknown entity &${body};`);
    const code = numeric![1].startsWith('x') ? parseInt(numeric![1].slice(1), 16) : parseInt(numeric![1], 10);
    const char = String.fromCodePoint(code);
    if (ILLEGAL.test(char)) fail(`character reference to a character XML cannot carry: &${body};`);
    return char;
  });
}

/** Every element named `name` in the tree, depth first. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => findAll(child, name))];
}
