// The short seeded fuzz run (issue 9, "keep it so"): ≈2,000 mutated requests of every operation
// over SOAP and REST against a real server; every column must stay 0. `npm run fuzz` runs the
// long version (100,000 cases); tools/fuzz/ holds the fuzzer.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { COLUMNS, formatReport, runFuzz, type Column } from '../../../tools/fuzz/fuzz.js';

it('2,000 seeded fuzz cases: no crash, hang, bad 5xx, InternalError, 200 to invalid input, leak or refused-write store change', { timeout: 600_000 }, async () => {
  const report = await runFuzz({ cases: 2_000, seed: 20_260_901 });
  assert.equal(report.cases, 2_000);
  const nonZero = (Object.keys(COLUMNS) as Column[]).filter((k) => report.counts[k] !== 0);
  assert.deepEqual(nonZero, [], formatReport(report));
  // The run must have reached the operations, not only bounced off the codecs.
  const answered = Object.values(report.mutations).reduce((n, m) => n + m.ok, 0);
  assert.ok(answered > 100, `only ${answered} cases were answered 2xx:\n${formatReport(report)}`);
});
