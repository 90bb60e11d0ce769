import { describe, expect, it } from 'vitest';
import { parseDomainInput, parsePathPrefix } from '../utils/settings/domain-input';
import { english } from '../utils/vocabulary/english';

describe('parseDomainInput', () => {
  it.each([
    ['video.lakeside-clinic.org', 'video.lakeside-clinic.org'],
    ['  Video.Lakeside-Clinic.ORG  ', 'video.lakeside-clinic.org'],
    ['clinic.zoom.us.', 'clinic.zoom.us'],
    ['*.lakeside-clinic.org', 'lakeside-clinic.org'],
    ['bücher-klinik.de', 'xn--bcher-klinik-dlb.de'],
    ['praxis.例え.jp', 'praxis.xn--r8jz45g.jp'],
    ['clinic.co.uk', 'clinic.co.uk'],
    ['myclinic.github.io', 'myclinic.github.io'],
    ['meet.clinic.internal', 'meet.clinic.internal'],
  ])('accepts %j as %s', (input, host) => {
    expect(parseDomainInput(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', /Enter a domain/],
    ['https://video.example.org', /Leave out the scheme/],
    ['video.example.org/visit', /path prefix field/],
    ['video example.org', /spaces/],
    ['user@example.org', /cannot contain @/],
    ['example.org?x=1', /\? or #/],
    ['video.*.example.org', /wildcard may only stand first/],
    ['example.*', /wildcard may only stand first/],
    ['*', /wildcard|Enter a full domain|valid/],
    ['co.uk', /public suffix/],
    ['github.io', /public suffix/],
    ['com', /full domain|public suffix/],
    ['192.168.1.20', /IP addresses are not accepted/],
    ['[::1]', /IP addresses are not accepted/],
    ['video.example.org:8443', /Leave out the port/],
    ['video..example.org', /empty part/],
    ['.example.org', /empty part/],
    [`${'a'.repeat(64)}.example.org`, /too long \(at most 63/],
    [`${'abcdefghi.'.repeat(26)}org`, /too long \(at most 253/],
    ['-video.example.org', /hyphen/],
    ['exa_mple.org', /not a valid domain|hyphen|public suffix/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = parseDomainInput(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.error.key, result.error.args)).toMatch(message);
  });

  it('accepts IP addresses only when allowed', () => {
    expect(parseDomainInput('192.168.1.20', { allowIp: true })).toEqual({ ok: true, host: '192.168.1.20' });
    expect(parseDomainInput('[::1]', { allowIp: true })).toEqual({ ok: true, host: '[::1]' });
  });
});

describe('parsePathPrefix', () => {
  it('keeps whole-segment prefixes and refuses queries', () => {
    expect(parsePathPrefix('/visit/')).toEqual({ ok: true, path: '/visit' });
    expect(parsePathPrefix('visit').ok).toBe(false);
    expect(parsePathPrefix('/visit?x').ok).toBe(false);
  });
});
