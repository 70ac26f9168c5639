// What the benchmark sends: each scenario is one request shape against one server.
import { randomBytes } from 'node:crypto';
import type { Request } from 'autocannon';
import type { BenchStore } from './bench-store.js';

export const SOAP_PATH = '/Api/CustomerManagement/v13/CustomerManagementService.svc';
const DEV = 'BBD37VB98';
/** The FindAccounts filter: a prefix about 1/40 of the seeded names start with. */
export const FILTER = 'Acme';

export interface Scenario {
  name: string;
  /** Which server answers it. */
  target: 'hello' | 'adcenter' | 'peer' | 'floor';
  /** The node-soap scenario it is compared with (same operation and size). */
  peer?: string;
  /** The floor scenario it is compared with (same request, answered by bench/floor-peer). */
  floor?: string;
  /** Writes: what to count afterwards. */
  addsAccounts?: string;
  request: Request & { setupRequest?: (req: Request) => Request };
}

function envelope(operation: string, inner: string, token: string): string {
  return '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
    + `<s:Header xmlns="https://bingads.microsoft.com/Customer/v13"><AuthenticationToken>${token}</AuthenticationToken><DeveloperToken>${DEV}</DeveloperToken></s:Header>`
    + `<s:Body><${operation}Request xmlns="https://bingads.microsoft.com/Customer/v13" xmlns:e="https://bingads.microsoft.com/Customer/v13/Entities">${inner}</${operation}Request></s:Body></s:Envelope>`;
}

function soap(operation: string, inner: string, token: string): Request {
  return {
    method: 'POST', path: SOAP_PATH, body: envelope(operation, inner, token),
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${operation}"` },
  };
}

function rest(path: string, body: unknown, token: string): Request {
  return {
    method: 'POST', path: `/CustomerManagement/v13${path}`, body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, developertoken: DEV },
  };
}

const findInner = (topN: number): string => `<CustomerId i:nil="true"/><AccountFilter>${FILTER}</AccountFilter><TopN>${topN}</TopN>`;

export const HELLO_SCENARIO: Scenario = { name: 'node:http hello-world', target: 'hello', request: { method: 'GET', path: '/' } };

export const PEER_SCENARIOS: Scenario[] = [10, 100].map((n) => ({
  name: `node-soap FindAccounts TopN ${n}`, target: 'peer', request: soap('FindAccounts', findInner(n), 'x'),
}));

/** The same FindAccounts requests (SOAP and REST) answered by the floor (bench/floor-peer.ts). */
export const FLOOR_SCENARIOS: Scenario[] = [10, 100].flatMap((n): Scenario[] => [
  { name: `floor SOAP FindAccounts TopN ${n}`, target: 'floor', request: soap('FindAccounts', findInner(n), 'x') },
  { name: `floor REST FindAccounts TopN ${n}`, target: 'floor', request: rest('/Accounts/Find', { CustomerId: null, AccountFilter: FILTER, TopN: n }, 'x') },
]);

export function adcenterScenarios(store: BenchStore, token: string, size = ''): Scenario[] {
  const label = store.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  // The floor reads the same SQLite file, so only the SQLite scenarios are compared with it.
  const floor = (face: string, n: number): string | undefined => (store.backend === 'sqlite' ? `floor ${face} FindAccounts TopN ${n}` : undefined);
  // AddAccount names: unique per run and request, so every acknowledged add must be stored.
  const tag = randomBytes(3).toString('hex');
  let counter = 0;
  const addInner = (name: string): string => '<Account xmlns:a="https://bingads.microsoft.com/Customer/v13/Entities">'
    + '<a:BillToCustomerId i:nil="true"/><a:CurrencyCode>USD</a:CurrencyCode><a:AccountFinancialStatus i:nil="true"/>'
    + '<a:Id i:nil="true"/><a:Language i:nil="true"/><a:LastModifiedByUserId i:nil="true"/><a:LastModifiedTime i:nil="true"/>'
    + `<a:Name>${name}</a:Name><a:Number i:nil="true"/><a:ParentCustomerId>${store.customerId}</a:ParentCustomerId>`
    + `<a:PaymentMethodId>${store.paymentMethodId}</a:PaymentMethodId><a:PaymentMethodType i:nil="true"/>`
    + '<a:PrimaryUserId i:nil="true"/><a:AccountLifeCycleStatus i:nil="true"/><a:TimeStamp i:nil="true"/><a:TimeZone i:nil="true"/>'
    + '<a:PauseReason i:nil="true"/><a:ForwardCompatibilityMap i:nil="true"/><a:LinkedAgencies i:nil="true"/>'
    + '<a:SalesHouseCustomerId i:nil="true"/><a:TaxInformation i:nil="true"/><a:BackUpPaymentInstrumentId i:nil="true"/>'
    + '<a:BillingThresholdAmount i:nil="true"/><a:BusinessAddress><a:City>Redmond</a:City><a:CountryCode>US</a:CountryCode>'
    + '<a:Id i:nil="true"/><a:Line1>1 Main Street</a:Line1><a:Line2 i:nil="true"/><a:Line3 i:nil="true"/><a:Line4 i:nil="true"/>'
    + '<a:PostalCode>98052</a:PostalCode><a:StateOrProvince>WA</a:StateOrProvince><a:TimeStamp i:nil="true"/>'
    + '<a:BusinessName>Bench</a:BusinessName></a:BusinessAddress><a:AutoTagType i:nil="true"/><a:SoldToPaymentInstrumentId i:nil="true"/>'
    + '<a:TaxCertificate i:nil="true"/><a:AccountMode i:nil="true"/></Account>';
  const add = soap('AddAccount', addInner('placeholder'), token);
  return [
    ...[10, 100].map((n): Scenario => ({
      name: `${label} SOAP FindAccounts TopN ${n}${size}`, target: 'adcenter', peer: `node-soap FindAccounts TopN ${n}`, floor: floor('SOAP', n),
      request: soap('FindAccounts', findInner(n), token),
    })),
    ...[10, 100].map((n): Scenario => ({
      name: `${label} REST FindAccounts TopN ${n}${size}`, target: 'adcenter', peer: `node-soap FindAccounts TopN ${n}`, floor: floor('REST', n),
      request: rest('/Accounts/Find', { CustomerId: null, AccountFilter: FILTER, TopN: n }, token),
    })),
    { name: `${label} SOAP GetAccount${size}`, target: 'adcenter', request: soap('GetAccount', `<AccountId>${store.accountId}</AccountId>`, token) },
    { name: `${label} SOAP GetUser${size}`, target: 'adcenter', request: soap('GetUser', '<UserId i:nil="true"/>', token) },
    {
      name: `${label} REST SearchAccounts by UserId, page of 100${size}`, target: 'adcenter',
      request: rest('/Accounts/Search', {
        Predicates: [{ Field: 'UserId', Operator: 'Equals', Value: store.userId }], Ordering: null,
        PageInfo: { Index: 0, Size: 100 }, ReturnAdditionalFields: null,
      }, token),
    },
    {
      name: `${label} SOAP AddAccount${size}`, target: 'adcenter', addsAccounts: `Bench ${tag} `,
      request: {
        ...add,
        setupRequest: (req) => ({ ...req, body: envelope('AddAccount', addInner(`Bench ${tag} ${++counter}`), token) }),
      },
    },
  ];
}
