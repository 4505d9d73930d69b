import { Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/locale.js';
import { getAt, joinPath, type Json, type JsonObject } from './draft-paths.js';
import { Field } from './problem-context.js';

type Edit = (path: string, value: Json | undefined) => void;
type Text = { zh: string; en: string };
interface Info {
  label?: Text;
  unit?: string | Record<string, string>;
  reference?: { document: string; section?: string; date?: string }[];
  provincialVariation?: Text;
}

const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const isPrimitiveList = (value: Json | undefined): value is (string | number | boolean)[] => Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null);

/**
 * A table keyed by year (`byYear`) or region (`byRegion`) as one editable row: a cell per key,
 * and a new key added as one new cell (adding 2021 to the exit line).
 */
function KeyedGrid({ path, table, edit, keyLabel }: { path: string; table: JsonObject; edit: Edit; keyLabel: string }) {
  const { t } = useLocale();
  const [newKey, setNewKey] = useState('');
  const keys = Object.keys(table);
  const add = () => {
    const key = newKey.trim();
    if (key === '' || key in table) return;
    edit(joinPath(path, key), 0);
    setNewKey('');
  };
  return (
    <Field path={path}>
      <Table
        size="small"
        pagination={false}
        bordered
        scroll={{ x: true }}
        rowKey={() => 'values'}
        dataSource={[table]}
        columns={keys.map((key) => ({
          title: key,
          key,
          render: () => (
            <Field path={joinPath(path, key)}>
              <InputNumber aria-label={`${keyLabel} ${key}`} value={typeof table[key] === 'number' ? (table[key] as number) : null} onChange={(value) => edit(joinPath(path, key), value ?? 0)} style={{ width: 110 }} />
            </Field>
          ),
        }))}
      />
      <Space.Compact style={{ marginTop: 8 }}>
        <Input aria-label={t('rulesNewKey', { what: keyLabel })} placeholder={keyLabel} value={newKey} onChange={(event) => setNewKey(event.target.value)} onPressEnter={add} style={{ width: 120 }} />
        <Button onClick={add} data-testid="add-key">
          {t('rulesAddCell')}
        </Button>
      </Space.Compact>
    </Field>
  );
}

/** One value of a parameter, by its shape: a number, a text, a list, a keyed table, or named fields. */
function ValueField({ path, value, edit, label }: { path: string; value: Json | undefined; edit: Edit; label: string }) {
  const { t } = useLocale();
  if (typeof value === 'number') {
    return (
      <Field path={path} inline>
        <InputNumber aria-label={label} value={value} onChange={(next) => edit(path, next ?? 0)} style={{ width: 160 }} />
      </Field>
    );
  }
  if (typeof value === 'string') {
    return (
      <Field path={path} inline>
        <Input aria-label={label} value={value} onChange={(event) => edit(path, event.target.value)} style={{ width: 240 }} />
      </Field>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <Field path={path} inline>
        <Select aria-label={label} value={value} onChange={(next: boolean) => edit(path, next)} options={[{ value: true, label: 'true' }, { value: false, label: 'false' }]} style={{ width: 100 }} />
      </Field>
    );
  }
  if (isPrimitiveList(value)) {
    return (
      <Field path={path}>
        <Select aria-label={label} mode="tags" value={value.map(String)} onChange={(next: string[]) => edit(path, next.map((v) => (value.every((x) => typeof x === 'number') && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)))} style={{ minWidth: 240 }} />
      </Field>
    );
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'byYear' || keys[0] === 'byRegion') && isObject(value[keys[0]])) {
      return <KeyedGrid path={joinPath(path, keys[0])} table={value[keys[0]] as JsonObject} edit={edit} keyLabel={keys[0] === 'byYear' ? t('rulesYear') : t('rulesRegion')} />;
    }
    return (
      <Field path={path}>
        <Space wrap>
          {keys.map((key) => (
            <label key={key}>
              <Typography.Text type="secondary">{key} </Typography.Text>
              <ValueField path={joinPath(path, key)} value={value[key]} edit={edit} label={`${label} ${key}`} />
            </label>
          ))}
        </Space>
      </Field>
    );
  }
  return (
    <Field path={path}>
      <Typography.Text code>{JSON.stringify(value)}</Typography.Text>
    </Field>
  );
}

/**
 * The draft's parameters as a form: each with its zh/en label, unit and references from
 * `parameterInfo` (what makes a parameter read like law), and its value as an input or grid.
 */
export function ParameterFields({ draft, edit }: { draft: JsonObject; edit: Edit }) {
  const { t, pick } = useLocale();
  const parameters = getAt(draft, 'parameters');
  const infos = getAt(draft, 'parameterInfo');
  if (!isObject(parameters)) return <Field path="parameters">{t('noData')}</Field>;
  return (
    <div data-testid="parameter-fields">
      {Object.keys(parameters).map((name) => {
        const info = (isObject(infos) ? infos[name] : undefined) as Info | undefined;
        const label = info?.label ? pick(info.label) : name;
        const unit = typeof info?.unit === 'string' ? info.unit : info?.unit ? Object.entries(info.unit).map(([k, u]) => `${k}: ${u}`).join(', ') : '';
        return (
          <section key={name} data-parameter={name} style={{ marginBottom: 16, borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
            <Typography.Text strong>{label}</Typography.Text> <Typography.Text type="secondary" code>{name}</Typography.Text>
            {unit && <Typography.Text type="secondary">{` · ${t('rulesUnit')}: ${unit}`}</Typography.Text>}
            <div style={{ margin: '6px 0' }}>
              <ValueField path={joinPath('parameters', name)} value={parameters[name]} edit={edit} label={label} />
            </div>
            {info?.reference && info.reference.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18, fontSize: 12, color: '#595959' }}>
                {info.reference.map((ref, index) => (
                  <li key={index}>{`${t('rulesReference')}: ${[ref.document, ref.section, ref.date].filter(Boolean).join(' · ')}`}</li>
                ))}
              </ul>
            )}
            {info?.provincialVariation && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>{pick(info.provincialVariation)}</Typography.Paragraph>}
          </section>
        );
      })}
    </div>
  );
}
