import { Typography } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useLocale } from '../i18n/locale.js';
import type { GateProblem } from './gate-types.js';

/** The gate's problems by the form field each is shown at (see `fieldOf`), for the fields to show their own. */
export const ProblemContext = createContext<ReadonlyMap<string, readonly GateProblem[]>>(new Map());

/** The problems the gate found at a form field, under it, in red. */
export function FieldProblems({ path }: { path: string }) {
  const { pick } = useLocale();
  const problems = useContext(ProblemContext).get(path) ?? [];
  if (problems.length === 0) return null;
  return (
    <div data-testid="field-problems" data-problem-for={path}>
      {problems.map((problem, index) => (
        <Typography.Text key={index} style={{ display: 'block', fontSize: 12, color: '#a8071a' }}>
          {problem.text ? pick(problem.text) : problem.message}
        </Typography.Text>
      ))}
    </div>
  );
}

/** A form field's frame: its `data-path` (what problems and jumps find it by), a red border while it has problems, and those problems under it. */
export function Field({ path, children, inline = false }: { path: string; children: ReactNode; inline?: boolean }) {
  const faulty = (useContext(ProblemContext).get(path) ?? []).length > 0;
  return (
    <div data-path={path} data-faulty={faulty || undefined} style={{ display: inline ? 'inline-block' : 'block', outline: faulty ? '2px solid #cf1322' : undefined, outlineOffset: 2, borderRadius: 4 }}>
      {children}
      <FieldProblems path={path} />
    </div>
  );
}
