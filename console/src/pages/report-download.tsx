import { Button } from 'antd';
import { useLocale } from '../i18n/locale.js';

/**
 * The county's report.xlsx of the quarter, from the documented read route. A plain link: the
 * browser downloads it with the session cookie and saves it under the Chinese name the API gives.
 */
export function ReportDownload({ countyId, quarter }: { countyId: string; quarter: string }) {
  const { t } = useLocale();
  const href = `/counties/${encodeURIComponent(countyId)}/quarters/${encodeURIComponent(quarter)}/report.xlsx`;
  return (
    <Button className="no-print" href={href} download data-testid="report-download">
      {t('downloadReport')}
    </Button>
  );
}
