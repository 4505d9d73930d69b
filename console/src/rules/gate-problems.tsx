import { Alert, Button, List, Spin, Tag, Typography } from 'antd';
import { ErrorAlert } from '../components/api-state.js';
import { useLocale } from '../i18n/locale.js';
import { fieldOf } from './draft-paths.js';
import { problemsOf, type GateStep } from './gate-types.js';
import type { GateState } from './use-gate.js';

/** Scrolls the form to a field and puts the cursor in its first input. */
export function jumpTo(field: string): void {
  const element = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(field)}"]`);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.querySelector<HTMLElement>('input, textarea, [tabindex]')?.focus();
}

/**
 * The gate's report on the draft: each step as a tag, and every problem in a list; a problem
 * that a form field holds jumps to it.
 */
export function GateProblems({ gate, fieldPaths }: { gate: GateState; fieldPaths: ReadonlySet<string> }) {
  const { t, pick } = useLocale();
  if (gate.error) return <ErrorAlert error={gate.error} />;
  if (!gate.validation) return <Spin tip={t('rulesValidating')}><div style={{ minHeight: 40 }} /></Spin>;
  const { report } = gate.validation;
  const problems = problemsOf(report);
  const said = (step: GateStep | undefined) => (step === undefined ? '' : step.summaryText ? pick(step.summaryText) : step.summary);
  return (
    <div data-testid="gate-report" data-ok={report.ok} data-running={gate.running}>
      <div style={{ marginBottom: 8 }}>
        {report.steps.map((step) => (
          <Tag key={step.step} color={step.ok ? 'green' : 'red'} data-step={step.step} data-step-ok={step.ok} title={said(step)}>
            {t(`rulesStep_${step.step}`)} {step.ok ? '✓' : '✗'}
          </Tag>
        ))}
        {gate.running && <Typography.Text type="secondary">{t('rulesValidating')}</Typography.Text>}
      </div>
      {problems.length === 0 ? (
        <Alert type={report.ok ? 'success' : 'info'} showIcon title={report.ok ? t('rulesGateOk') : said(report.steps.at(-1))} />
      ) : (
        <List
          size="small"
          bordered
          data-testid="gate-problems"
          dataSource={problems}
          renderItem={({ step, problem }) => {
            const field = fieldOf(problem.path, fieldPaths);
            return (
              <List.Item
                data-problem-path={problem.path}
                extra={
                  field && (
                    <Button size="small" onClick={() => jumpTo(field)} data-testid="jump">
                      {t('rulesJump')}
                    </Button>
                  )
                }
              >
                <Tag>{t(`rulesStep_${step}`)}</Tag>
                {problem.case !== undefined && <Typography.Text strong>{problem.case}: </Typography.Text>}
                {problem.path !== undefined && <Typography.Text code>{problem.path}</Typography.Text>} {problem.text ? pick(problem.text) : problem.message}
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}
