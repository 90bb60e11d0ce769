import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LAYERS, unwrapUrl } from '../utils/links/unwrap';

const ZOOM = 'https://us02web.zoom.us/j/123456789?pwd=abc';
const enc = encodeURIComponent;

/** Real-shaped wrapped links, each with the URL it leads to and the wrappers met on the way. */
const WRAPPED: [string, string, string, string[]][] = [
  [
    'Google redirect (Gmail, Calendar)',
    `https://www.google.com/url?q=${enc(ZOOM)}&sa=D&source=calendar&ust=1733000000000000&usg=AOvVaw1`,
    ZOOM,
    ['google-redirect'],
  ],
  [
    'Google redirect, url= form',
    `https://www.google.com/url?sa=t&url=${enc('https://meet.google.com/abc-defg-hij')}&usg=AOv`,
    'https://meet.google.com/abc-defg-hij',
    ['google-redirect'],
  ],
  [
    'Microsoft Safe Links',
    `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0')}&data=05%7C02%7Cdr%40clinic.example%7C1a2b%7C0%7C0%7C638%7CUnknown&sdata=AbC%3D&reserved=0`,
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    ['microsoft-safe-links'],
  ],
  [
    'Safe Links, GCC',
    `https://gcc02.safelinks.protection.office365.us/?url=${enc(ZOOM)}&data=x&reserved=0`,
    ZOOM,
    ['microsoft-safe-links'],
  ],
  [
    'Teams Safe Links page',
    `https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=${enc(ZOOM)}&locale=en-us&dest=x`,
    ZOOM,
    ['teams-safe-links'],
  ],
  [
    'Proofpoint v1',
    `https://urldefense.proofpoint.com/v1/url?u=${enc(ZOOM)}&k=abc%3D%0A&r=def&m=ghi&s=jkl`,
    ZOOM,
    ['proofpoint-v1'],
  ],
  [
    'Proofpoint v2',
    'https://urldefense.proofpoint.com/v2/url?u=https-3A__us02web.zoom.us_j_123456789-3Fpwd-3Dabc&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc&m=def&s=ghi&e=',
    ZOOM,
    ['proofpoint-v2'],
  ],
  [
    'Proofpoint v3',
    'https://urldefense.com/v3/__https://us02web.zoom.us/j/123456789?pwd=abc__;!!AbCdEf!GhIjKl$',
    ZOOM,
    ['proofpoint-v3'],
  ],
  [
    'Proofpoint v3, a replaced character',
    'https://urldefense.com/v3/__https://doxy.me/drsmith*waiting__;Iw!!AbC!dEf$',
    'https://doxy.me/drsmith#waiting',
    ['proofpoint-v3'],
  ],
  [
    'Proofpoint v3, a run of replaced characters',
    'https://urldefense.com/v3/__https://doxy.me/a**Ab__;IyM!!AbC!dEf$',
    'https://doxy.me/a##b',
    ['proofpoint-v3'],
  ],
  [
    'Barracuda',
    `https://linkprotect.cudasvc.com/url?a=${enc('https://doxy.me/drsmith')}&c=E,1,AbCdEf&typo=1`,
    'https://doxy.me/drsmith',
    ['barracuda'],
  ],
  [
    'Cisco Secure Email',
    `https://secure-web.cisco.com/1AbCdEfGhIjK-LmNoPqRsTuV/${enc(ZOOM)}`,
    ZOOM,
    ['cisco-secure-email'],
  ],
  [
    'Facebook link shim',
    `https://l.facebook.com/l.php?u=${enc('https://meet.google.com/abc-defg-hij')}&h=AT0abc`,
    'https://meet.google.com/abc-defg-hij',
    ['facebook'],
  ],
  [
    'Safe Links around Proofpoint v2 (nested)',
    `https://eur01.safelinks.protection.outlook.com/?url=${enc('https://urldefense.proofpoint.com/v2/url?u=https-3A__doxy.me_drsmith&d=DwMFaQ&c=x&r=y&m=z&s=w&e=')}&data=x&reserved=0`,
    'https://doxy.me/drsmith',
    ['microsoft-safe-links', 'proofpoint-v2'],
  ],
  ['a link nobody wrapped', ZOOM, ZOOM, []],
];

