// A small namespace-aware element tree built with saxes. saxes never expands DTD entities; on
// top of that any DOCTYPE is refused outright (SOAP 1.1: "A SOAP message MUST NOT contain a
// Document Type Declaration"), and nesting depth is bounded.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly attributes: ReadonlyMap<string, string>; // keyed "{uri}local"
  readonly children: XmlElement[];
  text: string;
}

export class XmlRefused extends Error {}

const MAX_DEPTH = 64;
/** Most elements have none: they share this one (read-only to every reader). */
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

// One parser, reused: building a SaxesParser (its state table, handlers and namespace map) costs
// about as much as parsing a small envelope. Parsing is synchronous, so one document at a time
// uses it; after a failure it is dropped (its state is then unknown) and a fresh one is built.
let idle: SaxesParser | undefined;
let stack: XmlElement[] = [];
let root: XmlElement | undefined;

function newParser(): SaxesParser {
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw new XmlRefused('a document type declaration (DTD) is not allowed');
  });
  // The first well-formedness error ends the parse: the document is refused whatever follows.
  parser.on('error', (err) => {
    throw new XmlRefused(`the XML is not well-formed: ${err.message}`);
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) throw new XmlRefused('the document is nested too deeply');
    let attributes: Map<string, string> | undefined;
    const given = tag.attributes;
    for (const key in given) {
      const attr = given[key]!;
      if (attr.uri === 'http://www.w3.org/2000/xmlns/' || attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      (attributes ??= new Map()).set(`{${attr.uri}}${attr.local}`, attr.value);
    }
    const element: XmlElement = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes: attributes ?? NO_ATTRIBUTES, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new XmlRefused('more than one root element');
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  return parser;
}

export function parseXml(source: string): XmlElement {
  const parser = idle ?? newParser();
  idle = undefined;
  stack = [];
  root = undefined;
  try {
    // A BOM is allowed (WS-I Basic Profile); saxes does not skip it itself.
    parser.write(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).close();
  } catch (err) {
    if (err instanceof XmlRefused) throw err;
    throw new XmlRefused(`the XML is not well-formed: ${(err as Error).message}`);
  } finally {
    stack = [];
  }
  // close() has reset the parser for the next document.
  idle = parser;
  const found = root;
  root = undefined;
  if (!found) throw new XmlRefused('the document has no root element');
  return found;
}
