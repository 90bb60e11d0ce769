import { describe, expect, it } from 'vitest';
import { assess, assessAll, type Verdict } from '../utils/verdict/assess';
import { english } from '../utils/vocabulary/english';
import { parseSettings } from '../utils/settings/schema';
import { makeDataset, makeProduct } from './fixtures/make-product';

const dataset = makeDataset([
  makeProduct('offers-baa', ['offers.example'], { baa: { value: 'offered' } }),
  makeProduct('no-baa', ['nobaa.example'], { baa: { value: 'not-offered' } }),
  makeProduct('unknown-baa', ['unknown.example']),
  makeProduct('not-applicable', ['na.example'], { baa: { value: 'not-applicable' } }),
  makeProduct('retired', ['retired.example'], {
    baa: { value: 'offered' },
    status: { value: 'discontinued', date: '2025-05-05', successor: 'Microsoft Teams Free' },
  }),
  makeProduct('broadcast', [{ host: 'social.example', paths: ['/live'] }], { publicFacing: true }),
  makeProduct('social-chat', [{ host: 'social.example', paths: ['/messages'] }], { baa: { value: 'not-offered' } }),
]);

function reasonOf(url: string, settings = parseSettings({})): string | undefined {
  const result = assess(url, dataset, settings);
  return result.ok && result.match ? english(result.match.reason.key, result.match.reason.args) : undefined;
}

function verdictOf(url: string, settings = parseSettings({})): Verdict | null | 'error' {
  const result = assess(url, dataset, settings);
  if (!result.ok) return 'error';
  return result.match?.verdict ?? null;
}

describe('assess without settings', () => {
  it.each([
    ['https://offers.example/room', 'check-plan'],
    ['https://nobaa.example/room', 'no-baa'],
    ['https://unknown.example/room', 'unverified'],
    ['https://na.example/room', 'unverified'],
    ['https://retired.example/room', 'discontinued'],
    ['https://www.social.example/live/123', 'public'],
    ['https://www.social.example/messages/t/9', 'no-baa'],
    ['https://www.social.example/', null],
    ['https://example.org/', null],
    ['mailto:someone@offers.example', null],
    ['not a url', 'error'],
  ])('%s → %s', (url, verdict) => {
    expect(verdictOf(url)).toBe(verdict);
  });

  it('says why in one plain sentence that names the product', () => {
    expect(reasonOf('https://nobaa.example/')).toBe(
      'no-baa vendor does not sign a BAA for no-baa product, so it is not for patient sessions, whatever its encryption.',
    );
    expect(reasonOf('https://retired.example/')).toBe(
      'retired product was retired on 2025-05-05; its successor is Microsoft Teams Free.',
    );
  });

  it('returns a clear error for input that is not a URL', () => {
    expect(assess('zoom', dataset)).toEqual({ url: 'zoom', ok: false, error: 'not a URL' });
  });
});

