import { describe, expect, it } from 'vitest';
import raw from '../assets/vendors.json';
import { lintDataset } from '../utils/dataset/lint';
import { dataset } from '../utils/dataset/bundled';
import { FACT_KEYS, isRealDate } from '../utils/dataset/schema';
import { isRegistrableHost } from '../utils/matching/hostname';
import { makeDataset, makeProduct } from './fixtures/make-product';

const today = new Date().toISOString().slice(0, 10);

describe('the bundled dataset', () => {
  it('passes every schema and lint rule', () => {
    expect(lintDataset(raw, today)).toEqual([]);
  });

  it('covers at least 40 products', () => {
    expect(dataset.products.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    'skype',
    'skype-for-business',
    'microsoft-teams',
    'microsoft-teams-free',
    'zoom',
    'zoomgov',
    'google-meet',
    'webex',
    'goto-meeting',
    'doxy-me',
    'vsee',
    'whereby',
    'jitsi-meet',
    '8x8-jaas',
    'facetime',
    'whatsapp-web',
    'facebook-messenger',
    'signal',
    'telegram-web',
    'discord',
    'slack-huddles',
    'simplepractice-telehealth',
    'therapynotes-telehealth',
    'doximity',
    'spruce',
    'updox',
    'thera-link',
    'ringcentral-video',
    'zoho-meeting',
    'amazon-chime',
    'bluejeans',
    'facebook-live',
    'twitch',
    'tiktok-live',
    'youtube-live',
  ])('includes %s', (id) => {
    expect(dataset.products.map((p) => p.id)).toContain(id);
  });

  it('gives every fact of every product a source with a real date, not in the future', () => {
    for (const product of dataset.products) {
      for (const key of FACT_KEYS) {
        expect(product[key].sources.length, `${product.id}.${key}`).toBeGreaterThan(0);
        for (const source of product[key].sources) {
          expect(isRealDate(source.checked), `${product.id}.${key} ${source.url}`).toBe(true);
          expect(source.checked <= today, `${product.id}.${key} ${source.url}`).toBe(true);
        }
      }
    }
  });

  it('keeps every host a valid, lowercase, registrable host name', () => {
    for (const product of dataset.products) {
      for (const site of product.sites) expect(isRegistrableHost(site.host), `${product.id}: ${site.host}`).toBe(true);
    }
  });

  it('records the retirement of products that are gone', () => {
    const byId = new Map(dataset.products.map((p) => [p.id, p]));
    expect(byId.get('skype')?.status).toMatchObject({ value: 'discontinued', date: '2025-05-05' });
    for (const id of ['skype-for-business', 'amazon-chime', 'bluejeans']) {
      expect(byId.get(id)?.status.value, id).toBe('discontinued');
    }
  });

  it('marks the broadcast tools HHS names as public-facing', () => {
    const byId = new Map(dataset.products.map((p) => [p.id, p]));
    for (const id of ['facebook-live', 'twitch', 'tiktok-live', 'youtube-live']) {
      expect(byId.get(id)?.publicFacing.value, id).toBe(true);
    }
  });

  // Explainers whose facts we could only find in secondary copies so far: a
  // regulator or vendor page should replace them when one is found. Adding an
  // explainer to this list is a decision, not a way to make the test pass.
  const SECONDARY_ONLY_EXPLAINERS = ['hipaa-certifies-no-product'];

  it('has the explainers the popup shows, each with a regulator or vendor source', () => {
    const ids = dataset.explainers.map((e) => e.id);
    for (const id of [
      'what-is-a-baa',
      'hipaa-certifies-no-product',
      'encryption-is-not-a-baa',
      'enforcement-discretion-ended',
      'free-tiers-rarely-baa',
    ]) {
      expect(ids).toContain(id);
    }
    for (const explainer of dataset.explainers) {
      const primary = explainer.sources.some((s) => s.publisher !== 'secondary');
      expect(primary, explainer.id).toBe(!SECONDARY_ONLY_EXPLAINERS.includes(explainer.id));
    }
  });
});

describe('lintDataset catches bad data', () => {
  const good = makeProduct('good', ['good.example']);
  const lint = (products: unknown[]) =>
    lintDataset({ version: 1, updated: '2026-11-24', products, explainers: [] }, '2026-11-24');

  it.each([
    ['a host claimed by two products', [good, makeProduct('other', ['good.example'])], /already claimed by good/],
    ['an invalid host', [makeProduct('bad', ['Not A Host'])], /not a valid host name/],
    ['a bare public suffix', [makeProduct('bad', ['co.uk'])], /not a valid host name/],
    ['an IP address', [makeProduct('bad', ['192.168.0.1'])], /not a valid host name/],
    ['a future date', [makeProduct('bad', ['bad.example'], { reviewed: '2099-01-01' })], /in the future/],
    ['an impossible date', [makeProduct('bad', ['bad.example'], { reviewed: '2025-02-30' })], /real calendar date/],
    ['a fact without sources', [{ ...good, e2ee: { ...good.e2ee, sources: [] } }], /at least one source/],
    ['unsorted products', [makeProduct('zzz', ['z.example']), makeProduct('aaa', ['a.example'])], /sorted by id/],
    [
      'a discontinued product with no date',
      [makeProduct('bad', ['bad.example'], { status: { value: 'discontinued' } })],
      /needs the date/,
    ],
    ['a product with no sites and no notes', [makeProduct('bad', [])], /no sites needs notes/],
    ['an unknown field', [{ ...good, colour: 'red' }], /colour/],
    [
      'a sentence as a successor',
      [
        makeProduct('bad', ['bad.example'], {
          status: {
            value: 'discontinued',
            date: '2026-02-20',
            successor: 'No direct successor named in the sources found.',
          },
        }),
      ],
      /a successor is a product name/,
    ],
    [
      'package-registry documentation as a source',
      [
        {
          ...good,
          e2ee: {
            ...good.e2ee,
            sources: [{ ...good.e2ee.sources[0], url: 'https://docs.rs/some-crate/latest/some_crate/' }],
          },
        },
      ],
      /package-registry documentation \(docs\.rs\)/,
    ],
    [
      'an npm page as a source',
      [
        {
          ...good,
          baa: { ...good.baa, sources: [{ ...good.baa.sources[0], url: 'https://www.npmjs.com/package/vendor-sdk' }] },
        },
      ],
      /package-registry documentation \(npmjs\.com\)/,
    ],
    [
      'a non-https source',
      [{ ...good, baa: { ...good.baa, sources: [{ ...good.baa.sources[0], url: 'http://x.example/' }] } }],
      /https/,
    ],
  ])('refuses %s', (_what, products, message) => {
    expect(lint(products).join('\n')).toMatch(message);
  });

  it('allows one host for several products when path prefixes separate them', () => {
    const shared = makeDataset([
      makeProduct('chat', [{ host: 'social.example', paths: ['/messages'] }]),
      makeProduct('live', [{ host: 'social.example', paths: ['/live'] }], { publicFacing: true }),
    ]);
    expect(lintDataset(shared, '2026-11-24')).toEqual([]);
  });
});
