// A small namespace-aware element tree of a SOAP answer, built with saxes (pure JavaScript, runs
// in browsers too). saxes never expands DTD entities; a DOCTYPE is refused.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  readonly uri: string;
  readonly local: string;
  /** Attributes keyed "{uri}local". */
  readonly attributes: Map<string, string>;
  readonly children: XmlNode[];
  text: string;
}

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export function parseXml(source: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('doctype', () => {
    throw new Error('a document type declaration is not allowed in SOAP');
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attr of Object.values(tag.attributes)) attributes.set(`{${attr.uri ?? ''}}${attr.local ?? attr.name}`, attr.value);
    const node: XmlNode = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root ??= node;
    stack.push(node);
  });
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).close();
  if (!root) throw new Error('the answer has no XML root element');
  return root;
}

export function child(node: XmlNode, local: string): XmlNode | undefined {
  return node.children.find((c) => c.local === local);
}

export function isNil(node: XmlNode): boolean {
  const nil = node.attributes.get(`{${XSI}}nil`);
  return nil === 'true' || nil === '1';
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
