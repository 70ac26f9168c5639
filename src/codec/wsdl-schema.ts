// The <wsdl:types> section of the served WSDL: one XML Schema per namespace, written from the
// contract data in the shape WCF gives the official document (DataContract style: every element
// minOccurs="0" unless required, a nillable global element after each named type, imports for
// every namespace a schema refers to). Only the given operations and what they can carry appear.
import { isPrimitive, NS, type ElementDef, type NamespaceKey, type TypeDef } from '../contract/model.js';
import type { OperationName, TypeName } from '../contract/values.js';
import { OPERATION_DEFS, reachableTypes, TYPE_DEFS } from './reachable-types.js';

/** SOAP headers of every request and response (the official `<Op>Request_Headers` parts). */
export const REQUEST_HEADERS = ['ApplicationToken', 'AuthenticationToken', 'DeveloperToken', 'Password', 'UserName'] as const;
export const RESPONSE_HEADERS = ['TrackingId'] as const;

const XS = 'http://www.w3.org/2001/XMLSchema';
/** Prefixes are ours to choose (clients resolve QNames by URI); fixed ones keep output stable. */
export const PREFIX: Readonly<Record<NamespaceKey, string>> = {
  msg: 'tns', ent: 'ent', exc: 'exc', adapi: 'adapi', generic: 'gen', arrays: 'arr', ser: 'ser',
};

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Escapes text for an attribute value or element content; whitespace controls survive attribute normalisation. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}

const indent = (depth: number): string => '  '.repeat(depth);

/** Collects output lines and the namespaces the schema being written refers to, in first-use order. */
class SchemaWriter {
  readonly lines: string[] = [];
  readonly refs = new Set<NamespaceKey>();
  constructor(readonly own: NamespaceKey) {}

  line(depth: number, text: string): void {
    this.lines.push(indent(depth) + text);
  }

  qname(type: string): string {
    if (isPrimitive(type)) return `xs:${type}`;
    const def = TYPE_DEFS[type as TypeName];
    if (def.ns !== this.own) this.refs.add(def.ns);
    return `${PREFIX[def.ns]}:${type}`;
  }

  /** A local element as WCF writes it: minOccurs, maxOccurs, name, nillable, type. */
  field(depth: number, field: ElementDef): void {
    const o = field.opts;
    const attrs = [
      o.required ? '' : ' minOccurs="0"',
      o.many ? ' maxOccurs="unbounded"' : '',
      ` name="${escapeXml(field.name)}"`,
      o.nillable ? ' nillable="true"' : '',
      ` type="${this.qname(field.type)}"`,
    ].join('');
    if (o.emitDefault !== false) {
      this.line(depth, `<xs:element${attrs} />`);
      return;
    }
    // DataMember(EmitDefaultValue = false): tells .NET clients the member may be absent. The
    // annotation is in the Serialization namespace, which the schema then imports, as WCF's does.
    this.refs.add('ser');
    this.line(depth, `<xs:element${attrs}>`);
    this.line(depth + 1, '<xs:annotation>');
    this.line(depth + 2, '<xs:appinfo>');
    this.line(depth + 3, `<DefaultValue EmitDefaultValue="false" xmlns="${NS.ser}" />`);
    this.line(depth + 2, '</xs:appinfo>');
    this.line(depth + 1, '</xs:annotation>');
    this.line(depth, '</xs:element>');
  }

  sequence(depth: number, fields: readonly ElementDef[]): void {
    if (fields.length === 0) {
      this.line(depth, '<xs:sequence />');
      return;
    }
    this.line(depth, '<xs:sequence>');
    for (const f of fields) this.field(depth + 1, f);
    this.line(depth, '</xs:sequence>');
  }

  /** The global element WCF emits after each type: `<xs:element name="T" nillable="true" type="tns:T"/>`. */
  globalElement(depth: number, name: string, type: string): void {
    this.line(depth, `<xs:element name="${name}" nillable="true" type="${this.qname(type)}" />`);
  }

  namedType(depth: number, name: string, def: TypeDef): void {
    if (def.kind === 'complex') {
      this.line(depth, `<xs:complexType name="${name}">`);
      if (def.base === undefined) {
        this.sequence(depth + 1, def.fields);
      } else {
        this.line(depth + 1, '<xs:complexContent mixed="false">');
        this.line(depth + 2, `<xs:extension base="${this.qname(def.base)}">`);
        this.sequence(depth + 3, def.fields);
        this.line(depth + 2, '</xs:extension>');
        this.line(depth + 1, '</xs:complexContent>');
      }
      this.line(depth, '</xs:complexType>');
      return;
    }
    this.line(depth, `<xs:simpleType name="${name}">`);
    const inner = def.kind === 'flags' ? depth + 3 : depth + 1;
    if (def.kind === 'flags') {
      // A [Flags] enum: a whitespace-separated list of an anonymous enumeration.
      this.line(depth + 1, '<xs:list>');
      this.line(depth + 2, '<xs:simpleType>');
    }
    this.line(inner, '<xs:restriction base="xs:string">');
    for (const v of def.values) this.line(inner + 1, `<xs:enumeration value="${escapeXml(v)}" />`);
    this.line(inner, '</xs:restriction>');
    if (def.kind === 'flags') {
      this.line(depth + 2, '</xs:simpleType>');
      this.line(depth + 1, '</xs:list>');
    }
    this.line(depth, '</xs:simpleType>');
  }

