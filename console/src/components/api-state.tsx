import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useLocale } from '../i18n/locale.js';
import type { Loaded } from './use-api.js';

/** What a page shows while its read is under way or has failed; its children once the data is there. */
export function ApiState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useLocale();
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (loaded.loading || loaded.data === null) return <Spin tip={t('loading')}><div style={{ minHeight: 80 }} /></Spin>;
  return <>{children(loaded.data)}</>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useLocale();
  const status = error instanceof ApiError ? error.status : 0;
  const message = status === 401 ? t('notSignedIn') : status === 403 ? t('forbidden') : `${t('errorPrefix')}${error instanceof Error ? error.message : String(error)}`;
  return <Alert type={status === 404 ? 'info' : 'error'} showIcon title={message} data-testid="api-error" />;
}
