import { Card, Col, Row, Typography } from 'antd';
import { get, type Ok } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';

type Accountability = Ok<'/counties/{countyId}/quarters/{quarter}/accountability'>;

export const unitLabel = (row: { unitName: string | null; unitId: string }) => row.unitName ?? row.unitId;

/** Red flags, yellow cards and both lists of the quarter, by name: what the overview shows of accountability. */
export function AccountabilitySummary({ countyId, quarter }: { countyId: string; quarter: string }) {
  const { t } = useLocale();
  const loaded = useApi(`accountability/${countyId}/${quarter}`, () => get('/counties/{countyId}/quarters/{quarter}/accountability', { countyId, quarter }));
  return (
    <Card title={t('accountabilitySummary')}>
      <ApiState loaded={loaded}>{(data) => <SummaryLists data={data} />}</ApiState>
    </Card>
  );
}

function SummaryLists({ data }: { data: Accountability }) {
  const { t } = useLocale();
  const carded = (card: string) => data.scores.filter((row) => row.card === card).map(unitLabel);
  const listed = (list: string) => data.lists.filter((row) => row.list === list).map((row) => `${unitLabel(row)}: ${row.official.name ?? '—'}`);
  const column = (testId: string, title: string, names: string[]) => (
    <Col xs={24} md={12} lg={6}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {title} ({names.length})
      </Typography.Title>
      <ul data-testid={testId} style={{ paddingLeft: 18 }}>
        {names.length ? names.map((name) => <li key={name}>{name}</li>) : <li>{t('none')}</li>}
      </ul>
    </Col>
  );
  return (
    <Row gutter={16}>
      {column('red-flags', t('redFlags'), carded('red-flag'))}
      {column('yellow-cards', t('yellowCards'), carded('yellow-card'))}
      {column('interview-list', t('interviewList'), listed('interview'))}
      {column('resignation-list', t('resignationList'), listed('resignation'))}
    </Row>
  );
}
