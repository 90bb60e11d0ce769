import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { bannerDataset, slimDataset } from '../utils/dataset/slim';
import { callLinkHosts, makeLinkPrefilter } from '../utils/links/prefilter';
import { unwrapUrl } from '../utils/links/unwrap';
import type { Settings } from '../utils/settings/schema';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { assess } from '../utils/verdict/assess';

/** What the link checker works with: the banner's share of the dataset. */
const slim = slimDataset(bannerDataset(dataset));
const settings: Settings = {
  ...EMPTY_SETTINGS,
  customVendors: [
    {
      id: 'custom-clinic',
      name: 'Clinic video',
      sites: [{ host: 'video.clinic.example' }],
      baa: 'offered',
      e2ee: 'unknown',
      sources: [],
    },
  ],
};
const prefilter = makeLinkPrefilter(callLinkHosts(slim, settings));

/** Would the link checker mark this link: unwrapped, then judged a call or an app? */
function marked(href: string): boolean {
  const unwrapped = unwrapUrl(href);
  if (unwrapped.kind !== 'url') return false;
  const result = assess(unwrapped.url, slim, settings);
  return result.ok && (result.match?.page === 'call' || result.match?.page === 'app');
}

const callExamples = dataset.products.flatMap((p) =>
  p.sites.flatMap((s) => (s.pages ?? []).filter((r) => r.kind !== 'site').flatMap((r) => r.examples)),
);

describe('the link prefilter never skips a link assess calls a call or an app', () => {
  it.each([
    'https://zoom.us./j/5551112222',
    'https://zoom.us\\j\\5551112222',
    'https:\\\\zoom.us\\j\\5551112222',
    'https://%7Aoom.us/j/5551112222',
    'https:zoom.us/j/5551112222',
    'https:/zoom.us/j/5551112222',
    'HTTPS://ZOOM.US/J/5551112222',
    ' https://zoom.us/j/5551112222',
    'ht\ttps://zoom.us/j/5551112222',
    'https://zo\nom.us/j/5551112222',
    'https://user@zoom.us/j/5551112222',
    'https://zoom.us:443/j/5551112222',
    'https://video.clinic.example/room',
    'https://www.google.com/url?q=https%3A%2F%2Fzoom.us%2Fj%2F5551112222',
    'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fzoom.us%2Fj%2F5551112222',
  ])('%j passes, and is a call', (href) => {
    expect(prefilter(href)).toBe(true);
    expect(marked(href)).toBe(true);
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://www.example.org/j/5551112222',
    'https://zoom.us.evil.example/j/5551112222',
    'https://evilzoom.us/j/5551112222',
    'mailto:drsmith@zoom.us',
    'tel:+15551112222',
    'javascript:void(0)',
    '#inbox',
    '/mail/u/0/',
  ])('%j is skipped without parsing', (href) => {
    expect(prefilter(href)).toBe(false);
  });

  it('passes every call and app example of the dataset', () => {
    for (const url of callExamples) expect(prefilter(url), url).toBe(true);
  });

  /** Ways to spell a link that the browser still opens as the same page. */
  const spelling = fc.record({
    scheme: fc.constantFrom(
      'https://',
      'http://',
      'HTTPS://',
      'https:',
      'https:/',
      'https:\\\\',
      'https:///',
      ' https://',
      'ht\ttps://',
      '\u0000https://',
      'https://user:pw@',
      'https://evil.example@',
    ),
    upper: fc.boolean(),
    trailingDot: fc.boolean(),
    escape: fc.nat({ max: 30 }),
    subdomain: fc.constantFrom('', 'www.', 'us02web.', 'a.b.'),
    port: fc.constantFrom('', ':443', ':', ':8080'),
    backslashes: fc.boolean(),
  });

  it('holds for odd spellings of real call links (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...callExamples), spelling, (example, s) => {
        const url = new URL(example);
        let host = s.subdomain + url.hostname + (s.trailingDot ? '.' : '');
        if (s.upper) host = host.toUpperCase();
        if (s.escape < host.length && /[a-z]/i.test(host[s.escape]!)) {
          host = host.slice(0, s.escape) + `%${host.charCodeAt(s.escape).toString(16)}` + host.slice(s.escape + 1);
        }
        let rest = url.pathname + url.search + url.hash;
        if (s.backslashes) rest = rest.replace(/\//g, '\\');
        const href = s.scheme + host + s.port + rest;
        if (!prefilter(href)) expect(marked(href), href).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('holds for any string and any web URL (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withFragments: true, withQueryParameters: true })), (href) => {
        if (!prefilter(href)) expect(marked(href), href).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
