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

/**
 * The document: the XML declaration and `root`, indented by two spaces per level. `serialized`
 * children are appended after the root's own, as they are (already serialized one level down,
 * e.g. by serializeXmlElement(child, '  ')).
 */
export function serializeXml(root: XmlElement, serialized: readonly string[] = []): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, '', serialized)}\n`;
}

/** One element at `indent`, for a document assembled from parts. */
export function serializeXmlElement(node: XmlElement, indent: string): string {
  return element(node, indent, []);
}

function element(node: XmlElement, indent: string, serialized: readonly string[]): string {
  const name = xmlName(node.name);
  let attributes = '';
  for (const key in node.attributes) {
    const value = node.attributes[key];
    if (value !== undefined) attributes += ` ${xmlName(key)}="${escapeXmlAttribute(value)}"`;
  }
  const children = node.children ?? [];
  if (children.length === 0 && serialized.length === 0) {
    return node.text ? `${indent}<${name}${attributes}>${escapeXml(node.text)}</${name}>` : `${indent}<${name}${attributes}/>`;
  }
  const inner: string[] = node.text ? [`${indent}  ${escapeXml(node.text)}`] : [];
  for (const child of children) inner.push(element(child, `${indent}  `, []));
  inner.push(...serialized);
  return `${indent}<${name}${attributes}>\n${inner.join('\n')}\n${indent}</${name}>`;
}

/** Names are ours (element and attribute names of the code), checked once each. */
const checkedNames = new Set<string>();

function xmlName(name: string): string {
  if (checkedNames.has(name)) return name;
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new Error(`not an XML name: ${JSON.stringify(name)}`);
  checkedNames.add(name);
  return name;
}
