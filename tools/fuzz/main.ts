// `npm run fuzz -- [--cases N] [--seed S] [--from I] [--mutation NAME] [--database-url URL] [--verbose]`:
// runs the fuzzer against a fresh server and prints, per column, what must stay 0. Exits 1 when a
// column is not 0.
import { parseArgs } from 'node:util';
import { COLUMNS, formatReport, runFuzz, type Column, type FuzzReport } from './fuzz.js';
import { MUTATION_NAMES } from './mutations.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: '0' },
    mutation: { type: 'string' },
    'database-url': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
if (values.mutation && !MUTATION_NAMES.includes(values.mutation)) {
  console.error(`unknown mutation ${values.mutation}; one of: ${MUTATION_NAMES.join(', ')}`);
  process.exit(2);
}
// Stopped early: print what was found so far and exit (the server this run started is killed on exit).
let latest: FuzzReport | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (latest) console.log(`${formatReport(latest)}\n(stopped early by ${signal})`);
    process.exit(130);
  });
}
const databaseUrl = values['database-url'];
const report = await runFuzz({
  cases: Number(values.cases), seed: Number(values.seed), from: Number(values.from),
  ...(values.mutation ? { mutation: values.mutation } : {}),
  ...(databaseUrl ? { backend: 'postgres' as const, databaseUrl } : {}),
  verbose: values.verbose,
  onFinding: (f) => console.error(`  [${f.column}] case ${f.index}: ${f.face} ${f.operation} [${f.mutations.join(', ')}] → ${f.status}`),
  progress: (done, r) => {
    latest = r;
    const bad = (Object.keys(COLUMNS) as Column[]).filter((k) => r.counts[k] > 0).map((k) => `${k}=${r.counts[k]}`);
    console.error(`  ${done} cases${bad.length ? `  ${bad.join(' ')}` : ''}`);
  },
});
console.log(formatReport(report));
process.exit((Object.keys(COLUMNS) as Column[]).some((k) => report.counts[k] > 0) ? 1 : 0);
