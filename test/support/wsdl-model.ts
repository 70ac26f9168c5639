// Reduces a parsed WSDL 1.1 document to the facts clients depend on, with every QName resolved to
// `{uri}local`, so that two documents can be compared whatever prefixes and layout they use.
// Anything in a schema this model does not understand is recorded under `unsupported` rather
// than skipped, so an unexpected construct shows up as a difference instead of passing silently.
import { child, children, clark, resolveQName, type XmlElement } from './xml-tree.js';

export const XS = 'http://www.w3.org/2001/XMLSchema';
export const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
export const SOAP = 'http://schemas.xmlsoap.org/wsdl/soap/';
const WSAW = 'http://www.w3.org/2006/05/addressing/wsdl';
const SER = 'http://schemas.microsoft.com/2003/10/Serialization/';

export interface FieldModel {
  name: string;
  type: string;
  nillable: string;
  minOccurs: string;
  maxOccurs: string;
  /** The WCF DefaultValue/@EmitDefaultValue annotation, when present. */
  emitDefaultValue: string | null;
}
export type TypeModel =
  | { kind: 'complex'; base: string | null; mixed: string | null; fields: FieldModel[]; unsupported: string[] }
  | { kind: 'enum'; base: string; values: string[]; unsupported: string[] }
  | { kind: 'list'; itemType: string | null; itemBase: string | null; values: string[]; unsupported: string[] };
export interface GlobalElementModel {
  type: string | null;
  nillable: string;
  /** The sequence of an anonymous complex type (the request/response wrappers). */
  fields: FieldModel[] | null;
}
export interface SchemaModel {
  imports: string[];
  types: Map<string, TypeModel>;
  elements: Map<string, GlobalElementModel>;
  /** Top-level schema children other than imports, types and elements (xs:attribute, …). */
  others: string[];
}
export interface PartModel { name: string; element: string | null }
export interface IoModel { name: string | null; message: string; action: string | null }
export interface PortOperationModel { input: IoModel; output: IoModel; faults: IoModel[] }
export interface HeaderModel { message: string; part: string; use: string | null }
export interface BindingIoModel { name: string | null; headers: HeaderModel[]; body: string | null }
export interface BindingOperationModel {
  soapAction: string | null;
  style: string | null;
  input: BindingIoModel;
  output: BindingIoModel;
  faults: { name: string; soapFault: string }[];
}
export interface BindingModel {
  type: string;
  transport: string | null;
  style: string | null;
  operations: Map<string, BindingOperationModel>;
}
export interface PortModel { name: string; binding: string; address: string | null }
export interface WsdlModel {
  name: string | null;
  targetNamespace: string;
  /** Schemas by targetNamespace. */
  schemas: Map<string, SchemaModel>;
  /** Messages, port types, bindings and services by `{targetNamespace}name`. */
  messages: Map<string, PartModel[]>;
  portTypes: Map<string, Map<string, PortOperationModel>>;
  bindings: Map<string, BindingModel>;
  services: Map<string, PortModel[]>;
}

const attr = (el: XmlElement, name: string): string | null => el.attributes.get(name) ?? null;
const qattr = (el: XmlElement, name: string): string | null => {
  const v = attr(el, name);
  return v === null ? null : resolveQName(el, v);
};
const isXs = (el: XmlElement, local?: string): boolean => el.uri === XS && (local === undefined || el.local === local);
const describe = (el: XmlElement): string => clark(el.uri, el.local);

/** The one appinfo fact the contract models: DataMember(EmitDefaultValue = false). */
function emitDefaultValue(el: XmlElement): string | null {
  for (const ann of children(el, XS, 'annotation')) {
    for (const info of children(ann, XS, 'appinfo')) {
      const dv = child(info, SER, 'DefaultValue');
      if (dv) return attr(dv, 'EmitDefaultValue');
    }
  }
  return null;
}

