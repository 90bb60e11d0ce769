import { describe, expect, it } from 'vitest';
import { assess } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { bannerShares, decodeSlim, encodeBannerSlim, slimDataset } from '../utils/dataset/slim';
import { makeDataset, makeProduct } from './fixtures/make-product';
import { bannerHostPatterns, callHostPatterns } from '../utils/dataset/host-patterns';

describe('the content script dataset', () => {
  const slim = slimDataset(dataset);

  it('gives the same verdict and reason as the full dataset for every site of every product', () => {
    for (const product of dataset.products) {
      for (const site of product.sites) {
        const url = `https://${site.host}${site.paths?.[0] ?? '/'}`;
        const full = assess(url, dataset);
        const light = assess(url, slim);
        expect(light.ok && light.match?.verdict, url).toBe(full.ok && full.match?.verdict);
        expect(light.ok && light.match?.reason, url).toEqual(full.ok && full.match?.reason);
      }
    }
  });

  it('keeps every product, with or without a site (the background knows every bundled id), and the banner only those with one', () => {
    expect(slim.products.map((p) => p.id)).toEqual(dataset.products.map((p) => p.id));
    expect(slim.products.find((p) => p.id === 'updox')?.sites).toEqual([]);
    expect(decodeSlim(encodeBannerSlim(dataset)).products.find((p) => p.id === 'updox')).toBeUndefined();
    // A product without a site never matches a page.
    expect(assess('https://updox.com/', slim)).toMatchObject({ ok: true, match: null });
  });

  // Every URL the dataset knows: page-rule examples, pages that are not calls, each site's root.
  const urls = (source: typeof dataset) =>
    source.products.flatMap((p) =>
      p.sites.flatMap((site) => [
        `https://${site.host}${site.paths?.[0] ?? '/'}`,
        `https://deep.sub.${site.host}/some/page`,
        ...(site.notCalls ?? []),
        ...(site.pages ?? []).flatMap((rule) => rule.examples),
      ]),
    );
  /** What the banner does on a URL: nothing (site pages, no match) or the product and page kind it warns with. */
  const bannerOn = (url: string, list: Parameters<typeof assess>[1]) => {
    const r = assess(url, list);
    return r.ok && r.match && r.match.page !== 'site'
      ? `${r.match.entry.id} ${r.match.page} ${r.match.verdict}`
      : 'nothing';
  };

  it("the banner's copy, without sites that never warn, warns exactly where the full list does", () => {
    const banner = decodeSlim(encodeBannerSlim(dataset));
    expect(banner.products.length).toBeLessThanOrEqual(slim.products.length);
    for (const url of urls(dataset)) expect(bannerOn(url, banner), url).toBe(bannerOn(url, slim));
  });

  it("keeps a quiet site in the banner's copy where a warning site's host is its parent", () => {
    // portal.clinic.example is quiet (no call pages) and sits under clinic.example, whose pages are calls.
    const shadowed = makeDataset([
      makeProduct('calls', ['clinic.example']),
      makeProduct('quiet', [{ host: 'portal.clinic.example' }]),
      makeProduct('elsewhere', [{ host: 'ehr.example' }]),
    ]);
    const banner = decodeSlim(encodeBannerSlim(shadowed));
    expect(banner.products.map((p) => p.id)).toEqual(['calls', 'quiet']);
    expect(bannerOn('https://portal.clinic.example/visit/1', banner)).toBe('nothing');
    expect(bannerOn('https://clinic.example/room', banner)).toMatch(/^calls call/);
  });

  it('runs the banner script wherever a banner can appear, and nowhere it cannot', () => {
    const patterns = bannerHostPatterns(dataset);
    const all = callHostPatterns(dataset);
    const base = (p: string) => p.slice('*://*.'.length, -'/*'.length);
    const under = (host: string, list: string[]) => list.some((p) => host === base(p) || host.endsWith(`.${base(p)}`));
    // Never wider than the permissions (narrower where only a subdomain brings banners: studio.youtube.com).
    for (const p of patterns) expect(under(base(p), all), p).toBe(true);
    const covered = (url: string) => under(new URL(url).hostname, patterns);
    for (const url of urls(dataset)) {
      if (bannerOn(url, slim) !== 'nothing') expect(covered(url), url).toBe(true);
    }
    // A host whose pages are all site pages gets the badge's permission but not the script.
    const quiet = dataset.products.flatMap((p) =>
      p.sites.filter((site) => !(site.pages ?? []).some((r) => r.kind !== 'site')),
    );
    expect(quiet.length).toBeGreaterThan(0);
    expect(patterns.length).toBeLessThan(all.length);
  });
});

describe("the banner's data, one share per host pattern", () => {
  const patterns = bannerHostPatterns(dataset);
  const hosts = patterns.map((p) => p.slice('*://*.'.length, -'/*'.length));
  const shares = bannerShares(dataset, hosts);
  const bannerOn = (url: string, list: Parameters<typeof assess>[1]) => {
    const r = assess(url, list);
    return r.ok && r.match && r.match.page !== 'site'
      ? `${r.match.entry.id} ${r.match.page} ${r.match.verdict}`
      : 'nothing';
  };
  const full = decodeSlim(encodeBannerSlim(dataset));

  it('warns on every page exactly as the whole banner list does, with only the share its host pattern loads', () => {
    const urls = dataset.products.flatMap((p) =>
      p.sites.flatMap((s) => [
        ...(s.pages ?? []).flatMap((r) => r.examples),
        ...(s.notCalls ?? []),
        `https://deep.sub.${s.host}/x`,
      ]),
    );
    let checked = 0;
    for (const url of urls) {
      const host = new URL(url).hostname;
      const i = hosts.findIndex((h) => host === h || host.endsWith(`.${h}`));
      if (i < 0) {
        expect(bannerOn(url, full), `${url} has no share, so it must never warn`).toBe('nothing');
        continue;
      }
      expect(bannerOn(url, decodeSlim(shares[i]!.rows)), url).toBe(bannerOn(url, full));
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("knows the product's other hosts, so a call frame can tell its own product's page around it", () => {
    const teams = shares[hosts.indexOf('teams.cloud.microsoft')]!;
    const around = assess('https://teams.microsoft.com/', decodeSlim(teams.rows));
    expect(around.ok && around.match?.entry.id).toBe('microsoft-teams');
  });

  it('is small: no share carries another pattern’s rules', () => {
    for (const [i, share] of shares.entries()) {
      const withRules = share.rows
        .flatMap((row) => row[3])
        .filter((site) => site.includes(' '))
        .map((site) => site.split(' ')[0]!.split('/')[0]!);
      for (const host of withRules)
        expect(host === hosts[i] || host.endsWith(`.${hosts[i]}`), `${hosts[i]} carries ${host}`).toBe(true);
    }
  });
});
