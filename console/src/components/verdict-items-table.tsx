import { Table, Tag } from 'antd';
import { useLocale } from '../i18n/locale.js';
import { OUTCOME_COLOURS, showValue } from '../pages/format.js';

/** One explained item of a verdict, as the API returns it. */
interface ExplainedItem {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly outcome: string;
  readonly actual?: unknown;
  readonly expected?: string | null;
  readonly missing?: readonly string[] | null;
}

/**
 * A verdict's items as a table: label, outcome, the value found and what was required, and,
 * where the page explains a household, the fields that were missing.
 */
export function VerdictItemsTable({ items, withMissing = false }: { items: readonly ExplainedItem[]; withMissing?: boolean }) {
  const { t, pick } = useLocale();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...items]}
      columns={[
        { title: t('item'), dataIndex: 'label', render: (label: { zh: string; en: string }) => pick(label) },
        { title: t('outcome'), dataIndex: 'outcome', render: (outcome: string) => <Tag color={OUTCOME_COLOURS[outcome]}>{outcome}</Tag> },
        { title: t('valueFound'), dataIndex: 'actual', render: showValue },
        { title: t('required'), dataIndex: 'expected' },
        ...(withMissing ? [{ title: t('missingFields'), dataIndex: 'missing', render: (missing?: string[]) => missing?.join(', ') ?? '' }] : []),
      ]}
    />
  );
}
