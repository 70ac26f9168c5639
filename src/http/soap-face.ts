// The SOAP face: SOAP 1.1 at /Api/CustomerManagement/v13/CustomerManagementService.svc, plus
// ?wsdl/?singleWsdl. A fastify plugin with its own context: its error handler answers in SOAP
// faults whatever went wrong before the operation ran, and its not-found handler covers its prefix.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readEnvelope, readRequest } from '../codec/soap-reader.js';
import { soapFault, writeFault, writeResponse } from '../codec/soap-writer.js';
import { writeWsdl } from '../codec/wsdl.js';
import { XmlRefused } from '../codec/xml-tree.js';
import { BodyNotUtf8, requestText } from '../codec/request-text.js';
import { implementedOperations } from '../domain/operations.js';
import { invoke, type ApiRuntime } from './invoke.js';
import { requestOrigin } from './request-origin.js';
import { asApiError, frameworkFault } from './api-errors.js';
import { noOperation } from './no-operation.js';
import { callNote, recordCalls } from './inspect/record-calls.js';

export const SOAP_PREFIX = '/Api/CustomerManagement/v13';
const SERVICE = '/CustomerManagementService.svc';
export const SOAP_PATH = `${SOAP_PREFIX}${SERVICE}`;
const XML = 'text/xml; charset=utf-8';
const ADDRESSING_NONE = 'http://schemas.microsoft.com/ws/2005/05/addressing/none';

/** Register with `app.register(soapFace, runtime)`; the plugin sets its own prefix. */
export async function soapFace(app: FastifyInstance, runtime: ApiRuntime): Promise<void> {
  await app.register(async (face) => serveSoap(face, runtime), { prefix: SOAP_PREFIX });
}

async function serveSoap(app: FastifyInstance, runtime: ApiRuntime): Promise<void> {
  // Errors raised before the handler ran (body too large, unreadable body) become the service's fault.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { error, status } = frameworkFault(err, req);
    // SOAP 1.1 would say 500 for every fault; a body over the limit keeps its 413 all the same.
    return reply.header('TrackingId', req.id).code(status).type(XML).send(writeFault(error, req.id));
  });
  app.setNotFoundHandler(noOperation);
  recordCalls(app, runtime.requestLog, 'soap');
  // Bytes, not text: the body is decoded strictly as UTF-8 in the handler (codec/request-text).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  // Exactly the service path: no trailing-slash twin.
  app.get(SERVICE, { prefixTrailingSlash: 'no-slash' }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    if (!('wsdl' in query) && !('singleWsdl' in query) && !('singlewsdl' in query)) {
      return reply.type('text/plain; charset=utf-8').send('CustomerManagementService: append ?wsdl to this address for the service description.\n');
    }
    const address = `${requestOrigin(req)}${SOAP_PATH}`;
    return reply.type(XML).send(writeWsdl({ operations: implementedOperations, address }));
  });

  app.post(SERVICE, { prefixTrailingSlash: 'no-slash', config: { soap: true } }, async (req, reply) => handleSoap(runtime, req, reply));
}

async function handleSoap(runtime: ApiRuntime, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const trackingId = req.id;
  reply.header('TrackingId', trackingId).type(XML);
  try {
    const envelope = readEnvelope(requestText(req.body), headerText(req.headers.soapaction));
    const { operation } = envelope;
    if (!operation) {
      // What WCF answers for an action no operation of the contract has.
      const reason = `The message with Action '${envelope.requestedAction}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher. This may be because of either a contract mismatch (mismatched Actions between sender and receiver) or a binding/security mismatch between the sender and the receiver.  Check that sender and receiver have the same contract and the same binding (including security requirements, e.g. Message, Transport, None).`;
      return reply.code(500).send(soapFault('a:ActionNotSupported', reason, '', { prefix: 'a', uri: ADDRESSING_NONE }));
    }
    const h = envelope.headers;
    const note = callNote(req);
    note.operation = operation;
    const response = await invoke(runtime, operation, {
      authenticationToken: h.AuthenticationToken, developerToken: h.DeveloperToken, userName: h.UserName, password: h.Password,
    }, () => readRequest(operation, envelope.body), requestOrigin(req), note);
    return reply.code(200).send(writeResponse(operation, trackingId, response));
  } catch (err) {
    const error = err instanceof XmlRefused || err instanceof BodyNotUtf8 ? asApiError(err, req, 'NullRequest') : asApiError(err, req);
    // SOAP 1.1: every fault is HTTP 500 — except a body over the size limit, which never got here.
    return reply.code(500).send(writeFault(error, trackingId));
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
