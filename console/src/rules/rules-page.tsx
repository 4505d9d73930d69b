import { Button, Card, Space, Table, Tag } from 'antd';
import { get } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { navigate } from '../components/navigation.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';

interface Standard {
  readonly id: string;
  readonly inForce: number | null;
  readonly versions: readonly { version: number; effectiveFrom: string }[];
}

/**
 * `/rules`: each standard with its published versions and the one in force today; each opens
 * its history and drafts. Policy staff and approvers only: the API refuses a viewer
 * (403), and this page then says so.
 */
export function RulesPage() {
  const { t } = useLocale();
  const loaded = useApi('rule-sets', () => get('/rule-sets', {}));
  return (
    <Card title={t('rulesTitle')}>
      <ApiState loaded={loaded}>
        {(data) => (
          <Table
            data-testid="rule-sets"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.ruleSets as unknown as Standard[]}
            columns={[
              { title: t('standard'), dataIndex: 'id' },
              {
                title: t('rulesVersions'),
                render: (_, standard) => (
                  <Space wrap>
                    {standard.versions.map((v) => (
                      <Button key={v.version} size="small" type={v.version === standard.inForce ? 'primary' : 'default'} onClick={() => navigate(`/rules/${standard.id}`)} data-version={`${standard.id}@${v.version}`}>
                        {`v${v.version} · ${v.effectiveFrom}`}
                        {v.version === standard.inForce && <Tag color="green" style={{ marginLeft: 6 }}>{t('rulesInForce')}</Tag>}
                      </Button>
                    ))}
                  </Space>
                ),
              },
              {
                title: '',
                render: (_, standard) => (
                  <Button onClick={() => navigate(`/rules/${standard.id}`)} data-testid={`open-${standard.id}`}>
                    {t('rulesOpen')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </ApiState>
    </Card>
  );
}