function field(el: XmlElement): FieldModel {
  return {
    name: attr(el, 'name') ?? '(unnamed)',
    type: qattr(el, 'type') ?? '(anonymous)',
    nillable: attr(el, 'nillable') ?? 'false',
    minOccurs: attr(el, 'minOccurs') ?? '1',
    maxOccurs: attr(el, 'maxOccurs') ?? '1',
    emitDefaultValue: emitDefaultValue(el),
  };
}

function sequence(seq: XmlElement, unsupported: string[]): FieldModel[] {
  const out: FieldModel[] = [];
  for (const c of seq.children) {
    if (isXs(c, 'element')) out.push(field(c));
    else unsupported.push(`sequence child ${describe(c)}`);
  }
  return out;
}

// Other WCF appinfo (EnumerationValue, GenericType, IsValueType, ActualType) is .NET code-generation
// metadata the contract does not record; annotations are therefore skipped here by design.
const content = (el: XmlElement): XmlElement[] => el.children.filter((c) => !isXs(c, 'annotation'));

function complexType(el: XmlElement): TypeModel {
  const unsupported: string[] = [];
  let base: string | null = null;
  let mixed: string | null = null;
  let fields: FieldModel[] = [];
  for (const c of content(el)) {
    if (isXs(c, 'sequence')) fields = sequence(c, unsupported);
    else if (isXs(c, 'complexContent')) {
      mixed = attr(c, 'mixed');
      const ext = content(c);
      if (ext.length !== 1 || !isXs(ext[0]!, 'extension')) unsupported.push('complexContent without one extension');
      for (const x of ext.filter((e) => isXs(e, 'extension'))) {
        base = qattr(x, 'base');
        for (const s of content(x)) {
          if (isXs(s, 'sequence')) fields = sequence(s, unsupported);
          else unsupported.push(`extension child ${describe(s)}`);
        }
      }
    } else unsupported.push(`complexType child ${describe(c)}`);
  }
  return { kind: 'complex', base, mixed, fields, unsupported };
}

function enumValues(restriction: XmlElement, unsupported: string[]): string[] {
  const values: string[] = [];
  for (const c of content(restriction)) {
    if (isXs(c, 'enumeration')) values.push(attr(c, 'value') ?? '');
    else unsupported.push(`facet ${describe(c)}`);
  }
  return values;
}

function simpleType(el: XmlElement): TypeModel {
  const unsupported: string[] = [];
  const [only, ...rest] = content(el);
  if (rest.length > 0) unsupported.push('simpleType with several children');
  if (only && isXs(only, 'restriction')) {
    return { kind: 'enum', base: qattr(only, 'base') ?? '', values: enumValues(only, unsupported), unsupported };
  }
  if (only && isXs(only, 'list')) {
    const inner = child(only, XS, 'simpleType');
    const restriction = inner && child(inner, XS, 'restriction');
    return {
      kind: 'list',
      itemType: qattr(only, 'itemType'),
      itemBase: restriction ? qattr(restriction, 'base') : null,
      values: restriction ? enumValues(restriction, unsupported) : [],
      unsupported,
    };
  }
  unsupported.push(`simpleType content ${only ? describe(only) : 'none'}`);
  return { kind: 'enum', base: '', values: [], unsupported };
}

function globalElement(el: XmlElement): GlobalElementModel {
  const anon = child(el, XS, 'complexType');
  const seq = anon && child(anon, XS, 'sequence');
  return {
    type: qattr(el, 'type'),
    nillable: attr(el, 'nillable') ?? 'false',
    fields: anon ? (seq ? sequence(seq, []) : []) : null,
  };
}

function schema(el: XmlElement): SchemaModel {
  const model: SchemaModel = { imports: [], types: new Map(), elements: new Map(), others: [] };
  for (const c of el.children) {
    const name = attr(c, 'name') ?? '';
    if (isXs(c, 'import')) model.imports.push(attr(c, 'namespace') ?? '');
    else if (isXs(c, 'complexType')) model.types.set(name, complexType(c));
    else if (isXs(c, 'simpleType')) model.types.set(name, simpleType(c));
    else if (isXs(c, 'element')) model.elements.set(name, globalElement(c));
    else if (!isXs(c, 'annotation')) model.others.push(`${describe(c)} ${name}`);
  }
  return model;
}

