import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';
import { DEFAULT_BANNER_PREFERENCES } from '../utils/settings/banner-state';
import {
  describeChanges,
  exportSettingsFile,
  LIMITS,
  parseSettingsFile,
  type SettingsBundle,
} from '../utils/settings/file';
import { parseSettings } from '../utils/settings/schema';
import { XSS_PAYLOADS } from './fixtures/xss-payloads';

const bundled = new Set(dataset.products.map((p) => p.id));
const current: SettingsBundle = {
  settings: parseSettings({
    approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Zoom for Healthcare' }],
    blocks: [{ productId: 'facetime' }],
    customVendors: [
      {
        id: 'custom-our-jitsi',
        name: 'Our Jitsi',
        sites: [{ host: 'video.lakeside-clinic.org' }],
        baa: 'not-applicable',
        e2ee: 'optional',
      },
      {
        id: 'custom-clinic-zoom',
        name: 'Clinic Zoom',
        sites: [{ host: 'clinic.zoom.us', paths: ['/j'] }],
        baa: 'offered',
      },
    ],
  }),
  preferences: DEFAULT_BANNER_PREFERENCES,
};
const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'callcheck-settings', version: 1, settings, ...extra });
const errorsOf = (text: string) => {
  const result = parseSettingsFile(text, bundled, current);
  return result.ok ? [] : result.errors.map((e) => english(e.key, e.args));
};

