import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import { formatMessage, type Catalog } from '../utils/vocabulary/messages';

const catalog = en as Catalog;

describe('the message catalogue', () => {
  it('formats placeholders the way chrome.i18n does', () => {
    expect(formatMessage(catalog, 'reason_no_baa', ['Apple', 'FaceTime'])).toBe(
      'Apple does not sign a BAA for FaceTime, so it is not for patient sessions, whatever its encryption.',
    );
    expect(
      formatMessage({ x: { message: 'Cost: $$5 for $A$', placeholders: { a: { content: '$1' } } } }, 'x', ['you']),
    ).toBe('Cost: $5 for you');
  });

  it('defines a placeholder for every $NAME$ a message uses, and uses every placeholder it defines', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const used = [
        ...new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase())),
      ].sort();
      const defined = Object.keys(entry.placeholders ?? {}).sort();
      expect(used, key).toEqual(defined);
    }
  });

  it('has a headline, a badge text of at most 4 characters and a next step for every verdict', () => {
    for (const verdict of ['approved', 'blocked', 'public', 'discontinued', 'no_baa', 'check_plan', 'unverified']) {
      expect(catalog[`verdict_${verdict}`]?.message, verdict).toBeTruthy();
      expect(catalog[`next_${verdict}`]?.message, verdict).toBeTruthy();
      expect(catalog[`badge_${verdict}`]?.message.length, verdict).toBeLessThanOrEqual(4);
    }
  });
});

describe('every locale', () => {
  const locales = import.meta.glob<Catalog>('../public/_locales/*/messages.json', { eager: true, import: 'default' });

  it.each(Object.keys(locales))('%s has exactly the English keys, with the same placeholders', (path) => {
    const catalogue = locales[path]!;
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(catalog).sort());
    for (const [key, entry] of Object.entries(catalog)) {
      const placeholders = (e: Catalog[string] | undefined) =>
        [...(e?.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g) ?? [])].map((m) => m[1]!.toLowerCase()).sort();
      expect(placeholders(catalogue[key]), `${path} ${key}`).toEqual(placeholders(entry));
    }
  });
});
