import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { LOOKALIKE_URLS } from './fixtures/lookalike-urls';

/** Whole-host sites: the ones whose every path belongs to one product. */
const wholeHosts = dataset.products.flatMap((p) =>
  p.sites.filter((s) => !s.paths).map((s) => ({ host: s.host, id: p.id })),
);
const allHosts = new Set(dataset.products.flatMap((p) => p.sites.map((s) => s.host)));

const matchedId = (url: string) => {
  const result = assess(url, dataset);
  return result.ok ? (result.match?.entry.id ?? null) : 'error';
};

// Labels with "--" in third and fourth place are reserved for punycode
// (xn--…), and an invalid one is an error, not a host; leave them out.
const notReserved = (l: string) => l.slice(2, 4) !== '--';
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/).filter(notReserved);
// A last label of digits makes the browser read the host as an IPv4 address
// (an error, not a match), so h.x uses labels that start with a letter.
const topLabel = fc.stringMatching(/^[a-z](?:[a-z0-9-]{0,10}[a-z0-9])?$/).filter(notReserved);

describe('matching the bundled dataset', () => {
  it('matches x.h to the product of h for any dataset host h and label x', () => {
    fc.assert(
      fc.property(fc.constantFrom(...wholeHosts), label, (site, x) => {
        const host = `${x}.${site.host}`;
        fc.pre(!allHosts.has(host)); // a more specific dataset host would rightly win
        expect(matchedId(`https://${host}/room`)).toBe(site.id);
      }),
      { numRuns: 2000 },
    );
  });

  it('never matches h.x, xh or h-x', () => {
    const known = (host: string) => [...allHosts].some((h) => host === h || host.endsWith(`.${h}`));
    fc.assert(
      fc.property(fc.constantFrom(...wholeHosts), label, topLabel, (site, x, top) => {
        for (const host of [`${site.host}.${top}`, `${x}${site.host}`, `${site.host}-${x}`]) {
          if (known(host)) continue; // e.g. "zoom" + "gov.com" may be another real dataset host
          expect(matchedId(`https://${host}/room`), host).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case, a trailing dot, ports and userinfo as the browser does', () => {
    const { host, id } = wholeHosts[0]!;
    for (const url of [
      `https://${host.toUpperCase()}/x`,
      `https://${host}./x`,
      `https://${host}:8443/x`,
      `https://someone:secret@${host}/x`,
      `http://${host}/x`,
    ]) {
      expect(matchedId(url), url).toBe(id);
    }
  });

  it.each(LOOKALIKE_URLS)('%s is not a call platform (%s)', (url) => {
    expect(matchedId(url)).toBeNull();
  });

  it.each([
    ['https://us02web.zoom.us/j/123456789?pwd=abc', 'zoom'],
    ['https://teams.live.com/meet/9312345', 'microsoft-teams-free'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting', 'microsoft-teams'],
    ['https://meet.google.com/abc-defg-hij', 'google-meet'],
    ['https://www.facebook.com/messages/t/100', 'facebook-messenger'],
    ['https://www.messenger.com/t/100', 'facebook-messenger'],
    ['https://www.twitch.tv/somechannel', 'twitch'],
    ['https://web.whatsapp.com/', 'whatsapp-web'],
    ['https://doxy.me/drsmith', 'doxy-me'],
    ['https://meet.jit.si/SomeRoom', 'jitsi-meet'],
  ])('%s → %s', (url, id) => {
    expect(matchedId(url)).toBe(id);
  });

  it('reports an error, not a match, for text that is not a URL', () => {
    expect(matchedId('zoom.us/j/1')).toBe('error');
  });
});
