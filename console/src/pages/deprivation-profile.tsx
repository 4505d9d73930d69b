import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Ok } from '../api/client.js';
import { BarChart } from '../components/bar-chart.js';
import { useLocale } from '../i18n/locale.js';
import { percent } from './format.js';

type Profile = Ok<'/counties/{countyId}/quarters/{quarter}'>['deprivation'];

const share = (value: number | null) => (value === null ? '—' : percent(value));

/** The Alkire–Foster measures of the county: H, A, M0, and M0 broken down by item, township and village. */
export function DeprivationProfile({ profile }: { profile: Profile }) {
  const { t, pick } = useLocale();
  const bars = useMemo(
    () => profile.items.map((item) => ({ name: item.label ? pick(item.label) : item.id, value: Number(((item.contribution ?? 0) * 100).toFixed(1)), color: '#8c4a2f' })),
    [profile, pick],
  );
  if (profile.unavailable || !profile.county) {
    return (
      <Card title={t('afTitle')} style={{ marginBottom: 16 }}>
        <Alert type="info" showIcon message={t(`afUnavailable_${profile.unavailable ?? 'no-parameters'}`)} />
      </Card>
    );
  }
  const county = profile.county;
  const groupColumns = [
    { title: t('afCounted'), dataIndex: 'counted' },
    { title: t('afPoor'), dataIndex: 'poor' },
    { title: t('afUnknown'), dataIndex: 'unknown' },
    { title: 'H', dataIndex: 'headcount', render: share },
    { title: 'A', dataIndex: 'intensity', render: share },
    { title: 'M0', dataIndex: 'adjustedHeadcount', render: (value: number | null) => (value === null ? '—' : value.toFixed(3)) },
    { title: t('afContribution'), dataIndex: 'contribution', render: share },
  ];
  return (
    <Card title={t('afTitle')} style={{ marginBottom: 16 }} data-testid="deprivation-profile">
      <Typography.Paragraph>{t('afNote')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}><div data-testid="af-headcount"><Statistic title={t('afHeadcount')} value={share(county.headcount)} /></div></Col>
        <Col xs={12} md={4}><div data-testid="af-intensity"><Statistic title={t('afIntensity')} value={share(county.intensity)} /></div></Col>
        <Col xs={12} md={4}><div data-testid="af-m0"><Statistic title={t('afAdjusted')} value={county.adjustedHeadcount === null ? '—' : county.adjustedHeadcount.toFixed(3)} /></div></Col>
        <Col xs={12} md={4}><div data-testid="af-counted"><Statistic title={t('afCounted')} value={county.counted} /></div></Col>
        <Col xs={12} md={4}><div data-testid="af-poor"><Statistic title={t('afPoor')} value={county.poor} /></div></Col>
        <Col xs={12} md={4}><div data-testid="af-unknown"><Statistic title={t('afUnknown')} value={county.unknown} /></div></Col>
      </Row>
      <Typography.Paragraph type="secondary">
        {t('afCutoff')} = {profile.cutoff} / {profile.totalWeight}. {t('afUnknownNote')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('afByItem')}</Typography.Title>
      <BarChart bars={bars} label={t('afByItem')} valueName={`${t('afContribution')} (%)`} />
      <Table
        data-testid="af-items"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...profile.items]}
        columns={[
          { title: t('item'), dataIndex: 'label', render: (label: Profile['items'][number]['label'], item) => (label ? pick(label) : item.id) },
          { title: t('afWeight'), dataIndex: 'weight' },
          { title: t('afCensored'), dataIndex: 'censoredHeadcount', render: share },
          { title: t('afContribution'), dataIndex: 'contribution', render: share },
        ]}
      />
      <Typography.Title level={5}>{t('afByTownship')}</Typography.Title>
      <Table<Profile['townships'][number]> data-testid="af-townships" size="small" rowKey="townshipId" pagination={false} dataSource={[...profile.townships]} columns={[{ title: t('township'), dataIndex: 'name', render: (name: string | null, row) => name ?? row.townshipId }, ...groupColumns]} />
      <Typography.Title level={5}>{t('afByVillage')}</Typography.Title>
      <Table<Profile['villages'][number]> data-testid="af-villages" size="small" rowKey="villageId" pagination={{ pageSize: 10 }} dataSource={[...profile.villages]} columns={[{ title: t('village'), dataIndex: 'name', render: (name: string | null, row) => name ?? row.villageId }, ...groupColumns]} />
    </Card>
  );
}
