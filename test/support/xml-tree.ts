// A minimal namespace-aware element tree built with saxes, for tests that compare XML documents
// structurally: names are (namespace URI, local name) pairs and QName-valued attributes are
// resolved against the prefixes in scope, so prefix choices never matter.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  /** Unqualified attributes by local name; qualified ones as `{uri}local`. xmlns declarations excluded. */
  readonly attributes: Map<string, string>;
  /** Prefix → namespace URI in effect on this element ('' is the default namespace). */
  readonly scope: Map<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';

/** `{uri}local`: the one spelling of an expanded name used throughout these tests. */
export const clark = (uri: string, local: string): string => `{${uri}}${local}`;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser<{ xmlns: true }>({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const scope = new Map<string, string>(parent?.scope ?? [['xml', XML]]);
    const attributes = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XMLNS) scope.set(a.prefix === 'xmlns' ? a.local : '', a.value);
      else attributes.set(a.uri ? clark(a.uri, a.local) : a.local, a.value);
    }
    const el: XmlElement = { uri: tag.uri, local: tag.local, attributes, scope, children: [], text: '' };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

/** Resolves a QName-valued attribute (`q1:Foo`, or `Foo` in the default namespace) to `{uri}local`. */
export function resolveQName(el: XmlElement, value: string): string {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const local = colon < 0 ? value : value.slice(colon + 1);
  const uri = el.scope.get(prefix);
  if (uri === undefined) throw new Error(`undeclared prefix in QName "${value}" on <${el.local}>`);
  return clark(uri, local);
}

export function children(el: XmlElement, uri: string, local?: string): XmlElement[] {
  return el.children.filter((c) => c.uri === uri && (local === undefined || c.local === local));
}

export function child(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.uri === uri && c.local === local);
}

/** A deep copy, so that a test can mutate a parsed document without touching the original. */
export function cloneTree(el: XmlElement): XmlElement {
  return {
    uri: el.uri,
    local: el.local,
    attributes: new Map(el.attributes),
    scope: new Map(el.scope),
    children: el.children.map(cloneTree),
    text: el.text,
  };
}
