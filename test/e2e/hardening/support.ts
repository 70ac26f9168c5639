// What the hardening tests share: the client helpers they use and raw-socket HTTP for the
// requests fetch cannot send (control characters in headers, slow bodies).
import { connect, type Socket } from 'node:net';
import { parseXml, type XmlElement } from '../../../src/codec/xml-tree.js';

export { CM, ENT, XSI, find, findAll, type SoapCredentials } from '../../support/clients.js';

export function parseSoapText(text: string): XmlElement {
  return parseXml(text);
}

export interface RawConnection {
  readonly socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves when the server has closed the connection, with the time it took from opening. */
  readonly closed: Promise<number>;
}

/** A TCP connection to the server at `url` (only ever 127.0.0.1), sending `first` when open. */
export async function openRaw(url: string, first: string | Uint8Array = ''): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  const socket = connect({ host: hostname, port: Number(port) });
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', () => { /* a reset is one way of being cut */ });
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  if (first.length > 0) socket.write(first);
  return { socket, received: () => Buffer.concat(chunks).toString('utf8'), closed };
}

/** Status line, headers and body of a raw HTTP/1.1 response. */
export function splitResponse(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4) };
}
