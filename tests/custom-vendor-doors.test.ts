import { describe, expect, it } from 'vitest';
import { parseSettingsRequest } from '../extension/settings-api';
import { dataset } from '../utils/dataset/bundled';
import { readPolicy } from '../utils/policy/read';
import { parseSettingsFile, settingsProblems } from '../utils/settings/file';
import { coerceSettings } from '../utils/settings/repair';
import { LIMITS, type Settings } from '../utils/settings/schema';

/**
 * A custom vendor reaches CallCheck through four doors: the options page
 * (which saves through the background's settings API), a settings file, the
 * organization's policy, and stored settings read back. One definition
 * (CustomVendorSchema with settingsProblems) decides for all: each case
 * below is accepted by every door or refused by every door, and what any
 * door accepts, the repair on read keeps as it is.
 */
const BUNDLED = new Set(dataset.products.map((p) => p.id));

const viaSaveApi = (settings: object): boolean => {
  const request = parseSettingsRequest({ type: 'callcheck:save-settings', settings });
  if (!request || 'invalid' in request || request.type !== 'callcheck:save-settings') return false;
  return settingsProblems(request.settings, BUNDLED).length === 0;
};
const viaImport = (settings: object): boolean =>
  parseSettingsFile(JSON.stringify({ format: 'callcheck-settings', version: 1, settings }), BUNDLED).ok;
const viaPolicy = (vendors: object[]): number =>
  readPolicy({ CustomVendors: vendors }, dataset).policy.customVendors.length;

const vendor = (extra: object = {}) => ({
  id: 'custom-lakeside-video',
  name: 'Lakeside video',
  sites: [{ host: 'video.lakeside-clinic.org' }],
  baa: 'offered',
  e2ee: 'unknown',
  sources: [],
  ...extra,
});

const ACCEPTED: [string, object][] = [
  ['a plain vendor', vendor()],
  ['an http source (an intranet page)', vendor({ sources: ['http://intranet.lakeside-clinic.org/baa'] })],
  ['an https source', vendor({ sources: ['https://lakeside-clinic.org/baa.pdf'] })],
  ['a path prefix', vendor({ sites: [{ host: 'video.lakeside-clinic.org', paths: ['/visit'] }] })],
  ['an IP address, allowed', vendor({ sites: [{ host: '10.0.0.5' }], allowIp: true })],
  ['50 sites', vendor({ sites: Array.from({ length: 50 }, (_, i) => ({ host: `s${i}.lakeside-clinic.org` })) })],
];

const REFUSED: [string, object][] = [
  ['markup in the name', vendor({ name: '<img src=x onerror=alert(1)>' })],
  ['markup in the notes', vendor({ notes: 'see <script>alert(1)</script>' })],
  ['a script address as a source', vendor({ sources: ['javascript:alert(1)'] })],
  ['a source that is not a web address', vendor({ sources: ['ftp://lakeside-clinic.org/baa'] })],
  ['21 sources', vendor({ sources: Array.from({ length: 21 }, (_, i) => `https://lakeside-clinic.org/${i}`) })],
  ['51 sites', vendor({ sites: Array.from({ length: 51 }, (_, i) => ({ host: `s${i}.lakeside-clinic.org` })) })],
  ['a bare public suffix', vendor({ sites: [{ host: 'com' }] })],
  ['an IP address, not allowed', vendor({ sites: [{ host: '10.0.0.5' }] })],
  ['no sites', vendor({ sites: [] })],
  ['an id that is not kebab-case', vendor({ id: 'Lakeside Video' })],
  ['a name of 121 characters', vendor({ name: 'x'.repeat(121) })],
];

describe('one custom vendor, four doors', () => {
  it.each(ACCEPTED)('all accept %s, and the repair on read keeps it as it is', (_what, entry) => {
    expect(viaSaveApi({ customVendors: [entry] })).toBe(true);
    expect(viaImport({ customVendors: [entry] })).toBe(true);
    expect(viaPolicy([entry])).toBe(1);
    expect(readPolicy({ CustomVendors: [entry] }, dataset).policy.customVendors[0]).toEqual(entry);
    expect(coerceSettings({ customVendors: [entry] }).customVendors).toEqual([entry]);
  });

  it.each(REFUSED)('all refuse %s', (_what, entry) => {
    expect(viaSaveApi({ customVendors: [entry] })).toBe(false);
    expect(viaImport({ customVendors: [entry] })).toBe(false);
    expect(viaPolicy([entry])).toBe(0);
  });

  it('the background refuses more vendors than an import may bring, as the import does', () => {
    const many = Array.from({ length: LIMITS.customVendors + 1 }, (_, i) =>
      vendor({ id: `custom-v${i}`, sites: [{ host: `v${i}.lakeside-clinic.org` }] }),
    );
    const settings: Partial<Settings> = { customVendors: many as Settings['customVendors'] };
    expect(viaSaveApi(settings)).toBe(false);
    expect(viaImport(settings)).toBe(false);
    expect(viaPolicy(many)).toBe(LIMITS.customVendors);
    expect(viaSaveApi({ customVendors: many.slice(0, LIMITS.customVendors) })).toBe(true);
  });
});
