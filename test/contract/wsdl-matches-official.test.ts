// Proves that the WSDL derived from src/contract declares every operation and type exactly as
// the official WCF WSDL does (structurally: QNames resolved, prefixes and layout ignored), that a
// subset WSDL is self-contained, and that the comparison itself is able to fail.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NS } from '../../src/contract/model.js';
import type { OperationName } from '../../src/contract/values.js';
import { ALL_OPERATIONS, reachableTypes, TYPE_DEFS } from '../../src/codec/reachable-types.js';
import { writeWsdl } from '../../src/codec/wsdl.js';
import { readOfficialWsdl } from '../support/official-wsdl.js';
import { compareWsdl, referenceProblems } from '../support/wsdl-compare.js';
import { wsdlModel, XS, type WsdlModel } from '../support/wsdl-model.js';
import { child, children, clark, cloneTree, parseXml, type XmlElement } from '../support/xml-tree.js';

const ADDRESS = 'http://x/y.svc';
const officialTree = parseXml(readOfficialWsdl());
const official = wsdlModel(officialTree);
const ours = wsdlModel(parseXml(writeWsdl({ operations: ALL_OPERATIONS, address: ADDRESS })));
const fullDiffs = compareWsdl(official, ours);

const PORT_TYPE = clark(NS.msg, 'ICustomerManagementService');
const BINDING = clark(NS.msg, 'BasicHttpBinding_ICustomerManagementService');
const SERVICE = clark(NS.msg, 'CustomerManagementService');

const operationsOf = (m: WsdlModel): string[] => [...(m.portTypes.get(PORT_TYPE)?.keys() ?? [])];
const bindingOperationsOf = (m: WsdlModel): string[] => [...(m.bindings.get(BINDING)?.operations.keys() ?? [])];
const namesIn = (m: WsdlModel, ns: string, what: 'types' | 'elements'): string[] => [...(m.schemas.get(ns)?.[what].keys() ?? [])];
const addressOf = (m: WsdlModel): (string | null)[] => (m.services.get(SERVICE) ?? []).map((p) => p.address);
const serve = (operations: readonly OperationName[], address = ADDRESS): WsdlModel => wsdlModel(parseXml(writeWsdl({ operations, address })));

/** Namespaces whose schemas ours reproduces in full (all but the message namespace, generated per operation). */
const typeNamespaces = [...official.schemas.keys()].filter((ns) => ns !== NS.msg);

describe('served WSDL, all operations, against the official WSDL', () => {
  it('the official document is what these tests expect (39 operations, self-contained)', () => {
    assert.equal(operationsOf(official).length, 39);
    assert.deepEqual(referenceProblems(official), []);
  });

  it('declares the official operations, in the official order, in portType and binding', () => {
    assert.deepEqual(operationsOf(ours), operationsOf(official));
    assert.deepEqual(bindingOperationsOf(ours), bindingOperationsOf(official));
    assert.deepEqual(operationsOf(ours), [...ALL_OPERATIONS]);
  });

  it('declares the same complexType/simpleType names per namespace, in order', () => {
    assert.deepEqual([...ours.schemas.keys()].filter((ns) => ns !== NS.msg).sort(), [...typeNamespaces].sort());
    for (const ns of typeNamespaces) assert.deepEqual(namesIn(ours, ns, 'types'), namesIn(official, ns, 'types'), ns);
    // Every contract type, and besides them only the Serialization schema's own three simple types.
    assert.equal(typeNamespaces.filter((ns) => ns !== NS.ser).reduce((n, ns) => n + namesIn(ours, ns, 'types').length, 0), Object.keys(TYPE_DEFS).length);
  });

  it('declares the same global elements per namespace (wrappers, headers, ApiFault, one per type)', () => {
    for (const ns of [NS.msg, ...typeNamespaces]) {
      assert.deepEqual(namesIn(ours, ns, 'elements').sort(), namesIn(official, ns, 'elements').sort(), ns);
    }
  });

  it('declares the same messages', () => {
    assert.deepEqual([...ours.messages.keys()], [...official.messages.keys()]);
  });

  it('every declaration is identical to the official one', () => {
    assert.deepEqual(fullDiffs, []);
  });

  it('is self-contained: every QName it uses is declared and every namespace it uses imported', () => {
    assert.deepEqual(referenceProblems(ours), []);
  });

  it('points the service port at the given address', () => {
    assert.deepEqual(addressOf(ours), [ADDRESS]);
  });
});

