import { AutoComplete, Button, Input, InputNumber, Select, Space } from 'antd';
import { useLocale } from '../i18n/locale.js';
import { joinPath, type Json, type JsonObject } from './draft-paths.js';
import { Field } from './problem-context.js';

type Edit = (path: string, value: Json | undefined) => void;

/** json-rules-engine's default operators, the only ones the rule language allows (src/engine/condition-schema.ts). */
const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

type ValueKind = 'number' | 'text' | 'boolean' | 'list' | 'param' | 'fact';

const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

function kindOf(value: Json | undefined): ValueKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (isObject(value) && 'param' in value) return 'param';
  if (isObject(value) && 'fact' in value) return 'fact';
  return 'text';
}

const EMPTY: Record<ValueKind, Json> = { number: 0, text: '', boolean: true, list: [], param: { param: '' }, fact: { fact: '' } };

/** A comparison value: a literal, a list, a rule-set parameter (`{"param": …}`) or another fact (`{"fact": …, "path"?: …}`). */
function ValueEditor({ path, value, edit, parameters, facts }: { path: string; value: Json | undefined; edit: Edit; parameters: string[]; facts: string[] }) {
  const { t } = useLocale();
  const kind = kindOf(value);
  const kinds: ValueKind[] = ['number', 'text', 'boolean', 'list', 'param', 'fact'];
  return (
    <Field path={path} inline>
      <Space.Compact>
        <Select aria-label={t('rulesValueKind')} value={kind} onChange={(next: ValueKind) => edit(path, EMPTY[next])} options={kinds.map((k) => ({ value: k, label: t(`rulesKind_${k}`) }))} style={{ width: 110 }} />
        {kind === 'number' && <InputNumber aria-label={t('rulesValue')} value={value as number} onChange={(next) => edit(path, next ?? 0)} />}
        {kind === 'text' && <Input aria-label={t('rulesValue')} value={value as string} onChange={(event) => edit(path, event.target.value)} style={{ width: 160 }} />}
        {kind === 'boolean' && <Select aria-label={t('rulesValue')} value={value as boolean} onChange={(next: boolean) => edit(path, next)} options={[{ value: true, label: 'true' }, { value: false, label: 'false' }]} style={{ width: 90 }} />}
        {kind === 'list' && (
          <Select aria-label={t('rulesValue')} mode="tags" value={(value as Json[]).map(String)} onChange={(next: string[]) => edit(path, next)} style={{ minWidth: 160 }} />
        )}
        {kind === 'param' && (
          <Select aria-label={t('rulesParameter')} showSearch value={(value as JsonObject).param as string} onChange={(next: string) => edit(path, { param: next })} options={parameters.map((p) => ({ value: p, label: p }))} style={{ minWidth: 200 }} />
        )}
        {kind === 'fact' && (
          <AutoComplete aria-label={t('rulesFact')} value={(value as JsonObject).fact as string} onChange={(next: string) => edit(joinPath(path, 'fact'), next)} options={facts.map((f) => ({ value: f }))} style={{ width: 160 }} />
        )}
      </Space.Compact>
    </Field>
  );
}

interface NodeProps {
  path: string;
  node: Json | undefined;
  edit: Edit;
  parameters: string[];
  facts: string[];
  onRemove?: () => void;
}

/**
 * A condition of json-rules-engine as a tree: `all`/`any` groups, `not`, and comparisons of a
 * fact (with its optional JSONPath `path`) to a value. Keys the editor does not show stay as
 * they are, so the form and the JSON round-trip.
 */
export function ConditionNode({ path, node, edit, parameters, facts, onRemove }: NodeProps) {
  const { t } = useLocale();
  const remove = onRemove && (
    <Button size="small" onClick={onRemove}>
      {t('rulesRemove')}
    </Button>
  );
  if (isObject(node) && ('all' in node || 'any' in node)) {
    const combinator = 'all' in node ? 'all' : 'any';
    const children = Array.isArray(node[combinator]) ? (node[combinator] as Json[]) : [];
    const childrenPath = joinPath(path, combinator);
    const regroup = (next: 'all' | 'any') => {
      const { [combinator]: list, ...rest } = node;
      edit(path, { ...rest, [next]: list ?? [] });
    };
    return (
      <Field path={path}>
        <div style={{ borderLeft: '3px solid #91caff', paddingLeft: 8, margin: '4px 0' }}>
          <Space size="small" style={{ marginBottom: 4 }}>
            <Select aria-label={t('rulesCombinator')} size="small" value={combinator} onChange={regroup} options={[{ value: 'all', label: t('rulesAll') }, { value: 'any', label: t('rulesAny') }]} style={{ width: 150 }} />
            <Button size="small" onClick={() => edit(joinPath(childrenPath, children.length), { fact: facts[0] ?? '', operator: 'equal', value: true })}>
              {t('rulesAddCondition')}
            </Button>
            <Button size="small" onClick={() => edit(joinPath(childrenPath, children.length), { all: [{ fact: facts[0] ?? '', operator: 'equal', value: true }] })}>
              {t('rulesAddGroup')}
            </Button>
            {remove}
          </Space>
          {children.map((child, index) => (
            <ConditionNode key={index} path={joinPath(childrenPath, index)} node={child} edit={edit} parameters={parameters} facts={facts} onRemove={() => edit(joinPath(childrenPath, index), undefined)} />
          ))}
        </div>
      </Field>
    );
  }
  if (isObject(node) && 'not' in node) {
    return (
      <Field path={path}>
        <div style={{ borderLeft: '3px solid #ffa39e', paddingLeft: 8, margin: '4px 0' }}>
          <Space size="small">
            <strong>{t('rulesNot')}</strong>
            {remove}
          </Space>
          <ConditionNode path={joinPath(path, 'not')} node={node.not} edit={edit} parameters={parameters} facts={facts} />
        </div>
      </Field>
    );
  }
  const leaf = isObject(node) ? node : {};
  return (
    <Field path={path}>
      <Space wrap size="small" style={{ margin: '2px 0' }} data-condition={path}>
        <Field path={joinPath(path, 'fact')} inline>
          <AutoComplete aria-label={t('rulesFact')} value={(leaf.fact as string) ?? ''} onChange={(next: string) => edit(joinPath(path, 'fact'), next)} options={facts.map((f) => ({ value: f }))} style={{ width: 170 }} />
        </Field>
        <Field path={joinPath(path, 'path')} inline>
          <Input aria-label={t('rulesFactPath')} placeholder="$.field" value={(leaf.path as string) ?? ''} onChange={(event) => edit(joinPath(path, 'path'), event.target.value === '' ? undefined : event.target.value)} style={{ width: 150 }} />
        </Field>
        <Field path={joinPath(path, 'operator')} inline>
          <Select aria-label={t('rulesOperator')} value={(leaf.operator as string) ?? 'equal'} onChange={(next: string) => edit(joinPath(path, 'operator'), next)} options={OPERATORS.map((o) => ({ value: o, label: o }))} style={{ width: 190 }} />
        </Field>
        <ValueEditor path={joinPath(path, 'value')} value={leaf.value} edit={edit} parameters={parameters} facts={facts} />
        {remove}
      </Space>
    </Field>
  );
}

/** The facts a rule set's conditions already name: the choices offered (the gate's static check knows the whole catalogue). */
export function factsNamed(node: Json | undefined, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) factsNamed(child, into);
  else if (isObject(node)) {
    if (typeof node.fact === 'string' && node.fact !== '') into.add(node.fact);
    for (const value of Object.values(node)) if (typeof value === 'object') factsNamed(value, into);
  }
  return into;
}
