import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { bannerDataset, slimDataset } from '../utils/dataset/slim';
import { checkCorpus, CorpusSchema } from '../utils/links/corpus';
import { callLinkHosts, makeLinkPrefilter } from '../utils/links/prefilter';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { assess } from '../utils/verdict/assess';

/**
 * The meeting-link corpus is the referee of the page rules: every call link
 * a call, every app link an app, every other link of those hosts quiet,
 * every look-alike unmatched. `npm run --silent corpus` prints the same
 * figures per product.
 */
const corpus = v.parse(CorpusSchema, JSON.parse(readFileSync('tests/fixtures/meeting-links.json', 'utf8')));
const result = checkCorpus(corpus, dataset);
const links = (kind: 'call' | 'app') =>
  Object.values(corpus.products).flatMap((p) =>
    (p.shapes ?? []).filter((s) => s.kind === kind).flatMap((s) => s.links),
  );
const siteLinks = Object.values(corpus.products).flatMap((p) => (p.sites ?? []).flatMap((s) => s.links));

describe('the meeting-link corpus', () => {
  it('names only products of the dataset and sources it lists', () => {
    expect(result.problems).toEqual([]);
  });

  it('judges every link as the corpus says: calls, apps, quiet site pages, unmatched look-alikes', () => {
    expect(result.misses).toEqual([]);
  });

  it('is large enough to referee: 400 call or app links, 400 site links, look-alikes', () => {
    expect(result.totals.callOrApp).toBeGreaterThanOrEqual(400);
    expect(result.totals.sites).toBeGreaterThanOrEqual(400);
    expect(result.totals.lookalikes).toBeGreaterThanOrEqual(30);
  });

  it('has call links for every product with a public call shape, and reaches each of its call and app rules', () => {
    const rows = new Map(result.products.map((row) => [row.product, row]));
    for (const product of dataset.products) {
      const rules = product.sites.flatMap((s) => (s.pages ?? []).filter((r) => r.kind !== 'site'));
      if (!rules.some((r) => r.kind === 'call')) continue;
      const row = rows.get(product.id);
      expect(row?.calls ?? 0, product.id).toBeGreaterThan(0);
      expect(row?.rulesReached, `${product.id}: rules no corpus link reaches`).toBe(row?.rules);
    }
  });

  it('lists each link once', () => {
    const all = [...links('call'), ...links('app'), ...siteLinks, ...corpus.lookalikes.map((l) => l.url)];
    const seen = new Set<string>();
    const twice = all.filter((url) => seen.size === seen.add(url).size);
    expect(twice).toEqual([]);
  });

  it('every source is checked, with a quote where it is a page', () => {
    for (const [key, source] of Object.entries(corpus.sources)) {
      expect(source.checked <= corpus.updated, key).toBe(true);
    }
  });
});

describe('the same corpus through every door', () => {
  it('the banner’s copy of the dataset warns on the same links', () => {
    const slim = slimDataset(bannerDataset(dataset));
    for (const url of [...links('call'), ...links('app')]) {
      const full = assess(url, dataset);
      const small = assess(url, slim);
      expect(small.ok && small.match?.page, url).toBe(full.ok && full.match?.page);
    }
  });

  it('the link markers’ prefilter lets every call and app link through', () => {
    const prefilter = makeLinkPrefilter(callLinkHosts(slimDataset(bannerDataset(dataset)), EMPTY_SETTINGS));
    for (const url of [...links('call'), ...links('app')]) expect(prefilter(url), url).toBe(true);
  });
});