describe('each contract type against its official declaration', () => {
  for (const name of Object.keys(TYPE_DEFS)) {
    const q = clark(NS[TYPE_DEFS[name as keyof typeof TYPE_DEFS].ns], name);
    it(name, () => {
      const mine = fullDiffs.filter((d) => [`type ${q}`, `element ${q}`].some((p) => d.startsWith(`${p}.`) || d.startsWith(`${p}:`)));
      assert.deepEqual(mine, []);
      assert.ok(ours.schemas.get(nsOf(q))?.types.has(name), `${q} is declared`);
    });
  }
});

function nsOf(q: string): string {
  return q.slice(1, q.indexOf('}'));
}

describe('each operation alone: a one-operation WSDL matches the official and is self-contained', () => {
  for (const op of ALL_OPERATIONS) {
    it(op, () => {
      const model = serve([op]);
      assert.deepEqual(operationsOf(model), [op]);
      assert.deepEqual(bindingOperationsOf(model), [op]);
      assert.deepEqual(compareWsdl(official, model), []);
      assert.deepEqual(referenceProblems(model), []);
    });
  }
});

describe('a subset of operations', () => {
  const subset: OperationName[] = ['FindAccounts', 'GetUser'];
  const model = serve(subset);

  it('declares exactly those operations, their messages and their wrapper elements', () => {
    assert.deepEqual(operationsOf(model), subset);
    assert.deepEqual(bindingOperationsOf(model), subset);
    const messages = subset.flatMap((op) => [
      `${op}Request`, `${op}Request_Headers`, `${op}Response`, `${op}Response_Headers`,
      `ICustomerManagementService_${op}_AdApiFaultDetailFault_FaultMessage`, `ICustomerManagementService_${op}_ApiFault_FaultMessage`,
    ].map((m) => clark(NS.msg, m)));
    assert.deepEqual([...model.messages.keys()], messages);
    const headers = ['ApplicationToken', 'AuthenticationToken', 'DeveloperToken', 'Password', 'UserName', 'TrackingId', 'ApiFault'];
    assert.deepEqual(namesIn(model, NS.msg, 'elements').sort(),
      [...subset.flatMap((op) => [`${op}Request`, `${op}Response`]), ...headers].sort());
  });

  it('is self-contained', () => {
    assert.deepEqual(referenceProblems(model), []);
  });

  it('declares only reachable types (plus the fault types), each as the official does', () => {
    const declared = typeNamespaces.filter((ns) => ns !== NS.ser).flatMap((ns) => namesIn(model, ns, 'types'));
    assert.deepEqual(declared.sort(), [...reachableTypes(subset)].sort());
    assert.ok(declared.includes('User') && declared.includes('AccountInfo') && declared.includes('AdApiFaultDetail'));
    assert.ok(!declared.includes('AdvertiserAccount') && !declared.includes('ClientLink'));
    assert.deepEqual(compareWsdl(official, model), []);
  });

  it('does not depend on the order or repetition of the operations given', () => {
    const a = writeWsdl({ operations: ['GetUser', 'FindAccounts', 'GetUser'], address: ADDRESS });
    assert.equal(a, writeWsdl({ operations: subset, address: ADDRESS }));
  });

  it('with no operations is still a valid, self-contained document', () => {
    const empty = serve([]);
    assert.deepEqual(operationsOf(empty), []);
    assert.deepEqual(referenceProblems(empty), []);
    assert.deepEqual(compareWsdl(official, empty), []);
  });

  it('refuses an unknown operation name', () => {
    assert.throws(() => writeWsdl({ operations: ['NoSuchOperation' as OperationName], address: ADDRESS }), /NoSuchOperation/);
  });
});

