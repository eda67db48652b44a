import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the portal's words in Kazakh, Russian and English", () => {
  it.each(Object.entries(messages))('%s is said in all three languages, none left empty', (_key, entry) => {
    for (const text of [entry.kk, entry.ru, entry.en]) expect(text.trim()).not.toBe('');
  });

  it.each(Object.entries(messages))('%s fills in the same values in every language', (_key, entry) => {
    expect(placeholders(entry.kk)).toEqual(placeholders(entry.en));
    expect(placeholders(entry.ru)).toEqual(placeholders(entry.en));
  });
});
