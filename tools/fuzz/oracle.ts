// What a fuzz answer must look like: a 5xx only as a well-formed fault of its face, never an
// InternalError, never a stack trace or a file path, never 200 to a request invalid by construction.
import { parseXml, type XmlElement } from '../../src/codec/xml-tree.js';
import type { Face } from './mutations.js';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const FAULT_TYPES = new Set(['AdApiFaultDetail', 'ApiFault']);

function child(el: XmlElement | undefined, local: string, uri?: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local && (uri === undefined || c.uri === uri));
}

/** A SOAP 1.1 Fault envelope with faultcode and faultstring (and, when there is a detail, one of the two fault shapes). */
export function isSoapFault(text: string): boolean {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch {
    return false;
  }
  if (root.local !== 'Envelope' || root.uri !== SOAP_ENV) return false;
  const fault = child(child(root, 'Body', SOAP_ENV), 'Fault', SOAP_ENV);
  if (!fault || !child(fault, 'faultcode') || !child(fault, 'faultstring')) return false;
  const detail = child(fault, 'detail');
  return !detail || detail.children.some((c) => FAULT_TYPES.has(c.local));
}

/** The REST fault object: `Type` AdApiFaultDetail (Errors) or ApiFault (OperationErrors). */
export function isRestFault(text: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  if (b.Type === 'AdApiFaultDetail') return Array.isArray(b.Errors);
  if (b.Type === 'ApiFault') return Array.isArray(b.OperationErrors);
  return false;
}

/** The fault codes in an answer of either face (empty when it is not a fault). */
export function faultCodes(face: Face, text: string): number[] {
  if (face === 'rest') {
    try {
      const b = JSON.parse(text) as { Errors?: Array<{ Code: number }>; OperationErrors?: Array<{ Code: number }> };
      return [...(b.Errors ?? []), ...(b.OperationErrors ?? [])].map((e) => e.Code);
    } catch {
      return [];
    }
  }
  return [...text.matchAll(/<(?:\w+:)?Code>(-?\d+)<\/(?:\w+:)?Code>/g)].map((m) => Number(m[1]));
}

/** A stack frame, a node internal, or a path of this machine in an answer. */
export function leaks(text: string, root: string): boolean {
  return text.includes(root)
    || /\bat (?:async )?[\w.<>$]+ \(|node:internal|\/node_modules\/|file:\/\/|[\w-]+\.(?:js|ts|mjs):\d+:\d+|\/(?:home|usr|tmp|work|var)\/[\w.-]+\//.test(text);
}