describe('service address', () => {
  it('is XML-escaped', () => {
    const address = `http://h:8080/a.svc?x=1&y="2"&z='<3>'`;
    const text = writeWsdl({ operations: ['GetUser'], address });
    assert.ok(text.includes('x=1&amp;y=&quot;2&quot;&amp;z=&apos;&lt;3&gt;&apos;'));
    assert.deepEqual(addressOf(wsdlModel(parseXml(text))), [address]);
  });

  it('changes with each call while the rest of the (cached) document stays the same', () => {
    const a = writeWsdl({ operations: ['GetUser'], address: 'http://a/s.svc' });
    const b = writeWsdl({ operations: ['GetUser'], address: 'http://b/s.svc' });
    assert.notEqual(a, b);
    assert.equal(a.replace('http://a/s.svc', 'http://b/s.svc'), b);
  });
});

describe('the comparison can fail', () => {
  const XSD = XS;
  /** The <xs:sequence> of a named complexType in a (copied) official tree. */
  function sequenceOf(tree: XmlElement, ns: string, typeName: string): XmlElement {
    const schema = children(child(tree, 'http://schemas.xmlsoap.org/wsdl/', 'types')!, XSD, 'schema')
      .find((s) => s.attributes.get('targetNamespace') === ns)!;
    const type = children(schema, XSD, 'complexType').find((t) => t.attributes.get('name') === typeName)!;
    return child(type, XSD, 'sequence')!;
  }

  it('reports a swapped field order in a copy of the parsed official tree', () => {
    const copy = cloneTree(officialTree);
    const seq = sequenceOf(copy, NS.ent, 'AdvertiserAccount');
    const [first, second] = seq.children;
    seq.children.splice(0, 2, second!, first!);
    const diffs = compareWsdl(official, wsdlModel(copy));
    assert.equal(diffs.length, 1, diffs.join('\n'));
    assert.match(diffs[0]!, /AdvertiserAccount.*order differ/);
    assert.deepEqual(compareWsdl(official, wsdlModel(officialTree)), [], 'the original tree is untouched');
  });

  it('reports a changed nillable, minOccurs, type or EmitDefaultValue', () => {
    const copy = cloneTree(officialTree);
    const seq = sequenceOf(copy, NS.ent, 'AdvertiserAccount');
    const byName = (n: string) => seq.children.find((c) => c.attributes.get('name') === n)!;
    byName('Id').attributes.delete('nillable');
    byName('Name').attributes.set('minOccurs', '1');
    byName('Number').attributes.set('type', 'xs:int');
    const taxCertificate = byName('TaxCertificate');
    taxCertificate.children.splice(0, taxCertificate.children.length);
    const diffs = compareWsdl(official, wsdlModel(copy)).join('\n');
    for (const what of ['[Id].nillable', '[Name].minOccurs', '[Number].type', '[TaxCertificate].emitDefaultValue']) {
      assert.ok(diffs.includes(what), `${what} in:\n${diffs}`);
    }
  });

  it('reports a missing enumeration value and a dangling type reference', () => {
    const copy = cloneTree(officialTree);
    const entSchema = children(child(copy, 'http://schemas.xmlsoap.org/wsdl/', 'types')!, XSD, 'schema')
      .find((s) => s.attributes.get('targetNamespace') === NS.ent)!;
    const sortOrder = children(entSchema, XSD, 'simpleType').find((t) => t.attributes.get('name') === 'SortOrder')!;
    child(sortOrder, XSD, 'restriction')!.children.pop();
    const index = entSchema.children.findIndex((c) => c.local === 'complexType' && c.attributes.get('name') === 'Paging');
    entSchema.children.splice(index, 1);
    const model = wsdlModel(copy);
    assert.ok(compareWsdl(official, model).some((d) => d.includes('SortOrder') && d.includes('values')));
    assert.ok(referenceProblems(model).some((d) => d.includes('Paging')));
  });
});
