import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, type Locale, type MessageKey } from './messages.js';

interface LocaleValue {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  /** The console's own text, with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The locale's side of a `{zh, en}` text from the API. */
  pick(text: { zh: string; en: string } | null | undefined): string;
}

const LocaleContext = createContext<LocaleValue | null>(null);
const STORAGE_KEY = 'tuopin.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh';
}

/** Chinese first; the choice is remembered in this browser. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      setLocale: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLocaleState(next);
      },
      t: (key, values = {}) => CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
      pick: (text) => (text ? text[locale] : ''),
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
