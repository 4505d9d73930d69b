import { Tag } from 'antd';
import { useLocale } from '../i18n/locale.js';
import { CATALOGUES, type MessageKey } from '../i18n/messages.js';

/** A standard's name from the catalogue, or its id for a standard the console does not name. */
function standardKey(ruleSetId: string): MessageKey | null {
  const key = `standardName_${ruleSetId}`;
  return key in CATALOGUES.zh ? (key as MessageKey) : null;
}

/**
 * Rule-set versions as tags, "贫困户退出 v2": a run's pinned versions on the runs page, and the
 * versions the overview's figures come from. Each tag carries the id and version for a reader
 * (or a test) that needs them without the language.
 */
export function RuleSetVersions({ versions }: { versions: Readonly<Record<string, number>> }) {
  const { t } = useLocale();
  return (
    <>
      {Object.entries(versions).map(([ruleSetId, version]) => {
        const key = standardKey(ruleSetId);
        return (
          <Tag key={ruleSetId} data-rule-set={ruleSetId} data-version={version}>
            {`${key ? t(key) : ruleSetId} v${version}`}
          </Tag>
        );
      })}
    </>
  );
}
