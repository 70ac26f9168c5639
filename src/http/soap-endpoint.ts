// SOAP 1.1 at /Api/CustomerManagement/v13/CustomerManagementService.svc, plus ?wsdl/?singleWsdl.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readEnvelope, readRequest } from '../codec/soap-reader.js';
import { soapFault, writeFault, writeResponse } from '../codec/soap-writer.js';
import { writeWsdl } from '../codec/wsdl.js';
import { XmlRefused } from '../codec/xml-tree.js';
import { implementedOperations } from '../domain/operations.js';
import { invoke, type ApiRuntime } from './invoke.js';
import { requestOrigin } from './request-origin.js';
import { asApiError } from './errors.js';

export const SOAP_PATH = '/Api/CustomerManagement/v13/CustomerManagementService.svc';
const XML = 'text/xml; charset=utf-8';
const ADDRESSING_NONE = 'http://schemas.microsoft.com/ws/2005/05/addressing/none';

export function registerSoap(app: FastifyInstance, runtime: ApiRuntime): void {
  app.get(SOAP_PATH, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    if (!('wsdl' in query) && !('singleWsdl' in query) && !('singlewsdl' in query)) {
      return reply.type('text/plain; charset=utf-8').send('CustomerManagementService: append ?wsdl to this address for the service description.\n');
    }
    const address = `${requestOrigin(req)}${SOAP_PATH}`;
    return reply.type(XML).send(writeWsdl({ operations: implementedOperations, address }));
  });

  app.post(SOAP_PATH, async (req, reply) => handleSoap(runtime, req, reply));
}

async function handleSoap(runtime: ApiRuntime, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const trackingId = req.id;
  reply.header('TrackingId', trackingId).type(XML);
  try {
    const envelope = readEnvelope(String(req.body ?? ''), headerText(req.headers.soapaction));
    const { operation } = envelope;
    if (!operation) {
      // What WCF answers for an action no operation of the contract has.
      const reason = `The message with Action '${envelope.requestedAction}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher. This may be because of either a contract mismatch (mismatched Actions between sender and receiver) or a binding/security mismatch between the sender and the receiver.  Check that sender and receiver have the same contract and the same binding (including security requirements, e.g. Message, Transport, None).`;
      return reply.code(500).send(soapFault('a:ActionNotSupported', reason, '', { prefix: 'a', uri: ADDRESSING_NONE }));
    }
    const h = envelope.headers;
    const response = await invoke(runtime, operation, {
      authenticationToken: h.AuthenticationToken, developerToken: h.DeveloperToken, userName: h.UserName, password: h.Password,
    }, () => readRequest(operation, envelope.body), requestOrigin(req));
    return reply.code(200).send(writeResponse(operation, trackingId, response));
  } catch (err) {
    const error = err instanceof XmlRefused ? asApiError(err, req, 'NullRequest') : asApiError(err, req);
    // SOAP 1.1: every fault is HTTP 500 — except a body over the size limit, which never got here.
    return reply.code(500).send(writeFault(error, trackingId));
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
