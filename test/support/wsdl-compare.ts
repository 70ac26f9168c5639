// Structural comparison of two normalised WSDL documents. `compareWsdl` checks that everything
// the candidate declares is declared identically in the reference (the candidate may declare
// less: a server publishes only the operations it serves). `referenceProblems` checks that a
// document is self-contained. Both return readable differences; an empty list means "same".
import { clark } from './xml-tree.js';
import { XS, type SchemaModel, type TypeModel, type WsdlModel } from './wsdl-model.js';

const named = (v: unknown): v is { name: string } =>
  typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';

/** Deep comparison of plain data; sequences of named items report their name order first. */
function diff(path: string, official: unknown, ours: unknown, out: string[]): void {
  if (Array.isArray(official) && Array.isArray(ours)) {
    if (official.every(named) && ours.every(named)) {
      const a = official.map((x) => x.name);
      const b = ours.map((x) => x.name);
      if (a.join('\u0000') !== b.join('\u0000')) {
        out.push(`${path}: names/order differ: official [${a.join(', ')}], ours [${b.join(', ')}]`);
        return;
      }
    }
    if (official.length !== ours.length) {
      out.push(`${path}: official has ${official.length} items, ours ${ours.length}: official ${JSON.stringify(official)}, ours ${JSON.stringify(ours)}`);
      return;
    }
    official.forEach((item, i) => diff(`${path}[${named(item) ? item.name : i}]`, item, ours[i], out));
    return;
  }
  if (official instanceof Map && ours instanceof Map) {
    diff(path, Object.fromEntries(official), Object.fromEntries(ours), out);
    return;
  }
  if (typeof official === 'object' && official !== null && typeof ours === 'object' && ours !== null
    && !Array.isArray(official) && !Array.isArray(ours)) {
    const a = official as Record<string, unknown>;
    const b = ours as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diff(`${path}.${key}`, a[key], b[key], out);
    return;
  }
  if (official !== ours) out.push(`${path}: official ${JSON.stringify(official)}, ours ${JSON.stringify(ours)}`);
}

function compareSchema(ns: string, official: SchemaModel | undefined, ours: SchemaModel, out: string[]): void {
  if (!official) {
    out.push(`schema ${ns}: not in the official document`);
    return;
  }
  for (const imp of ours.imports) {
    if (!official.imports.includes(imp)) out.push(`schema ${ns}: imports ${imp}, the official one does not`);
  }
  for (const [name, type] of ours.types) {
    const o = official.types.get(name);
    if (o) diff(`type ${clark(ns, name)}`, o, type, out);
    else out.push(`type ${clark(ns, name)}: not in the official document`);
  }
  for (const [name, el] of ours.elements) {
    const o = official.elements.get(name);
    if (o) diff(`element ${clark(ns, name)}`, o, el, out);
    else out.push(`element ${clark(ns, name)}: not in the official document`);
  }
  for (const other of ours.others) {
    if (!official.others.includes(other)) out.push(`schema ${ns}: ${other} is not in the official document`);
  }
}

/** Everything `ours` declares, compared with its namesake in `official`. Service addresses excluded. */
export function compareWsdl(official: WsdlModel, ours: WsdlModel): string[] {
  const out: string[] = [];
  diff('definitions', { name: official.name, targetNamespace: official.targetNamespace },
    { name: ours.name, targetNamespace: ours.targetNamespace }, out);
  for (const [ns, s] of ours.schemas) compareSchema(ns, official.schemas.get(ns), s, out);
  const each = <T>(kind: string, a: Map<string, T>, b: Map<string, T>, compare: (key: string, x: T, y: T) => void): void => {
    for (const [key, value] of b) {
      const o = a.get(key);
      if (o === undefined) out.push(`${kind} ${key}: not in the official document`);
      else compare(key, o, value);
    }
  };
  each('message', official.messages, ours.messages, (k, a, b) => diff(`message ${k}`, a, b, out));
  each('portType', official.portTypes, ours.portTypes, (k, a, b) =>
    each(`portType ${k} operation`, a, b, (op, x, y) => diff(`portType ${k} operation ${op}`, x, y, out)));
  each('binding', official.bindings, ours.bindings, (k, a, b) => {
    diff(`binding ${k}`, { type: a.type, transport: a.transport, style: a.style }, { type: b.type, transport: b.transport, style: b.style }, out);
    each(`binding ${k} operation`, a.operations, b.operations, (op, x, y) => diff(`binding ${k} operation ${op}`, x, y, out));
  });
  each('service', official.services, ours.services, (k, a, b) => {
    const strip = (ports: typeof a) => ports.map((p) => ({ name: p.name, binding: p.binding }));
    diff(`service ${k}`, strip(a), strip(b), out);
  });
  return out;
}

function typeRefs(type: TypeModel): string[] {
  switch (type.kind) {
    case 'complex': return [...(type.base ? [type.base] : []), ...type.fields.map((f) => f.type)];
    case 'enum': return [type.base];
    case 'list': return [type.itemType, type.itemBase].filter((x): x is string => x !== null);
  }
}

const nsOf = (qname: string): string => qname.slice(1, qname.indexOf('}'));

/** Every QName the document uses resolves to something it declares (or to an XML Schema built-in). */
export function referenceProblems(model: WsdlModel): string[] {
  const out: string[] = [];
  const declaredTypes = new Set<string>();
  const declaredElements = new Set<string>();
  for (const [ns, s] of model.schemas) {
    for (const name of s.types.keys()) declaredTypes.add(clark(ns, name));
    for (const name of s.elements.keys()) declaredElements.add(clark(ns, name));
  }
  for (const [ns, s] of model.schemas) {
    const refs = [
      ...[...s.types.values()].flatMap(typeRefs),
      ...[...s.elements.values()].flatMap((e) => [...(e.type ? [e.type] : []), ...(e.fields ?? []).map((f) => f.type)]),
    ];
    for (const ref of refs) {
      const refNs = nsOf(ref);
      if (refNs === XS) continue;
      if (!declaredTypes.has(ref)) out.push(`schema ${ns}: type ${ref} is not declared`);
      if (refNs !== ns && !s.imports.includes(refNs)) out.push(`schema ${ns}: uses ${refNs} without importing it`);
    }
  }
  for (const [name, parts] of model.messages) {
    for (const p of parts) {
      if (p.element === null || !declaredElements.has(p.element)) out.push(`message ${name} part ${p.name}: element ${p.element} is not declared`);
    }
  }
  for (const [name, ops] of model.portTypes) {
    for (const [op, def] of ops) {
      for (const io of [def.input, def.output, ...def.faults]) {
        if (!model.messages.has(io.message)) out.push(`portType ${name} operation ${op}: message ${io.message} is not declared`);
      }
    }
  }
  for (const [name, b] of model.bindings) {
    const portType = model.portTypes.get(b.type);
    if (!portType) out.push(`binding ${name}: portType ${b.type} is not declared`);
    for (const [op, def] of b.operations) {
      if (portType && !portType.has(op)) out.push(`binding ${name}: operation ${op} is not in the portType`);
      for (const h of [...def.input.headers, ...def.output.headers]) {
        if (!model.messages.get(h.message)?.some((p) => p.name === h.part)) out.push(`binding ${name} operation ${op}: header ${h.message}/${h.part} is not declared`);
      }
    }
  }
  for (const [name, ports] of model.services) {
    for (const p of ports) if (!model.bindings.has(p.binding)) out.push(`service ${name} port ${p.name}: binding ${p.binding} is not declared`);
  }
  return out;
}
