// Conformance of the running server with the official contract: each of the official WSDL's 39
// operations is served over SOAP and over REST at its documented method and path (answered by the
// operation, not with OperationNotSupported / 501 / 404), the served WSDL declares exactly the
// official operations and types, and the served OpenAPI document covers the same operations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NS } from '../../src/contract/model.js';
import type { OperationName } from '../../src/contract/values.js';
import { operationDef } from '../../src/contract/lookup.js';
import { faultCodes, rest, soap } from '../support/clients.js';
import { readOfficialWsdl } from '../support/official-wsdl.js';
import { SANDBOX_DEVELOPER_TOKEN, startServer, type RunningServer } from '../support/server.js';
import { compareWsdl } from '../support/wsdl-compare.js';
import { wsdlModel, type WsdlModel } from '../support/wsdl-model.js';
import { clark, parseXml } from '../support/xml-tree.js';

const official = wsdlModel(parseXml(readOfficialWsdl()));
const PORT_TYPE = clark(NS.msg, 'ICustomerManagementService');
const operationsOf = (m: WsdlModel): string[] => [...(m.portTypes.get(PORT_TYPE)?.keys() ?? [])];
const OFFICIAL_OPERATIONS = operationsOf(official) as OperationName[];

/** How each face answers one operation: served (the operation ran, fault or not) or not. */
interface Probe { op: OperationName; soapServed: boolean; restServed: boolean; detail: string }

async function probe(server: RunningServer, token: string, op: OperationName): Promise<Probe> {
  const creds = { token, developerToken: SANDBOX_DEVELOPER_TOKEN };
  const s = await soap(server.soapUrl, op, '', creds);
  const { method, path } = operationDef(op);
  const r = await rest(server.url, method, path, {}, creds);
  const restCodes = ((r.body.OperationErrors ?? r.body.Errors ?? []) as Array<{ Code: number }>).map((e) => e.Code);
  return {
    op,
    soapServed: !faultCodes(s).includes(204) && s.status !== 404,
    restServed: r.status !== 501 && r.status !== 404 && !restCodes.includes(204),
    detail: `SOAP ${s.status} ${faultCodes(s).join(',')}; REST ${method} ${path} ${r.status} ${restCodes.join(',')}`,
  };
}

describe('served contract against the official WSDL', () => {
  let server: RunningServer;
  let probes: Probe[];
  let served: WsdlModel;

  before(async () => {
    server = await startServer();
    const token = await server.token();
    probes = [];
    for (const op of OFFICIAL_OPERATIONS) probes.push(await probe(server, token, op));
    served = wsdlModel(parseXml(await (await fetch(`${server.soapUrl}?wsdl`)).text()));
  });
  after(async () => {
    await server?.stop();
  });

  it('the official WSDL has the 39 operations the contract describes', () => {
    assert.equal(OFFICIAL_OPERATIONS.length, 39);
  });

  it('every official operation is served over SOAP and REST at its documented method and path', () => {
    const missing = probes.filter((p) => !p.soapServed || !p.restServed).map((p) => `${p.op} (${p.detail})`);
    assert.deepEqual(missing, [], `not served:\n${missing.join('\n')}`);
  });

  it('the served WSDL declares exactly the official operations, in order, and every type as the official does', () => {
    assert.deepEqual(operationsOf(served), OFFICIAL_OPERATIONS, `missing: ${OFFICIAL_OPERATIONS.filter((o) => !operationsOf(served).includes(o)).join(', ')}`);
    assert.deepEqual(compareWsdl(official, served), []);
  });

  it('the served OpenAPI document covers every official operation', async () => {
    const doc = await (await fetch(`${server.url}/CustomerManagement/v13/openapi.json`)).json() as { paths: Record<string, Record<string, { operationId: string }>> };
    const ops = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
    assert.deepEqual(OFFICIAL_OPERATIONS.filter((o) => !ops.includes(o)), []);
  });
});
