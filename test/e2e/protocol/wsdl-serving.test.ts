// The served WSDL (reference §7): ?wsdl and ?singleWsdl, soap:address the URL the client used, the
// implemented operations declared.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../../support/server.js';
import { parseXml as parseScoped } from '../../support/xml-tree.js';
import { implementedOperations } from '../../../src/domain/operations.js';
import {
  useSoapProtocolWorld,
} from '../../support/soap-protocol-world.js';

const world = useSoapProtocolWorld();
let server: RunningServer;
before(async () => { await world.started(); ({ server } = world); });

describe('served WSDL (reference §7)', () => {
  async function wsdlAddress(url: string): Promise<{ status: number; location: string | undefined; ops: string[] }> {
    const res = await fetch(url);
    const text = await res.text();
    const doc = parseScoped(text);
    const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
    const service = doc.children.find((c) => c.uri === WSDL && c.local === 'service');
    const port = service?.children.find((c) => c.local === 'port');
    const address = port?.children.find((c) => c.local === 'address' && c.uri === 'http://schemas.xmlsoap.org/wsdl/soap/');
    const portType = doc.children.find((c) => c.uri === WSDL && c.local === 'portType');
    return { status: res.status, location: address?.attributes.get('location'), ops: (portType?.children ?? []).map((o) => o.attributes.get('name') ?? '') };
  }

  for (const suffix of ['?wsdl', '?singleWsdl']) {
    it(`${suffix}: soap:address is the URL the client used (127.0.0.1 and localhost)`, async () => {
      const port = new URL(server.url).port;
      const path = new URL(server.soapUrl).pathname;
      for (const host of ['127.0.0.1', 'localhost']) {
        const base = `http://${host}:${port}${path}`;
        const { status, location, ops } = await wsdlAddress(`${base}${suffix}`);
        assert.equal(status, 200);
        assert.equal(location, base);
        assert.deepEqual([...ops].sort(), [...implementedOperations].sort(), 'the WSDL declares the implemented operations');
      }
    });
  }
});
