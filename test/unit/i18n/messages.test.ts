import { describe, expect, it } from 'vitest';
import { langFrom, message, MESSAGES } from '../../../src/i18n/messages.js';

// The names each language fills; an English text that keeps its zh gloss names one twice.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the message catalogue', () => {
  it.each(Object.keys(MESSAGES))('has %s in both languages with the same placeholders', (key) => {
    const entry = MESSAGES[key as keyof typeof MESSAGES] as { zh?: string; en?: string };
    expect(entry.zh?.trim().length, `${key}.zh`).toBeGreaterThan(0);
    expect(entry.en?.trim().length, `${key}.en`).toBeGreaterThan(0);
    expect(placeholders(entry.zh!)).toEqual(placeholders(entry.en!));
  });

  it('fills every placeholder and leaves an unknown one visible', () => {
    expect(message('en', 'summary.villagesFail', { count: 28 })).toBe('Villages that do not meet the exit standard: 28');
    expect(message('zh', 'summary.villagesFail', { count: 28 })).toBe('未达到退出标准的村：28 个');
    expect(message('en', 'summary.villagesFail')).toContain('{count}');
  });

  it('names no internal identifier in a message', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) for (const text of [entry.zh, entry.en]) expect(text, key).not.toMatch(/acceptImpact|undefined|\[object/);
  });
});

describe('the language of a command', () => {
  it('is --lang when given, and refuses anything but zh or en', () => {
    expect(langFrom('zh', { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langFrom('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFrom('fr', {})).toBeNull();
  });

  it('is Chinese when LC_ALL, LC_MESSAGES or LANG (the first set) starts with zh, else English', () => {
    expect(langFrom(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFrom(undefined, { LC_MESSAGES: 'zh_TW', LANG: 'en_US' })).toBe('zh');
    expect(langFrom(undefined, { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFrom(undefined, { LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFrom(undefined, {})).toBe('en');
    expect(langFrom(undefined, { LANG: 'C.UTF-8' })).toBe('en');
  });
});
