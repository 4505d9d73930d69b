import { describe, expect, it } from 'vitest';
import { en, zh } from '../src/i18n/messages.js';

describe("the console's message catalogue", () => {
  it('has every key in Chinese and in English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });

  it('is Chinese in the Chinese catalogue', () => {
    const chinese = Object.values(zh).filter((text) => /[\u4e00-\u9fff]/.test(text));
    expect(chinese.length).toBe(Object.keys(zh).length);
  });
});
