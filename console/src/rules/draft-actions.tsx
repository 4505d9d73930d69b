import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useLocale } from '../i18n/locale.js';
import type { DraftStatus } from './draft-types.js';

export type DraftAction = 'submit' | 'approve' | 'reject' | 'withdraw';

/** Which steps a draft in this status may take next (the API decides who may take them). */
const NEXT: Record<DraftStatus, readonly DraftAction[]> = { draft: ['submit', 'withdraw'], submitted: ['approve', 'reject', 'withdraw'], approved: [], rejected: [], withdrawn: [] };

/** Why the API refused a step, in the reader's language where the refusal is one the console knows. */
function refusal(error: unknown, t: ReturnType<typeof useLocale>['t']): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'SELF_APPROVAL_REFUSED') return `${t('rulesSelfApprovalRefused')} (${error.message})`;
  if (error.status === 403) return `${t('forbidden')} (${error.message})`;
  return `${t('errorPrefix')}${error.message}`;
}

/**
 * The next steps of a draft, each with a note: submit, approve, reject, withdraw. The API
 * refuses what the signed-in person may not do — approving one's own draft above all — and the
 * refusal is shown with its reason.
 */
export function DraftActions({ status, act }: { status: DraftStatus; act: (action: DraftAction, note: string) => Promise<void> }) {
  const { t } = useLocale();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<DraftAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = NEXT[status];
  if (actions.length === 0) return null;
  const run = (action: DraftAction) => {
    setBusy(action);
    setError(null);
    act(action, note.trim()).then(
      () => {
        setBusy(null);
        setNote('');
      },
      (failure: unknown) => {
        setBusy(null);
        setError(refusal(failure, t));
      },
    );
  };
  return (
    <div data-testid="draft-actions">
      <Input.TextArea aria-label={t('rulesNote')} placeholder={t('rulesNote')} value={note} onChange={(event) => setNote(event.target.value)} autoSize data-testid="step-note" style={{ marginBottom: 8 }} />
      <Space wrap>
        {actions.map((action) => (
          <Button key={action} type={action === 'submit' || action === 'approve' ? 'primary' : 'default'} loading={busy === action} disabled={busy !== null || note.trim() === ''} onClick={() => run(action)} data-testid={`draft-${action}`}>
            {t(`rulesDo_${action}`)}
          </Button>
        ))}
      </Space>
      {error && <Alert type="error" showIcon title={error} data-testid="draft-refusal" style={{ marginTop: 8 }} />}
    </div>
  );
}
