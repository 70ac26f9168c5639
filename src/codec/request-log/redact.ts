// What the request log shows of a body: the text as it travelled, with the values of credentials
// replaced. Run when the log is read, not when a call is recorded, so the request path only keeps
// references to the text it already had.

/** SOAP header and body elements whose content is a credential. */
const SOAP_SECRETS = ['AuthenticationToken', 'DeveloperToken', 'Password', 'ApplicationToken'];
const SOAP_ELEMENT = new RegExp(
  `<((?:[\\w.-]+:)?(?:${SOAP_SECRETS.join('|')}))(\\s[^>]*)?(?<!/)>[\\s\\S]*?</\\1\\s*>`, 'g');
/** An element cut off by truncation before its end tag. (Self-closing elements hold nothing.) */
const SOAP_CUT = new RegExp(`<((?:[\\w.-]+:)?(?:${SOAP_SECRETS.join('|')}))(\\s[^>]*)?(?<!/)>(?![\\s\\S]*</\\1\\s*>)[\\s\\S]*$`);

/** JSON members (any depth) whose value is a credential, by lower-cased name. */
const JSON_SECRETS = [
  'authenticationtoken', 'developertoken', 'password', 'applicationtoken', 'authorization', 'client_secret', 'clientsecret',
  'refresh_token', 'refreshtoken', 'access_token', 'accesstoken', 'code_verifier', 'secret', 'token',
];
const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"?)/g;

export const REDACTED = '[redacted]';

export function redactSoap(text: string): string {
  return text.replace(SOAP_ELEMENT, (_m, name: string, attrs: string | undefined) => `<${name}${attrs ?? ''}>${REDACTED}</${name}>`)
    .replace(SOAP_CUT, (_m, name: string, attrs: string | undefined) => `<${name}${attrs ?? ''}>${REDACTED}`);
}

export function redactJson(text: string): string {
  return text.replace(JSON_MEMBER, (whole, name: string, colon: string) =>
    (JSON_SECRETS.includes(name.toLowerCase()) ? `"${name}"${colon}"${REDACTED}"` : whole));
}

/** The fault codes of an error answer (SOAP fault or REST fault object); none for a success. */
export function faultCodesOf(protocol: 'soap' | 'rest', status: number, response: string): number[] {
  if (status >= 200 && status < 300) return [];
  const pattern = protocol === 'soap' ? /<(?:[\w.-]+:)?Code>(\d+)<\/(?:[\w.-]+:)?Code>/g : /"Code"\s*:\s*(\d+)/g;
  return [...response.matchAll(pattern)].map((m) => Number(m[1]));
}

/** The text of a SOAP header element (CustomerId, CustomerAccountId), if the envelope has one. */
export function soapHeaderValue(text: string, local: string): string | null {
  const header = /<(?:[\w.-]+:)?Header[\s>][\s\S]*?<\/(?:[\w.-]+:)?Header\s*>/.exec(text)?.[0];
  if (!header) return null;
  const match = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([^<]*)<`).exec(header);
  return match ? match[1]!.trim() || null : null;
}
