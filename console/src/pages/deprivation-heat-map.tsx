import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import type { Ok } from '../api/client.js';
import { HeatMap } from '../components/heat-map.js';
import { useLocale } from '../i18n/locale.js';

type Overview = Ok<'/counties/{countyId}/quarters/{quarter}'>;

/** For each household item, the share of a village's judged households failing it, villages grouped by township. */
export function DeprivationHeatMap({ overview }: { overview: Overview }) {
  const { t, pick } = useLocale();
  const chart = useMemo(() => {
    const villages = [...overview.villages].filter((v) => v.householdItems.judged > 0).sort((a, b) => (a.townshipName ?? '').localeCompare(b.townshipName ?? '', 'zh-CN') || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));
    return {
      rows: villages.map((v) => `${v.townshipName ?? ''} ${v.name ?? v.villageId}`),
      columns: overview.householdItemLabels.map((item) => pick(item.label)),
      values: villages.map((v) => overview.householdItemLabels.map((item) => (100 * (v.householdItems.failing[item.id] ?? 0)) / v.householdItems.judged)),
    };
  }, [overview, pick]);
  if (chart.rows.length === 0) return null;
  return (
    <Card title={t('deprivationTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t('deprivationNote')}</Typography.Paragraph>
      <HeatMap rows={chart.rows} columns={chart.columns} values={chart.values} label={t('deprivationTitle')} />
    </Card>
  );
}
