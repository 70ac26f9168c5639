// How the API commands print: aligned tables for people, JSON for scripts, faults as one clear
// line per error (code, ErrorCode, message) with the TrackingId, and a progress bar on a terminal.
import { AdApiError, OAuthRefreshError } from 'adcenter-client';

export type Row = Record<string, unknown>;

export function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function table(rows: readonly Row[], columns: readonly string[]): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n') + '\n';
}

/** One record as "Field  value" lines (nested objects as JSON). */
export function record(value: Row): string {
  const keys = Object.keys(value);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `${k.padEnd(width)}  ${cell(value[k])}`).join('\n') + '\n';
}

export function print(json: boolean | undefined, data: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : human());
}

/** Runs a command's work; a fault becomes an Error whose message says code, name, message and TrackingId. */
export async function guarded(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    throw new Error(describeFailure(err));
  }
}

export function describeFailure(err: unknown): string {
  if (err instanceof AdApiError) {
    const lines = err.errors.length
      ? err.errors.map((e) => `${e.Code} ${e.ErrorCode}: ${e.Message}${e.Details ? ` (${e.Details})` : ''}`)
      : [err.message];
    return `${err.operation} failed (HTTP ${err.httpStatus}${err.trackingId ? `, TrackingId ${err.trackingId}` : ''}):\n  ${lines.join('\n  ')}`;
  }
  if (err instanceof OAuthRefreshError) return err.message;
  if (err instanceof TypeError && /fetch failed/.test(err.message)) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    return `cannot reach the server${cause ? `: ${cause}` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A progress bar on stderr, drawn only on a terminal (never into pipes or --json output). */
export function progress(label: string, total?: number): { tick(done: number): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  const draw = (done: number): void => {
    if (!tty) return;
    const text = total
      ? `${label} [${'#'.repeat(Math.round((done / total) * 30)).padEnd(30, '.')}] ${done}/${total}`
      : `${label}: ${done}`;
    process.stderr.write(`\r${text}\u001b[K`);
  };
  return {
    tick: draw,
    end: () => { if (tty) process.stderr.write('\r\u001b[K'); },
  };
}