  /** The finished <xs:schema>, with prefix declarations and imports for what it referred to. */
  finish(depth: number): string[] {
    const declared = [this.own, ...this.refs].map((k) => ` xmlns:${PREFIX[k]}="${NS[k]}"`).join('');
    return [
      `${indent(depth)}<xs:schema elementFormDefault="qualified" targetNamespace="${NS[this.own]}" xmlns:xs="${XS}"${declared}>`,
      ...[...this.refs].map((k) => `${indent(depth + 1)}<xs:import namespace="${NS[k]}" />`),
      ...this.lines,
      `${indent(depth)}</xs:schema>`,
    ];
  }
}

/** The message-namespace schema: wrapper elements, SOAP header elements and the ApiFault element. */
function messageSchema(depth: number, ops: readonly OperationName[]): string[] {
  const w = new SchemaWriter('msg');
  const d = depth + 1;
  const wrapper = (name: string, fields: readonly ElementDef[]): void => {
    w.line(d, `<xs:element name="${name}">`);
    w.line(d + 1, '<xs:complexType>');
    w.sequence(d + 2, fields);
    w.line(d + 1, '</xs:complexType>');
    w.line(d, '</xs:element>');
  };
  const header = (name: string): void => w.line(d, `<xs:element name="${name}" nillable="true" type="xs:string" />`);
  const requestGlobals = (): void => REQUEST_HEADERS.forEach(header);
  // ApiFault's detail element lives in the message namespace although its type does not.
  const responseGlobals = (): void => {
    RESPONSE_HEADERS.forEach(header);
    w.globalElement(d, 'ApiFault', 'ApiFault');
  };
  // WCF writes the shared elements where the first operation first uses them; follow it.
  ops.forEach((op, i) => {
    wrapper(`${op}Request`, OPERATION_DEFS[op].request);
    if (i === 0) requestGlobals();
    wrapper(`${op}Response`, OPERATION_DEFS[op].response);
    if (i === 0) responseGlobals();
  });
  if (ops.length === 0) {
    requestGlobals();
    responseGlobals();
  }
  return w.finish(depth);
}

/** Every <xs:schema> of the WSDL for these (canonical) operations, as indented lines. */
export function schemaLines(depth: number, ops: readonly OperationName[]): string[] {
  const byNs = new Map<NamespaceKey, TypeName[]>();
  for (const name of reachableTypes(ops)) {
    const ns = TYPE_DEFS[name].ns;
    byNs.set(ns, [...(byNs.get(ns) ?? []), name]);
  }
  const out = [...messageSchema(depth, ops), ...serializationSchema(depth)];
  // Schemas follow the order in which the contract (and so the official WSDL) introduces their
  // namespaces.
  const order = [...new Set(Object.values(TYPE_DEFS).map((def) => def.ns))];
  for (const ns of order) {
    const names = byNs.get(ns);
    if (names === undefined) continue;
    // The message schema is generated from the operations; a named type there would be lost.
    if (ns === 'msg') throw new Error(`contract: named types in the message namespace: ${names.join(', ')}`);
    const w = new SchemaWriter(ns);
    for (const name of names) {
      w.namedType(depth + 1, name, TYPE_DEFS[name]);
      w.globalElement(depth + 1, name, name);
    }
    out.push(...w.finish(depth));
  }
  return out;
}

/** WCF's primitive types of the DataContract serializer, as fixed as the namespace itself. */
const SERIALIZATION_PRIMITIVES = [
  'anyType', 'anyURI', 'base64Binary', 'boolean', 'byte', 'dateTime', 'decimal', 'double', 'float', 'int', 'long',
  'QName', 'short', 'string', 'unsignedByte', 'unsignedInt', 'unsignedLong', 'unsignedShort',
] as const;

/**
 * The Serialization schema WCF writes into every service description. No contract type refers to
 * it, but WSDL-driven clients number namespace prefixes over every schema of the document (suds
 * sorts the namespaces and counts: Entities is `ns5` only when this one is present), and the
 * official examples name types by those prefixes (`factory.create('ns5:Paging')`).
 */
function serializationSchema(depth: number): string[] {
  const d = indent(depth + 1);
  const restriction = (name: string, base: string, facets: readonly string[]): string[] => [
    `${d}<xs:element name="${name}" nillable="true" type="tns:${name}" />`,
    `${d}<xs:simpleType name="${name}">`,
    ...(facets.length === 0
      ? [`${d}  <xs:restriction base="${base}" />`]
      : [`${d}  <xs:restriction base="${base}">`, ...facets.map((f) => `${d}    ${f}`), `${d}  </xs:restriction>`]),
    `${d}</xs:simpleType>`,
  ];
  return [
    `${indent(depth)}<xs:schema xmlns:tns="${NS.ser}" attributeFormDefault="qualified" elementFormDefault="qualified" targetNamespace="${NS.ser}" xmlns:xs="${XS}">`,
    ...SERIALIZATION_PRIMITIVES.map((t) => `${d}<xs:element name="${t}" nillable="true" type="xs:${t}" />`),
    ...restriction('char', 'xs:int', []),
    ...restriction('duration', 'xs:duration', [
      String.raw`<xs:pattern value="\-?P(\d*D)?(T(\d*H)?(\d*M)?(\d*(\.\d*)?S)?)?" />`,
      '<xs:minInclusive value="-P10675199DT2H48M5.4775808S" />',
      '<xs:maxInclusive value="P10675199DT2H48M5.4775807S" />',
    ]),
    ...restriction('guid', 'xs:string', [
      String.raw`<xs:pattern value="[\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12}" />`,
    ]),
    `${d}<xs:attribute name="FactoryType" type="xs:QName" />`,
    `${d}<xs:attribute name="Id" type="xs:ID" />`,
    `${d}<xs:attribute name="Ref" type="xs:IDREF" />`,
    `${indent(depth)}</xs:schema>`,
  ];
}
