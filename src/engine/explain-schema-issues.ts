import type { z } from 'zod';

export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
}

type Issue = z.core.$ZodIssue;

function flatten(issue: Issue, base: readonly PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message }];
  // A union says only "Invalid input". The branch the document nearly matched (fewest issues,
  // then the deepest) says what is wrong: a condition with a misspelled operator is a leaf
  // whose operator is unknown, not an `all` with stray keys.
  const branches = issue.errors.map((branch) => branch.flatMap((inner) => flatten(inner, path)));
  const depth = (problems: { path: PropertyKey[] }[]) => Math.max(...problems.map((p) => p.path.length));
  branches.sort((a, b) => a.length - b.length || depth(b) - depth(a));
  return branches[0]!;
}

/** zod issues as path/message pairs, with unions resolved to the branch that nearly matched. */
export function explainSchemaIssues(issues: readonly Issue[]): SchemaProblem[] {
  return issues.flatMap((issue) => flatten(issue, [])).map((p) => ({ path: p.path.map(String).join('.') || '(root)', message: p.message }));
}