describe('settings file', () => {
  it('round-trips: export then import gives identical settings', () => {
    const text = exportSettingsFile(current, new Date('2026-11-24T12:00:00Z'));
    const result = parseSettingsFile(text, bundled, current);
    expect(result).toEqual({ ok: true, bundle: current });
    expect(describeChanges(current, (result as { bundle: SettingsBundle }).bundle, String)).toEqual([]);
  });

  it.each([
    ['settings as an array', file([]), /no settings in it/],
    ['no settings at all', JSON.stringify({ format: 'callcheck-settings', version: 1 }), /no settings in it/],
    [
      '50,000 levels of nesting',
      `{"format":"callcheck-settings","version":1,"settings":{"organization":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
      /more than 32 levels/,
    ],
    ['a Latin-1 file read as UTF-8', file({ organization: 'Cl\uFFFDnica' }), /not UTF-8/],
  ])('refuses %s with a clear reason, and never offers to wipe settings', (_what, text, reason) => {
    const result = parseSettingsFile(text, bundled);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => english(e.key, e.args)).join(' ')).toMatch(reason);
  });

  it.each([
    [
      'approving and blocking the same product',
      { approvals: [{ productId: 'zoom' }], blocks: [{ productId: 'zoom' }] },
      /zoom is both approved and blocked: the block would apply/,
    ],
    [
      'a BAA signed in the future',
      { approvals: [{ productId: 'zoom', signedOn: '2099-01-01' }] },
      /2099-01-01 is not a real date, or is in the future/,
    ],
  ])('refuses %s, as the options page and the policy check do', (_what, settings, reason) => {
    const result = parseSettingsFile(file(settings), bundled);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => english(e.key, e.args)).join(' ')).toMatch(reason);
  });

  it("says where a field is wrong in the user's words, not the validator's", () => {
    const result = parseSettingsFile(file({ approvals: [{ plan: 'x' }] }), bundled);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.map((e) => english(e.key, e.args)).join(' ');
    expect(text).toMatch(/settings\.approvals\.0\.productId is missing/);
    expect(text).not.toMatch(/Invalid key|Expected|received/);
  });

  it('previews nothing when re-importing its own export with keys in another order', () => {
    const current: SettingsBundle = {
      settings: {
        approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Pro', by: 'user' }],
        blocks: [],
        customVendors: [],
      },
      preferences: { bannerVerdicts: ['no-baa', 'public'] },
    };
    const reordered = file(
      {
        approvals: [{ by: 'user', plan: 'Pro', signedOn: '2026-01-15', productId: 'zoom' }],
        blocks: [],
        customVendors: [],
      },
      { preferences: { bannerVerdicts: ['public', 'no-baa'] } },
    );
    const result = parseSettingsFile(reordered, bundled, current);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(describeChanges(current, result.bundle, (id) => id)).toEqual([]);
  });

  it("imports what a file says the organization decided as the user's own decisions", () => {
    const result = parseSettingsFile(
      file({
        approvals: [{ productId: 'zoom', by: 'organization' }],
        blocks: [{ productId: 'webex', by: 'organization' }],
      }),
      bundled,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.settings.approvals).toEqual([{ productId: 'zoom', by: 'user' }]);
    expect(result.bundle.settings.blocks).toEqual([{ productId: 'webex', by: 'user' }]);
  });

  it('previews every change an import would make', () => {
    const next = parseSettingsFile(
      file(
        { approvals: [{ productId: 'zoom', signedOn: '2026-02-01' }, { productId: 'google-meet' }], customVendors: [] },
        { preferences: { bannerVerdicts: ['no-baa'] } },
      ),
      bundled,
      current,
    );
    expect(next.ok).toBe(true);
    const changes = describeChanges(
      current,
      (next as { bundle: SettingsBundle }).bundle,
      (id) => dataset.products.find((p) => p.id === id)?.name ?? id,
    );
    expect(changes.map((c) => english(c.key, c.args))).toEqual([
      'Remove the vendor Our Jitsi',
      'Remove the vendor Clinic Zoom',
      'Update the BAA record for Zoom Workplace',
      'Record a BAA with Google Meet',
      'Unblock FaceTime',
      'Change which verdicts show a banner',
    ]);
  });

  it.each([
    ['10 MB of junk', 'x'.repeat(10_000_000), /The file is 10\.0 MB; the limit is 1 MB/],
    ['not JSON', '{"format": "callcheck-settings", ', /not a JSON file/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /not a CallCheck settings file/],
    ['an array', '[1,2,3]', /not a CallCheck settings file/],
    ['a newer version', file({}, { version: 2 }), /newer CallCheck \(format version 2\)/],
    ['a nonsense version', file({}, { version: 'one' }), /version \(one\) is not valid/],
    ['wrong types', file({ approvals: 'zoom' }), /settings\.approvals/],
    ['an unknown field', file({ approvals: [], extra: true }), /settings\.extra|extra/],
    [
      '10,000 custom vendors',
      file({
        customVendors: Array.from({ length: 10_000 }, (_, i) => ({
          id: `v-${i}`,
          name: `V ${i}`,
          sites: [{ host: `v${i}.example.org` }],
          baa: 'unknown',
        })),
      }),
      /10,000 entries in customVendors; CallCheck accepts at most 500/,
    ],
    [
      'duplicate vendor ids',
      file({
        customVendors: [
          { id: 'custom-a', name: 'A', sites: [{ host: 'a.example.org' }], baa: 'unknown' },
          { id: 'custom-a', name: 'A again', sites: [{ host: 'b.example.org' }], baa: 'unknown' },
        ],
      }),
      /custom-a appears more than once/,
    ],
    [
      'duplicate approvals',
      file({ approvals: [{ productId: 'zoom' }, { productId: 'zoom' }] }),
      /zoom appears more than once/,
    ],
    [
      'an approval for an unknown product',
      file({ approvals: [{ productId: 'no-such-thing' }] }),
      /does not know: no-such-thing/,
    ],
    [
      'a custom vendor reusing a bundled id',
      file({ customVendors: [{ id: 'zoom', name: 'Zoom', sites: [{ host: 'a.example.org' }], baa: 'offered' }] }),
      /already belongs to a bundled platform/,
    ],
    [
      'a public suffix as a domain',
      file({ customVendors: [{ id: 'custom-x', name: 'X', sites: [{ host: 'co.uk' }], baa: 'offered' }] }),
      /“co\.uk” is not a valid domain/,
    ],
    [
      'an unnormalised domain',
      file({ customVendors: [{ id: 'custom-x', name: 'X', sites: [{ host: 'Video.Example.org' }], baa: 'offered' }] }),
      /not a valid domain/,
    ],
    [
      'an IP address not allowed',
      file({ customVendors: [{ id: 'custom-x', name: 'X', sites: [{ host: '10.0.0.5' }], baa: 'offered' }] }),
      /not a valid domain/,
    ],
  ])('refuses %s with a message', (_what, text, message) => {
    expect(errorsOf(text).join('\n')).toMatch(message);
  });

  it.each(XSS_PAYLOADS.filter((p) => /<|javascript:/i.test(p)))(
    'refuses HTML or script in any string: %s',
    (payload) => {
      const text = file({
        approvals: [{ productId: 'zoom', note: payload }],
        customVendors: [
          { id: 'custom-x', name: payload, sites: [{ host: 'x.example.org' }], baa: 'offered', notes: payload },
        ],
      });
      expect(errorsOf(text).join('\n')).toMatch(/contains HTML or a script/);
    },
  );

  it('accepts an IP address when the vendor allows one', () => {
    const text = file({
      customVendors: [{ id: 'custom-x', name: 'X', sites: [{ host: '10.0.0.5' }], baa: 'offered', allowIp: true }],
    });
    expect(parseSettingsFile(text, bundled, current).ok).toBe(true);
  });

  it('accepts a file with as many custom vendors as the limit allows', () => {
    const vendors = Array.from({ length: LIMITS.customVendors }, (_, i) => ({
      id: `custom-v-${i}`,
      name: `Vendor ${i}`,
      sites: [{ host: `v${i}.example.org` }],
      baa: 'unknown',
    }));
    const result = parseSettingsFile(file({ customVendors: vendors }), bundled, current);
    expect(result.ok).toBe(true);
  });
});
