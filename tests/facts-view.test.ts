import { describe, expect, it } from 'vitest';
import { isStale } from '../components/FactsView';
import { factRows } from '../utils/dataset/fact-rows';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';

describe('the facts a clinician reads', () => {
  it('flags a review older than twelve months', () => {
    expect(isStale('2025-11-24', '2026-11-24')).toBe(false);
    expect(isStale('2025-11-23', '2026-11-24')).toBe(true);
    expect(isStale('2026-01-01', '2026-11-24')).toBe(false);
  });

  it('words every fact of every product, each with a source, a site and a checked date', () => {
    for (const product of dataset.products) {
      const rows = factRows(product, english);
      expect(
        rows.map((r) => r.key),
        product.id,
      ).toEqual(['baa', 'freePlanBaa', 'e2ee', 'transit', 'status', 'openness', 'publicFacing', 'hhs2020']);
      for (const row of rows) {
        expect(row.label, `${product.id}.${row.key}`).not.toBe('');
        expect(row.value, `${product.id}.${row.key}`).not.toBe('');
        expect(row.sources.length, `${product.id}.${row.key}`).toBeGreaterThan(0);
        for (const source of row.sources)
          expect(source.note).toMatch(/^\((vendor|regulator|secondary source), checked \d{4}-\d{2}-\d{2}\)$/);
      }
    }
  });

  it('keeps the banner details to four facts with one source each', () => {
    const zoom = dataset.products.find((p) => p.id === 'zoom')!;
    const rows = factRows(zoom, english, true);
    expect(rows.map((r) => r.key)).toEqual(['baa', 'freePlanBaa', 'e2ee', 'status']);
    expect(rows.every((r) => r.sources.length === 1)).toBe(true);
    expect(rows[0]!.detail.join(' ')).toContain(zoom.baa.detail);
  });

  it('names a successor only where the sources name one, and labels it', () => {
    const status = (id: string) =>
      factRows(
        dataset.products.find((p) => p.id === id)!,
        english,
      ).find((r) => r.key === 'status')!;
    expect(status('skype').detail).toContain('Successor: Microsoft Teams (free)');
    // Amazon Chime has none: its status explains that, and nothing reads as a successor's name.
    const chime = status('amazon-chime');
    expect(chime.detail.join(' ')).toMatch(/No direct successor/);
    expect(chime.detail.join(' ')).not.toMatch(/Successor:/);
  });
});
