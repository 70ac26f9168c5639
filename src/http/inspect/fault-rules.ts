// Fault injection (POST /_adcenter/faults): rules that make the next matching API calls slow
// and/or fail with a documented error, exactly as the service answers that error. In memory, per
// server instance. A call takes at most one rule: the oldest that matches.
import { faults, type FaultName } from '../../contract/faults.js';
import { operationNames } from '../../contract/lookup.js';
import type { OperationName } from '../../contract/values.js';

export interface FaultRule {
  readonly id: number;
  readonly operation: OperationName | '*';
  readonly userName: string | null;
  readonly code: number | null;
  readonly latencyMs: number;
  /** Injections left; null = until cleared (a ratio without a count). */
  readonly count: number | null;
  readonly ratio: number | null;
}

export type FaultRuleInput = Omit<FaultRule, 'id'>;

/** What one call gets from a rule. */
export interface Injection {
  readonly latencyMs: number;
  readonly fault: FaultName | null;
}

export const MAX_INJECTED_LATENCY_MS = 120_000;

/** The catalogue's fault for each documented code (where two share a code, the first: 201 → ApiInputValidationError). */
const FAULT_BY_CODE: ReadonlyMap<number, FaultName> = (() => {
  const map = new Map<number, FaultName>();
  for (const [name, def] of Object.entries(faults) as Array<[FaultName, (typeof faults)[FaultName]]>) {
    if (!map.has(def.code)) map.set(def.code, name);
  }
  return map;
})();

export function injectableCodes(): number[] {
  return [...FAULT_BY_CODE.keys()].sort((a, b) => a - b);
}

export class FaultRuleError extends Error {}

const KEYS = new Set(['operation', 'userName', 'code', 'latencyMs', 'count', 'ratio']);

/** Validates a POST body; throws FaultRuleError with a message for the client. */
export function parseFaultRule(body: unknown): FaultRuleInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new FaultRuleError('The body must be a JSON object.');
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KEYS.has(k));
  if (unknown.length) throw new FaultRuleError(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${[...KEYS].join(', ')}.`);
  const operation = operationOf(o.operation);
  const userName = o.userName === undefined || o.userName === null ? null : stringField(o.userName, 'userName');
  const code = o.code === undefined || o.code === null ? null : integer(o.code, 'code', 0, Number.MAX_SAFE_INTEGER);
  if (code !== null && !FAULT_BY_CODE.has(code)) {
    throw new FaultRuleError(`code ${code} is not an error code this service documents; use one of ${injectableCodes().join(', ')}.`);
  }
  const latencyMs = o.latencyMs === undefined || o.latencyMs === null ? 0 : integer(o.latencyMs, 'latencyMs', 0, MAX_INJECTED_LATENCY_MS);
  if (code === null && latencyMs === 0) throw new FaultRuleError('Give a code, a latencyMs above 0, or both.');
  const ratio = o.ratio === undefined || o.ratio === null ? null : fraction(o.ratio);
  const count = o.count === undefined || o.count === null ? (ratio === null ? 1 : null) : integer(o.count, 'count', 1, 1_000_000);
  return { operation, userName, code, latencyMs, count, ratio };
}

function operationOf(value: unknown): OperationName | '*' {
  if (value === '*') return '*';
  if (typeof value !== 'string') throw new FaultRuleError('operation is required: an operation name (e.g. "GetUser") or "*".');
  const match = operationNames.find((name) => name.toLowerCase() === value.toLowerCase());
  if (!match) throw new FaultRuleError(`operation "${value}" is not an operation of this service (or "*").`);
  return match;
}

function stringField(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new FaultRuleError(`${name} must be a non-empty string.`);
  return value;
}

function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultRuleError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function fraction(value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw new FaultRuleError('ratio must be a number above 0 and at most 1.');
  return value;
}

export class FaultRules {
  private rules: FaultRule[] = [];
  private lastId = 0;

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultRuleInput): FaultRule {
    const rule = { id: ++this.lastId, ...input };
    this.rules.push(rule);
    return rule;
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  /** The injection for one authenticated call, if a rule takes it (and counts it). */
  take(operation: OperationName, userName: string): Injection | null {
    if (this.rules.length === 0) return null;
    const index = this.rules.findIndex((r) => (r.operation === '*' || r.operation === operation)
      && (r.userName === null || r.userName.toLowerCase() === userName.toLowerCase()));
    if (index < 0) return null;
    const rule = this.rules[index]!;
    if (rule.ratio !== null && this.random() >= rule.ratio) return null;
    if (rule.count !== null) {
      if (rule.count <= 1) this.rules.splice(index, 1);
      else this.rules[index] = { ...rule, count: rule.count - 1 };
    }
    return { latencyMs: rule.latencyMs, fault: rule.code === null ? null : FAULT_BY_CODE.get(rule.code)! };
  }
}
