// Assertions on raw SOAP responses, as the documentation shapes them: the response element in the
// CM namespace, faults of one kind with their codes, the TrackingId header, nils and namespaces.
import assert from 'node:assert/strict';
import type { XmlElement } from '../../src/codec/xml-tree.js';
import { ADAPI, CM, XSI, faultCodes, find, findAll, type SoapResult } from './clients.js';

export type { XmlElement };
export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const NIL = `{${XSI}}nil`;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** WCF's UTC dateTime: seven fractional digits and a Z. */
export const WCF_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

export function childEl(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}
export function must(el: XmlElement | undefined, what: string): XmlElement {
  assert.ok(el, `missing element ${what}`);
  return el;
}
/** A child's text, or null when it is i:nil="true". */
export function value(el: XmlElement, local: string): string | null {
  const c = must(childEl(el, local), local);
  if (c.attributes.get(NIL) === 'true') return null;
  return c.text;
}

export function expectOk(r: SoapResult, operation: string): XmlElement {
  assert.equal(r.status, 200, r.text);
  assert.equal(find(r.root, 'Fault', SOAP_ENV), undefined, r.text);
  const body = must(find(r.root, 'Body', SOAP_ENV), 'Body');
  const response = must(body.children[0], `${operation}Response`);
  assert.equal(response.uri, CM);
  assert.equal(response.local, `${operation}Response`);
  return response;
}

/** Asserts a SOAP fault of one kind carrying exactly one error with this code; returns its details text. */
export function expectFault(r: SoapResult, code: number, kind: 'AdApiFaultDetail' | 'ApiFault'): string | null {
  assert.equal(r.status, 500, r.text);
  const fault = must(find(r.root, 'Fault', SOAP_ENV), `Fault in ${r.text}`);
  const detail = kind === 'AdApiFaultDetail' ? find(fault, 'AdApiFaultDetail', ADAPI) : find(fault, 'ApiFault', CM);
  assert.ok(detail, `expected ${kind} in ${r.text}`);
  assert.deepEqual(faultCodes(r), [code], r.text);
  const entry = must(findAll(detail, kind === 'AdApiFaultDetail' ? 'AdApiError' : 'OperationError')[0], 'error entry');
  return value(entry, kind === 'AdApiFaultDetail' ? 'Detail' : 'Details');
}

export function assertTrackingId(r: SoapResult): void {
  const header = must(find(r.root, 'Header', SOAP_ENV), 'Header');
  const tracking = must(find(header, 'TrackingId', CM), 'TrackingId');
  assert.match(tracking.text, GUID);
  assert.equal(r.headers.get('TrackingId'), tracking.text);
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function timeStampVersion(base64: string): bigint {
  const bytes = Buffer.from(base64, 'base64');
  assert.equal(bytes.length, 8, 'TimeStamp is an 8-byte row version');
  return bytes.readBigUInt64BE(0);
}


export function assertNilsAndNamespaces(el: XmlElement, ns: string): void {
  for (const c of el.children) {
    assert.equal(c.uri, ns, `${c.local} namespace`);
    const nil = c.attributes.get(NIL);
    if (nil !== undefined) {
      assert.equal(nil, 'true', `${c.local} nil attribute`);
      assert.equal(c.children.length, 0, `${c.local} is nil and has children`);
      assert.equal(c.text, '', `${c.local} is nil and has text`);
    } else {
      assert.ok(c.children.length > 0 || c.text !== '', `${c.local} is empty but not i:nil="true"`);
    }
  }
}