function io(el: XmlElement | undefined): IoModel {
  if (!el) return { name: null, message: '(missing)', action: null };
  return { name: attr(el, 'name'), message: qattr(el, 'message') ?? '', action: attr(el, clark(WSAW, 'Action')) };
}

function bindingIo(el: XmlElement | undefined): BindingIoModel {
  if (!el) return { name: null, headers: [], body: null };
  const body = child(el, SOAP, 'body');
  return {
    name: attr(el, 'name'),
    headers: children(el, SOAP, 'header').map((h) => ({
      message: qattr(h, 'message') ?? '', part: attr(h, 'part') ?? '', use: attr(h, 'use'),
    })),
    body: body ? JSON.stringify(Object.fromEntries(body.attributes)) : null,
  };
}

function binding(el: XmlElement): BindingModel {
  const soapBinding = child(el, SOAP, 'binding');
  const operations = new Map<string, BindingOperationModel>();
  for (const op of children(el, WSDL, 'operation')) {
    const soapOp = child(op, SOAP, 'operation');
    operations.set(attr(op, 'name') ?? '', {
      soapAction: soapOp ? attr(soapOp, 'soapAction') : null,
      style: soapOp ? attr(soapOp, 'style') : null,
      input: bindingIo(child(op, WSDL, 'input')),
      output: bindingIo(child(op, WSDL, 'output')),
      faults: children(op, WSDL, 'fault').map((f) => {
        const sf = child(f, SOAP, 'fault');
        return { name: attr(f, 'name') ?? '', soapFault: sf ? JSON.stringify(Object.fromEntries(sf.attributes)) : '(missing)' };
      }),
    });
  }
  return {
    type: qattr(el, 'type') ?? '',
    transport: soapBinding ? attr(soapBinding, 'transport') : null,
    style: soapBinding ? attr(soapBinding, 'style') : null,
    operations,
  };
}

export function wsdlModel(root: XmlElement): WsdlModel {
  if (root.uri !== WSDL || root.local !== 'definitions') throw new Error(`not a WSDL 1.1 document: ${describe(root)}`);
  const tns = attr(root, 'targetNamespace') ?? '';
  const named = (el: XmlElement): string => clark(tns, attr(el, 'name') ?? '');
  const model: WsdlModel = {
    name: attr(root, 'name'),
    targetNamespace: tns,
    schemas: new Map(),
    messages: new Map(),
    portTypes: new Map(),
    bindings: new Map(),
    services: new Map(),
  };
  for (const types of children(root, WSDL, 'types')) {
    for (const s of children(types, XS, 'schema')) model.schemas.set(attr(s, 'targetNamespace') ?? '', schema(s));
  }
  for (const m of children(root, WSDL, 'message')) {
    model.messages.set(named(m), children(m, WSDL, 'part').map((p) => ({ name: attr(p, 'name') ?? '', element: qattr(p, 'element') })));
  }
  for (const pt of children(root, WSDL, 'portType')) {
    const ops = new Map<string, PortOperationModel>();
    for (const op of children(pt, WSDL, 'operation')) {
      ops.set(attr(op, 'name') ?? '', {
        input: io(child(op, WSDL, 'input')),
        output: io(child(op, WSDL, 'output')),
        faults: children(op, WSDL, 'fault').map((f) => io(f)),
      });
    }
    model.portTypes.set(named(pt), ops);
  }
  for (const b of children(root, WSDL, 'binding')) model.bindings.set(named(b), binding(b));
  for (const s of children(root, WSDL, 'service')) {
    model.services.set(named(s), children(s, WSDL, 'port').map((p) => {
      const address = child(p, SOAP, 'address');
      return { name: attr(p, 'name') ?? '', binding: qattr(p, 'binding') ?? '', address: address ? attr(address, 'location') : null };
    }));
  }
  return model;
}
