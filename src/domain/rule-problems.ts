// Forms show every problem at once, where the API stops at the first: this runs the domain's own
// field rules one by one and collects what each refused, in the domain's words.
import { ApiError } from '../contract/api-error.js';

export function ruleProblems(rules: ReadonlyArray<() => unknown>): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    try { rule(); } catch (err) {
      if (err instanceof ApiError) problems.push(err.errors[0]!.details ?? err.message); else throw err;
    }
  }
  return problems;
}
