// The one "call an operation over REST and over SOAP" helper: the same operation, by its contract
// name, at its documented REST method and path and as a SOAP request, with the sandbox developer
// token. Tests assert each documented rule on both faces through it.
import { operationDef } from '../../src/contract/lookup.js';
import type { OperationName } from '../../src/contract/values.js';
import { encodeTimeStamp } from '../../src/domain/timestamps.js';
import { faultCodes, rest, soap, type RestResult, type SoapResult } from './clients.js';
import { SANDBOX_DEVELOPER_TOKEN, type RunningServer } from './server.js';

export const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
export type { OperationName };

export interface Faces {
  /** REST call at the operation's documented method and path. */
  rest(op: OperationName, body: unknown, token: string): Promise<RestResult>;
  /** SOAP call; `inner` is the request element's content (CM namespace default, prefix e: for entities). */
  soap(op: OperationName, inner: string, token: string): Promise<SoapResult>;
}

export function faces(server: RunningServer): Faces {
  return {
    rest: (op, body, token) => {
      const { method, path } = operationDef(op);
      return rest(server.url, method, path, body, { token, developerToken: SANDBOX_DEVELOPER_TOKEN });
    },
    soap: (op, inner, token) => soap(server.soapUrl, op, inner, { token, developerToken: SANDBOX_DEVELOPER_TOKEN }),
  };
}

/** The codes of a REST fault, whichever shape carries them. */
export function restCodes(result: RestResult): number[] {
  const list = (result.body.OperationErrors ?? result.body.Errors ?? []) as Array<{ Code: number }>;
  return list.map((e) => e.Code);
}

export { faultCodes };

/** The TimeStamp of a stored record (user, customer, account …) as REST and SOAP carry it: base64 of the row version. */
export function timeStampOf(record: { version: bigint }): string {
  return Buffer.from(encodeTimeStamp(record.version)).toString('base64');
}

/** `<name><a:long>…</a:long>…</name>` (an ArrayOflong in SOAP). */
export function longs(name: string, ids: readonly bigint[]): string {
  return `<${name} xmlns:a="${ARRAYS}">${ids.map((id) => `<a:long>${id}</a:long>`).join('')}</${name}>`;
}

/** `<e:Predicate>` list for SOAP. */
export function predicates(list: ReadonlyArray<{ Field: string; Operator: string; Value: string }>): string {
  return `<Predicates>${list.map((p) => `<e:Predicate><e:Field>${p.Field}</e:Field><e:Operator>${p.Operator}</e:Operator>`
    + `<e:Value>${p.Value}</e:Value></e:Predicate>`).join('')}</Predicates>`;
}
