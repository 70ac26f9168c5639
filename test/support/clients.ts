// Minimal SOAP and REST clients for the end-to-end tests: raw HTTP (fetch), so every test sees
// exactly what a real client would.
import { parseXml, type XmlElement } from '../../src/codec/xml-tree.js';

export const CM = 'https://bingads.microsoft.com/Customer/v13';
export const ENT = 'https://bingads.microsoft.com/Customer/v13/Entities';
export const ADAPI = 'https://adapi.microsoft.com';
export const EXC = 'https://bingads.microsoft.com/Customer/v13/Exception';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface SoapResult {
  status: number;
  text: string;
  headers: Headers;
  root: XmlElement;
}

export interface SoapCredentials {
  token?: string | undefined;
  developerToken?: string | undefined;
}

/** Builds an envelope as the documentation's request templates do (prefix s:, headers in the CM namespace). */
export function envelope(operation: string, bodyInner: string, creds: SoapCredentials, extraHeaders = ''): string {
  const h = [
    `<Action mustUnderstand="1">${operation}</Action>`,
    creds.token !== undefined ? `<AuthenticationToken i:nil="false">${creds.token}</AuthenticationToken>` : '',
    creds.developerToken !== undefined ? `<DeveloperToken i:nil="false">${creds.developerToken}</DeveloperToken>` : '',
    extraHeaders,
  ].join('');
  return `<s:Envelope xmlns:i="${XSI}" xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">`
    + `<s:Header xmlns="${CM}">${h}</s:Header>`
    + `<s:Body><${operation}Request xmlns="${CM}" xmlns:e="${ENT}">${bodyInner}</${operation}Request></s:Body></s:Envelope>`;
}

export async function postSoap(soapUrl: string, xml: string, soapAction?: string): Promise<SoapResult> {
  const res = await fetch(soapUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', ...(soapAction !== undefined ? { SOAPAction: `"${soapAction}"` } : {}) },
    body: xml,
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, root: parseXml(text) };
}

export async function soap(soapUrl: string, operation: string, bodyInner: string, creds: SoapCredentials): Promise<SoapResult> {
  return postSoap(soapUrl, envelope(operation, bodyInner, creds), operation);
}

/** Depth-first search by local name (and namespace when given). */
export function find(root: XmlElement, local: string, uri?: string): XmlElement | undefined {
  if (root.local === local && (uri === undefined || root.uri === uri)) return root;
  for (const child of root.children) {
    const hit = find(child, local, uri);
    if (hit) return hit;
  }
  return undefined;
}
export function findAll(root: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  if (root.local === local) out.push(root);
  for (const child of root.children) findAll(child, local, out);
  return out;
}
export function text(root: XmlElement, local: string): string | undefined {
  return find(root, local)?.text;
}

/** The fault's codes, whichever of the two detail shapes carries them. */
export function faultCodes(result: SoapResult): number[] {
  return findAll(result.root, 'Code').map((c) => Number(c.text));
}

export interface RestResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export async function rest(
  baseUrl: string, method: string, path: string, body: unknown,
  creds: SoapCredentials & { headers?: Record<string, string> } = {},
): Promise<RestResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(creds.headers ?? {}) };
  if (creds.token !== undefined) headers.Authorization = `Bearer ${creds.token}`;
  if (creds.developerToken !== undefined) headers.DeveloperToken = creds.developerToken;
  const res = await fetch(`${baseUrl}${path}`, {
    method, headers, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try { parsed = JSON.parse(text) as Record<string, unknown>; } catch { /* not JSON: tests look at text */ }
  return { status: res.status, headers: res.headers, body: parsed, text };
}