describe('assess with settings', () => {
  it('an approval turns an offered or not-offered BAA into approved', () => {
    const settings = parseSettings({
      approvals: [{ productId: 'offers-baa', signedOn: '2026-01-15' }, { productId: 'no-baa' }],
    });
    expect(verdictOf('https://offers.example/', settings)).toBe('approved');
    expect(verdictOf('https://nobaa.example/', settings)).toBe('approved');
    expect(reasonOf('https://offers.example/', settings)).toBe(
      'You recorded a BAA with offers-baa vendor, signed 2026-01-15: use the account and plan that BAA covers.',
    );
  });

  it('an approval does not override public-facing or retired products', () => {
    const settings = parseSettings({ approvals: [{ productId: 'broadcast' }, { productId: 'retired' }] });
    expect(verdictOf('https://social.example/live', settings)).toBe('public');
    expect(verdictOf('https://retired.example/', settings)).toBe('discontinued');
  });

  it('a block beats everything, an approval included, and says who blocked', () => {
    const settings = parseSettings({
      organization: 'Lakeside Clinic',
      approvals: [{ productId: 'offers-baa' }],
      blocks: [{ productId: 'offers-baa', by: 'organization' }],
    });
    expect(verdictOf('https://offers.example/', settings)).toBe('blocked');
    expect(reasonOf('https://offers.example/', settings)).toBe(
      'Lakeside Clinic blocked offers-baa product for patient sessions.',
    );
    const result = assess('https://offers.example/', dataset, settings);
    expect(result.ok && result.match?.approval?.productId).toBe('offers-baa');
  });

  it('names the organization for its approvals', () => {
    const settings = parseSettings({
      organization: 'Lakeside Clinic',
      approvals: [{ productId: 'unknown-baa', by: 'organization' }],
    });
    expect(reasonOf('https://unknown.example/', settings)).toMatch(
      /^Approved by Lakeside Clinic: a signed BAA with unknown-baa vendor is on record/,
    );
    const unnamed = parseSettings({ blocks: [{ productId: 'unknown-baa', by: 'organization' }] });
    expect(reasonOf('https://unknown.example/', unnamed)).toBe(
      'Your organization blocked unknown-baa product for patient sessions.',
    );
  });

  it('custom vendors are matched, and a more specific custom host wins over the bundled one', () => {
    const settings = parseSettings({
      customVendors: [
        { id: 'clinic-video', name: 'Clinic Video', sites: [{ host: 'clinic.offers.example' }], baa: 'offered' },
        { id: 'self-hosted-jitsi', name: 'Our Jitsi', sites: [{ host: 'video.lakeside.example' }], baa: 'unknown' },
      ],
      approvals: [{ productId: 'clinic-video' }],
    });
    expect(verdictOf('https://clinic.offers.example/j/1', settings)).toBe('approved');
    expect(verdictOf('https://other.offers.example/j/1', settings)).toBe('check-plan');
    expect(verdictOf('https://video.lakeside.example/room', settings)).toBe('unverified');
    const result = assess('https://video.lakeside.example/room', dataset, settings);
    expect(result.ok && result.match?.entry.origin).toBe('custom');
  });

  it('gives the same answer for equal settings objects built separately (no stale cache)', () => {
    const a = parseSettings({ blocks: [{ productId: 'no-baa' }] });
    const b = parseSettings({});
    expect(verdictOf('https://nobaa.example/', a)).toBe('blocked');
    expect(verdictOf('https://nobaa.example/', b)).toBe('no-baa');
  });

  it('assessAll judges every bundled and custom entry', () => {
    const settings = parseSettings({
      customVendors: [{ id: 'mine', name: 'Mine', sites: [{ host: 'mine.example' }], baa: 'not-offered' }],
    });
    const all = assessAll(dataset, settings);
    expect(all.map((m) => [m.entry.id, m.verdict])).toContainEqual(['mine', 'no-baa']);
    expect(all).toHaveLength(dataset.products.length + 1);
  });
});

describe('parseSettings', () => {
  it('refuses settings of the wrong shape with a clear error', () => {
    expect(() => parseSettings({ approvals: [{ productId: 'Not Kebab' }] })).toThrow(/kebab-case/);
    expect(() =>
      parseSettings({ customVendors: [{ id: 'x', name: '', sites: [{ host: 'x.example' }], baa: 'offered' }] }),
    ).toThrow(/needs a name/);
  });
});

describe('page kinds of custom vendors', () => {
  const pageOf = (url: string, settings: ReturnType<typeof parseSettings>) => {
    const result = assess(url, dataset, settings);
    return result.ok && result.match ? [result.match.entry.id, result.match.page] : null;
  };

  it('makes every page of a custom vendor without paths a call page (a clinic adds a host because calls run there)', () => {
    const settings = parseSettings({
      customVendors: [{ id: 'tele', name: 'Tele', sites: [{ host: 'tele.example' }], baa: 'offered' }],
    });
    expect(pageOf('https://tele.example/', settings)).toEqual(['tele', 'call']);
    expect(pageOf('https://room.tele.example/anything', settings)).toEqual(['tele', 'call']);
  });

  it('with call-page paths, makes only those calls; the rest of its own host stays its site pages', () => {
    const settings = parseSettings({
      customVendors: [
        { id: 'tele', name: 'Tele', sites: [{ host: 'tele.example', paths: ['/visit'] }], baa: 'offered' },
      ],
    });
    expect(pageOf('https://tele.example/visit/42', settings)).toEqual(['tele', 'call']);
    expect(pageOf('https://tele.example/billing', settings)).toEqual(['tele', 'site']);
  });

  it('on a host a bundled product covers, claims only its paths and leaves the rest to that product', () => {
    const settings = parseSettings({
      customVendors: [
        {
          id: 'our-room',
          name: 'Our room',
          sites: [{ host: 'offers.example', paths: ['/my/drsmith'] }],
          baa: 'offered',
        },
      ],
    });
    expect(pageOf('https://offers.example/my/drsmith', settings)).toEqual(['our-room', 'call']);
    expect(pageOf('https://offers.example/room', settings)).toEqual(['offers-baa', 'call']);
    expect(pageOf('https://offers.example/', settings)).toEqual(['offers-baa', 'site']);
  });

  it('has no page kind in the directory, where no URL is judged', () => {
    expect(assessAll(dataset).every((m) => m.page === null)).toBe(true);
  });
});
