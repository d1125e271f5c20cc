/** A tiny XML tree and its serialiser (JUnit): build the tree, then write it; every name and value escaped. */
import { escapeXml, escapeXmlAttribute } from './escape.js';

export interface XmlElement {
  /** Element name: ours, never from an export (checked anyway). */
  name: string;
  /** Attributes in order; undefined ones are left out. */
  attributes?: Record<string, string | number | undefined>;
  children?: XmlElement[];
  text?: string;
}

export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, '')}\n`;
}

function element(node: XmlElement, indent: string): string {
  const name = xmlName(node.name);
  const attributes = Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${xmlName(key)}="${escapeXmlAttribute(value)}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0 && !node.text) return `${indent}<${name}${attributes}/>`;
  if (children.length === 0) return `${indent}<${name}${attributes}>${escapeXml(node.text)}</${name}>`;
  const inner = children.map((child) => element(child, `${indent}  `));
  if (node.text) inner.unshift(`${indent}  ${escapeXml(node.text)}`);
  return `${indent}<${name}${attributes}>\n${inner.join('\n')}\n${indent}</${name}>`;
}

function xmlName(name: string): string {
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new Error(`not an XML name: ${JSON.stringify(name)}`);
  return name;
}
