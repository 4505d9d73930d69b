import { Alert, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale.js';
import { formatJson, parseJsonText, type Json } from './draft-paths.js';

/**
 * The draft as raw JSON beside the form, in step with it: an edit in the form rewrites the text,
 * and text that parses to an object becomes the draft (the form follows). Text that is not JSON
 * stays here with where it breaks, and the draft keeps its last good state. The schema itself is
 * checked by the gate's schema step, whose problems carry their JSON path.
 */
export function JsonPane({ draft, onChange }: { draft: Json; onChange: (value: Json) => void }) {
  const { t } = useLocale();
  const [text, setText] = useState(() => formatJson(draft));
  const [broken, setBroken] = useState<{ message: string; line: number | null } | null>(null);
  useEffect(() => {
    // The form changed the draft: show it, unless this text already says the same.
    const parsed = parseJsonText(text);
    if (!parsed.ok || JSON.stringify(parsed.value) !== JSON.stringify(draft)) {
      setText(formatJson(draft));
      setBroken(null);
    }
    // Only a new draft rewrites the text; the text's own edits come through `change`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  const change = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next);
    if (!parsed.ok) return setBroken({ message: parsed.message, line: parsed.line });
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return setBroken({ message: t('rulesJsonNotObject'), line: null });
    setBroken(null);
    onChange(parsed.value);
  };
  return (
    <div>
      {broken && <Alert type="error" showIcon data-testid="json-error" title={broken.line === null ? broken.message : t('rulesJsonBroken', { line: broken.line, message: broken.message })} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        aria-label={t('rulesJson')}
        data-testid="rule-json"
        value={text}
        onChange={(event) => change(event.target.value)}
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 12, height: '70vh' }}
      />
    </div>
  );
}