describe('unwrapping meeting links from mail and calendar tools', () => {
  it.each(WRAPPED)('%s', (_name, href, url, wrappers) => {
    expect(unwrapUrl(href)).toEqual({ kind: 'url', url, wrappers });
  });

  it("says it can't tell behind a wrapper that keeps the target to itself (Mimecast)", () => {
    expect(unwrapUrl('https://protect-us.mimecast.com/s/AbCdEfGhIj?domain=zoom.us')).toEqual({
      kind: 'hidden',
      wrapper: 'mimecast',
      wrappers: ['mimecast'],
    });
  });

  it.each([
    ['a look-alike Proofpoint host', 'https://urldefense.com.evil.example/v3/__https://zoom.us/j/1__;!!x$'],
    ['a look-alike Google host', `https://www.google.com.evil.example/url?q=${enc(ZOOM)}`],
    ['a look-alike Safe Links host', `https://safelinks.protection.outlook.com.evil.example/?url=${enc(ZOOM)}`],
    ['a bare safelinks suffix', `https://safelinks.protection.outlook.com/?url=${enc(ZOOM)}`],
    ['another site with a url= parameter', `https://evil.example/url?q=${enc(ZOOM)}`],
    ['a Google page that is not the redirect', `https://www.google.com/search?q=${enc(ZOOM)}`],
  ])('does not unwrap %s', (_name, href) => {
    expect(unwrapUrl(href)).toEqual({ kind: 'url', url: href, wrappers: [] });
  });

  it('treats a wrapper around something that is not a web link as hidden, never as that thing', () => {
    expect(unwrapUrl(`https://www.google.com/url?q=${enc('javascript:alert(1)')}`)).toMatchObject({
      kind: 'hidden',
      wrapper: 'google-redirect',
    });
    expect(unwrapUrl('https://www.google.com/url?q=')).toMatchObject({ kind: 'hidden' });
  });

  it('gives up on a Proofpoint v3 link whose replaced characters do not add up, without guessing', () => {
    expect(unwrapUrl('https://urldefense.com/v3/__https://zoom.us/j/1***__;Iw!!x$')).toMatchObject({
      kind: 'url',
      wrappers: [],
    });
    expect(unwrapUrl('https://urldefense.com/v3/__https://zoom.us/j/1*__;%%%!!x$')).toMatchObject({
      kind: 'url',
      wrappers: [],
    });
  });

  it(`follows at most ${MAX_LAYERS} layers, and calls anything deeper hidden`, () => {
    let href = ZOOM;
    for (let i = 0; i < MAX_LAYERS; i++) href = `https://www.google.com/url?q=${enc(href)}`;
    expect(unwrapUrl(href)).toMatchObject({ kind: 'url', url: ZOOM });
    href = `https://www.google.com/url?q=${enc(href)}`;
    expect(unwrapUrl(href)).toMatchObject({ kind: 'hidden', wrapper: 'google-redirect' });
  });

  it('follows a call inside a 100 KB wrapper, as gateways pad them, and the 2 MiB a browser opens', () => {
    const padded = `https://nam12.safelinks.protection.outlook.com/?url=${enc(ZOOM)}&data=${'05%7C02%7C'.repeat(10_000)}&reserved=0`;
    expect(padded.length).toBeGreaterThan(100_000);
    expect(unwrapUrl(padded)).toMatchObject({ kind: 'url', url: ZOOM, wrappers: ['microsoft-safe-links'] });
    const outer = `https://www.google.com/url?q=${enc(padded)}`;
    expect(unwrapUrl(outer)).toMatchObject({ kind: 'url', url: ZOOM });
    const tooLong = `https://www.google.com/url?q=${enc(ZOOM)}&pad=${'x'.repeat(2 * 1024 * 1024)}`;
    expect(unwrapUrl(tooLong)).toEqual({ kind: 'url', url: tooLong, wrappers: [] });
  });

  it('never throws, whatever the input, and finishes long hostile links (a hang would time the test out)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (tail) => {
        for (const prefix of [
          'https://urldefense.com/v3/__',
          'https://www.google.com/url?q=',
          'https://urldefense.proofpoint.com/v2/url?u=',
          'https://secure-web.cisco.com/x/',
        ]) {
          const result = unwrapUrl(prefix + tail);
          expect(['url', 'hidden']).toContain(result.kind);
        }
      }),
    );
    expect(unwrapUrl(`https://urldefense.com/v3/__${'*'.repeat(8000)}__;!!x`).kind).toBe('url');
    expect(unwrapUrl(`https://www.google.com/url?q=${'%25'.repeat(2700)}`).kind).toBe('hidden');
  });
});
