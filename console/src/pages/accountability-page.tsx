import { Button, Card, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, type Ok } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/messages.js';
import { unitLabel } from './accountability-summary.js';
import { percent } from './format.js';
import { ReportDownload } from './report-download.js';

type Accountability = Ok<'/counties/{countyId}/quarters/{quarter}/accountability'>;
type Score = Accountability['scores'][number];
type Unit = { unitType: Score['unitType']; unitId: string; name: string };

const INDICATORS: [keyof Score['indicators'], MessageKey][] = [
  ['exit-target', 'indicatorExitTarget'],
  ['assurances', 'indicatorAssurances'],
  ['stability', 'indicatorStability'],
  ['data-quality', 'indicatorDataQuality'],
];

export function CardTag({ card }: { card: string | null }) {
  const { t } = useLocale();
  if (card === 'red-flag') return <Tag color="red">{t('card_red')}</Tag>;
  if (card === 'yellow-card') return <Tag color="gold">{t('card_yellow')}</Tag>;
  return null;
}

/** Units ranked by score with their four indicators and cards, card history per unit, both lists with reasons; printable. */
export function AccountabilityPage({ countyId, quarter }: { countyId: string; quarter: string }) {
  const { t } = useLocale();
  const loaded = useApi(`accountability/${countyId}/${quarter}`, () => get('/counties/{countyId}/quarters/{quarter}/accountability', { countyId, quarter }));
  const [history, setHistory] = useState<Unit | null>(null);
  return (
    <ApiState loaded={loaded}>
      {(data) => (
        <>
          <Typography.Title level={2}>
            {t('navAccountability')} · {data.quarter}{' '}
            <Button className="no-print" onClick={() => window.print()}>
              {t('print')}
            </Button>{' '}
            <ReportDownload countyId={countyId} quarter={quarter} />
          </Typography.Title>
          <Card title={t('score')} style={{ marginBottom: 16 }}>
            <Table
              data-testid="scores"
              size="small"
              rowKey={(row) => `${row.unitType}#${row.unitId}`}
              pagination={false}
              dataSource={data.scores}
              columns={[
                { title: t('rank'), dataIndex: 'rank' },
                { title: t('unit'), render: (_, row) => <Button type="link" onClick={() => setHistory({ unitType: row.unitType, unitId: row.unitId, name: unitLabel(row) })}>{unitLabel(row)}</Button> },
                { title: t('unitType'), dataIndex: 'unitType', render: (type: string) => (type === 'township' ? t('township_') : t('assistingUnit')) },
                { title: t('score'), dataIndex: 'score' },
                ...INDICATORS.map(([id, key]) => ({ title: t(key), render: (_: unknown, row: Score) => `${percent(row.indicators[id])} (${row.details[id].numerator}/${row.details[id].denominator})` })),
                { title: t('card'), dataIndex: 'card', render: (card: string | null) => <CardTag card={card} /> },
              ]}
            />
          </Card>
          <ListTable data={data} list="interview" title={t('interviewList')} />
          <ListTable data={data} list="resignation" title={t('resignationList')} />
          <Modal open={history !== null} title={`${history?.name ?? ''} · ${t('cardHistory')}`} footer={null} onCancel={() => setHistory(null)}>
            {history && <CardHistory unit={history} />}
          </Modal>
        </>
      )}
    </ApiState>
  );
}

function ListTable({ data, list, title }: { data: Accountability; list: 'interview' | 'resignation'; title: string }) {
  const { t, pick } = useLocale();
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      <Table
        data-testid={`${list}-table`}
        size="small"
        rowKey={(row) => `${row.unitType}#${row.unitId}`}
        pagination={false}
        dataSource={data.lists.filter((row) => row.list === list)}
        columns={[
          { title: t('unit'), render: (_, row) => unitLabel(row) },
          { title: t('official'), render: (_, row) => [row.official.name, row.official.title].filter(Boolean).join(' · ') || '—' },
          { title: t('trigger'), render: (_, row) => pick(row.triggerLabel) },
          {
            title: t('reasons'),
            render: (_, row) => (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {row.reasons.map((reason) => (
                  <li key={reason.indicator}>
                    {pick(reason.label)}: {percent(reason.value)}, {t('pointsLost')} {reason.pointsLost}; {t('behind')}: {reason.households.length} / {reason.villages.join(', ')}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}

function CardHistory({ unit }: { unit: Unit }) {
  const loaded = useApi(`cards/${unit.unitType}/${unit.unitId}`, () => get('/units/{unitType}/{unitId}/cards', { unitType: unit.unitType, unitId: unit.unitId }));
  return (
    <ApiState loaded={loaded}>
      {(data) => (
        <ul>
          {data.cards.map((card) => (
            <li key={card.quarter}>
              {card.quarter} <CardTag card={card.card} />
            </li>
          ))}
        </ul>
      )}
    </ApiState>
  );
}
