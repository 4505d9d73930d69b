import { Card, Input } from 'antd';
import { useLocale } from '../i18n/locale.js';
import { ConditionNode, factsNamed } from './condition-editor.js';
import { getAt, joinPath, type Json, type JsonObject } from './draft-paths.js';
import { Field } from './problem-context.js';

type Edit = (path: string, value: Json | undefined) => void;

/** A zh/en text as two inputs, each its own field (a missing zh label is shown at the zh input). */
export function TextPair({ path, text, edit, label }: { path: string; text: Json | undefined; edit: Edit; label: string }) {
  const value = (text ?? {}) as JsonObject;
  return (
    <Field path={path}>
      {(['zh', 'en'] as const).map((lang) => (
        <Field key={lang} path={joinPath(path, lang)}>
          <Input addonBefore={lang} aria-label={`${label} (${lang})`} value={typeof value[lang] === 'string' ? (value[lang] as string) : ''} onChange={(event) => edit(joinPath(path, lang), event.target.value)} style={{ marginBottom: 4 }} />
        </Field>
      ))}
    </Field>
  );
}

/** The version's own facts: version, effective date, change note and description. */
export function VersionFields({ draft, edit }: { draft: JsonObject; edit: Edit }) {
  const { t } = useLocale();
  return (
    <div data-testid="version-fields">
      <Field path="version">
        <label>
          {t('rulesVersion')} <Input aria-label={t('rulesVersion')} value={String(draft.version ?? '')} onChange={(event) => edit('version', Number(event.target.value))} style={{ width: 80 }} />
        </label>
      </Field>
      <Field path="effectiveFrom">
        <label>
          {t('rulesEffectiveFrom')} <Input aria-label={t('rulesEffectiveFrom')} value={String(draft.effectiveFrom ?? '')} onChange={(event) => edit('effectiveFrom', event.target.value)} style={{ width: 140, margin: '6px 0' }} />
        </label>
      </Field>
      <Field path="changeNote">
        <label>
          {t('rulesChangeNote')}
          <Input.TextArea aria-label={t('rulesChangeNote')} data-testid="change-note" autoSize value={String(draft.changeNote ?? '')} onChange={(event) => edit('changeNote', event.target.value)} />
        </label>
      </Field>
      <div style={{ marginTop: 6 }}>{t('rulesDescription')}</div>
      <TextPair path="description" text={draft.description} edit={edit} label={t('rulesDescription')} />
    </div>
  );
}

/** Each item: its id, its zh/en label, and its conditions in the tree editor. */
export function ItemFields({ draft, edit }: { draft: JsonObject; edit: Edit }) {
  const { t } = useLocale();
  const items = getAt(draft, 'items');
  const parameters = Object.keys((getAt(draft, 'parameters') ?? {}) as JsonObject);
  const facts = [...factsNamed(items)].sort();
  if (!Array.isArray(items)) return <Field path="items">{t('noData')}</Field>;
  return (
    <div data-testid="item-fields">
      {items.map((item, index) => {
        const path = joinPath('items', index);
        const value = (item ?? {}) as JsonObject;
        return (
          <Card key={index} size="small" title={<Field path={joinPath(path, 'id')}>{String(value.id ?? '')}</Field>} style={{ marginBottom: 12 }} data-item={String(value.id ?? index)}>
            <Field path={path}>
              <TextPair path={joinPath(path, 'label')} text={value.label} edit={edit} label={t('rulesItemLabel')} />
              <ConditionNode path={joinPath(path, 'conditions')} node={value.conditions} edit={edit} parameters={parameters} facts={facts} />
            </Field>
          </Card>
        );
      })}
    </div>
  );
}
