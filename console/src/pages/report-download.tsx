import { Button, message } from 'antd';
import { useState } from 'react';
import { ApiError, getFile } from '../api/client.js';
import { XLSX } from '../api/saved-file.js';
import { useLocale } from '../i18n/locale.js';

/** Hands a blob to the browser's download under a name, through a short-lived object URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The county's report.xlsx of the quarter, from the documented read route: fetched through the
 * transport (the session cookie locally, a SigV4 signature on AWS) and saved under the Chinese
 * name the API gives in Content-Disposition.
 */
export function ReportDownload({ countyId, quarter }: { countyId: string; quarter: string }) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await getFile('/counties/{countyId}/quarters/{quarter}/report.xlsx', { countyId, quarter }, XLSX, `${countyId}-${quarter}-report.xlsx`);
      saveBlob(blob, fileName);
    } catch (error) {
      void message.error(`${t('downloadFailed')}${error instanceof ApiError ? ` (${error.status} ${error.code})` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className="no-print" loading={busy} onClick={() => void download()} data-testid="report-download">
      {t('downloadReport')}
    </Button>
  );
}
