// Log lines for a person at a terminal. Piped or redirected, the server writes pino's JSON lines
// (one object per line, for log collectors); on a terminal each line is rewritten as
// "12:00:01.234 INFO  message  key=value …". A few lines of formatting instead of pino-pretty and
// its dozen dependencies: nothing here needs more than time, level, message and fields.
import pino, { type DestinationStream } from 'pino';

const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Readonly<Record<number, string>> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };
/** Fields every line has, shown in the line's head or not at all. */
const HEAD = new Set(['time', 'level', 'msg', 'pid', 'hostname']);

/** One pino JSON line as a readable line (a line that is not JSON is returned as it came). */
export function readableLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const name = (LEVELS[level] ?? String(level)).padEnd(5);
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !HEAD.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = colour ? `\u001b[${COLOURS[level] ?? '0'}m${name}\u001b[0m` : name;
  return `${[time, head, typeof entry.msg === 'string' ? entry.msg : '', ...fields].filter((p) => p !== '').join('  ')}\n`;
}

/**
 * Where the server's log goes: pino's own JSON lines to stdout when it is piped — asynchronous, so
 * under load the lines written while one write is in flight go out together in the next (pino
 * flushes the rest at exit) — or a stream rewriting them readably when it is a terminal.
 */
export function logDestination(out: NodeJS.WriteStream = process.stdout): DestinationStream {
  if (!out.isTTY) return pino.destination({ dest: 1, sync: false });
  const colour = process.env.NO_COLOR === undefined;
  return { write: (line: string) => { out.write(readableLine(line.trimEnd(), colour)); } };
}
