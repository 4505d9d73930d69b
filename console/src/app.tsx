import { Alert, Button, ConfigProvider, Layout, type ThemeConfig, Menu, Radio, Select, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { get } from './api/client.js';
import { signOut } from './api/transport.js';
import { navigate, previousQuarter, usePlace } from './components/navigation.js';
import { useApi } from './components/use-api.js';
import { useLocale } from './i18n/locale.js';
import { AccountabilityPage } from './pages/accountability-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { RunsPage } from './pages/runs-page.js';
import { VillagePage } from './pages/village-page.js';
import { DraftPage } from './rules/rule-editor-page.js';
import { RuleHistoryPage } from './rules/rule-history-page.js';
import { RulesPage } from './rules/rules-page.js';

const QUARTER = /^\d{4}Q[1-4]$/;

/** Ant Design's default blue and placeholder grey fall short of WCAG AA contrast on white; these meet it (axe checks). */
const THEME: ThemeConfig = {
  token: { colorPrimary: '#0050b3', colorLink: '#0050b3', colorTextPlaceholder: '#595959', colorTextDescription: '#595959' },
  components: { Menu: { darkItemColor: '#ffffff', darkItemHoverColor: '#ffffff', darkItemSelectedBg: '#3d0f0f' } },
};

/** Quarters to pick from: the eight before today's, and the one in the address if older. */
function quarterChoices(selected: string): string[] {
  const choices: string[] = [];
  let [year, quarter] = previousQuarter().split('Q').map(Number) as [number, number];
  for (let n = 0; n < 8; n += 1) {
    choices.push(`${year}Q${quarter}`);
    [year, quarter] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  }
  return choices.includes(selected) ? choices : [selected, ...choices];
}

export function App() {
  const { locale, setLocale, t } = useLocale();
  const place = usePlace();
  // Set once the local session has ended: the pages' reads would only be refused from then on.
  const [signedOut, setSignedOut] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const leave = () => {
    setSigningOut(true);
    signOut()
      .then(() => setSignedOut(true))
      .catch(() => setSigningOut(false));
  };
  const counties = useApi('counties', () => get('/counties', {}));
  const quarter = QUARTER.test(place.query.get('quarter') ?? '') ? place.query.get('quarter')! : previousQuarter();
  const countyId = place.query.get('county') ?? counties.data?.counties[0]?.countyId ?? null;
  const villageMatch = /^\/villages\/([^/]+)$/.exec(place.path);
  const ruleMatch = /^\/rules\/([^/]+)$/.exec(place.path);
  const draftMatch = /^\/rules\/([^/]+)\/drafts\/([^/]+)$/.exec(place.path);
  const section = villageMatch ? 'overview' : ruleMatch || draftMatch || place.path === '/rules' ? 'rules' : place.path === '/accountability' ? 'accountability' : place.path === '/runs' ? 'runs' : 'overview';
  // The rules area is for the roles the API lets administer rule sets: shown when it answers them.
  const ruleSets = useApi('rule-sets-access', () => get('/rule-sets', {}));

  const page = villageMatch ? (
    <VillagePage villageId={decodeURIComponent(villageMatch[1]!)} quarter={quarter} />
  ) : draftMatch ? (
    <DraftPage ruleSetId={decodeURIComponent(draftMatch[1]!)} draftId={decodeURIComponent(draftMatch[2]!)} />
  ) : ruleMatch ? (
    <RuleHistoryPage ruleSetId={decodeURIComponent(ruleMatch[1]!)} />
  ) : section === 'rules' ? (
    <RulesPage />
  ) : section === 'accountability' ? (
    countyId && <AccountabilityPage countyId={countyId} quarter={quarter} />
  ) : section === 'runs' ? (
    <RunsPage quarter={quarter} />
  ) : (
    countyId && <OverviewPage countyId={countyId} quarter={quarter} />
  );

  return (
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={THEME}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="no-print" style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7a1f1f' }}>
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 18, whiteSpace: 'nowrap' }}>
            {t('appTitle')}
          </Typography.Title>
          <Menu
            theme="dark"
            mode="horizontal"
            style={{ flex: 1, background: 'transparent' }}
            selectedKeys={[section]}
            onClick={({ key }) => navigate(key === 'overview' ? '/' : `/${key}`)}
            items={[
              { key: 'overview', label: t('navOverview') },
              { key: 'accountability', label: t('navAccountability') },
              { key: 'runs', label: t('navRuns') },
              ...(ruleSets.data ? [{ key: 'rules', label: t('navRules') }] : []),
            ]}
          />
          <Radio.Group
            aria-label={t('language')}
            size="small"
            value={locale}
            onChange={(event) => setLocale(event.target.value)}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
            optionType="button"
          />
          {!signedOut && (
            <Button size="small" ghost loading={signingOut} onClick={leave} data-testid="sign-out">
              {t('signOut')}
            </Button>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Space className="no-print" wrap style={{ marginBottom: 16 }}>
            <label>
              {t('county')}{' '}
              <Select
                aria-label={t('county')}
                style={{ minWidth: 200 }}
                value={countyId ?? undefined}
                loading={counties.loading}
                onChange={(value: string) => navigate(place.path, { county: value })}
                options={(counties.data?.counties ?? []).map((county) => ({ value: county.countyId, label: `${county.name ?? county.countyId}` }))}
              />
            </label>
            <label>
              {t('quarter')}{' '}
              <Select aria-label={t('quarter')} style={{ width: 120 }} value={quarter} onChange={(value: string) => navigate(place.path, { quarter: value })} options={quarterChoices(quarter).map((q) => ({ value: q, label: q }))} />
            </label>
          </Space>
          <main>{signedOut ? <Alert type="info" showIcon title={t('signedOut')} data-testid="signed-out" /> : page}</main>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
