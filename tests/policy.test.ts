import { describe, expect, it } from 'vitest';
import { assess } from '../utils/verdict/assess';
import { DEFAULT_BANNER_PREFERENCES } from '../utils/settings/banner-state';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';
import { EMPTY_POLICY, mergeSettings, readPolicy } from '../utils/policy/read';
import { parseSettings } from '../utils/settings/schema';

const read = (raw: unknown) => readPolicy(raw, dataset);
const problemsOf = (raw: unknown) => read(raw).problems.map((p) => english(p.message.key, p.message.args));
const verdict = (url: string, settings: ReturnType<typeof parseSettings>) => {
  const result = assess(url, dataset, settings);
  return result.ok ? result.match?.verdict : 'error';
};

const POLICY = {
  OrganizationName: 'Lakeside Clinic',
  SupportContact: 'it-help@lakeside-clinic.org',
  ApprovedVendors: [
    { Product: 'zoom', SignedOn: '2026-01-15', Note: 'Zoom for Healthcare' },
    { Domain: 'meet.google.com' },
    { Domain: 'lakeside.zoom.us' },
  ],
  BlockedVendors: [{ Product: 'facetime' }, { Domain: 'teams.live.com' }],
  CustomVendors: [
    {
      id: 'org-jitsi',
      name: 'Lakeside Jitsi',
      sites: [{ host: 'video.lakeside-clinic.org' }],
      baa: 'not-applicable',
      e2ee: 'optional',
    },
  ],
  BannerVerdicts: ['blocked', 'public', 'discontinued', 'no-baa'],
  AllowDismiss: false,
  AllowSnooze: false,
  LockSettings: true,
};

describe('readPolicy', () => {
  it('reads a complete policy with no problem', () => {
    const { policy, problems } = read(POLICY);
    expect(problems).toEqual([]);
    expect(policy).toMatchObject({
      organization: 'Lakeside Clinic',
      supportContact: 'it-help@lakeside-clinic.org',
      allowDismiss: false,
      allowSnooze: false,
      locked: true,
      bannerVerdicts: ['blocked', 'public', 'discontinued', 'no-baa'],
    });
    // A domain that is a bundled product's host means that product; any other becomes an organization vendor.
    expect(policy.approved.map((a) => a.productId)).toEqual(['zoom', 'google-meet', 'org-lakeside-zoom-us']);
    expect(policy.blocked.map((b) => b.productId)).toEqual(['facetime', 'microsoft-teams-free']);
    expect(policy.customVendors.map((c) => c.id)).toEqual(['org-jitsi', 'org-lakeside-zoom-us']);
  });

  it('ignores each bad value on its own, with a note, and keeps the rest', () => {
    const { policy } = read({
      OrganizationName: '<b>Lakeside</b>',
      AllowDismiss: 'no',
      ApprovedVendors: [
        { Product: 'zoom' },
        { Product: 'no-such-product' },
        { Domain: 'co.uk' },
        'zoom',
        { SignedOn: '2026-01-01' },
      ],
      CustomVendors: [
        { id: 'Bad Id', name: 'X', sites: [{ host: 'x.example.org' }] },
        { id: 'ok-one', name: 'OK', sites: [{ host: 'ok.example.org' }] },
      ],
      BannerVerdicts: ['no-baa', 'everything'],
      Colour: 'red',
    });
    expect(policy.approved.map((a) => a.productId)).toEqual(['zoom']);
    expect(policy.customVendors.map((c) => c.id)).toEqual(['ok-one']);
    expect(policy.allowDismiss).toBe(true);
    expect(policy.organization).toBeUndefined();
    expect(policy.bannerVerdicts).toEqual(['no-baa']);
    expect(
      problemsOf({
        OrganizationName: '<b>Lakeside</b>',
        AllowDismiss: 'no',
        ApprovedVendors: [
          { Product: 'zoom' },
          { Product: 'no-such-product' },
          { Domain: 'co.uk' },
          'zoom',
          { SignedOn: '2026-01-01' },
        ],
        CustomVendors: [{ id: 'Bad Id', name: 'X', sites: [{ host: 'x.example.org' }] }],
        BannerVerdicts: ['no-baa', 'everything'],
        Colour: 'red',
      }),
    ).toEqual([
      'Colour is not a CallCheck setting; it is ignored.',
      'OrganizationName must be plain text of at most 120 characters; it is ignored.',
      'AllowDismiss must be true or false; it is ignored.',
      'CustomVendors, entry 1: id: ids are kebab-case; this entry is ignored.',
      'ApprovedVendors, entry 2: unknown product no-such-product; this entry is ignored.',
      'ApprovedVendors, entry 3: domain co.uk; this entry is ignored.',
      'ApprovedVendors, entry 4: not an object; this entry is ignored.',
      'ApprovedVendors, entry 5: needs Product or Domain; this entry is ignored.',
      expect.stringMatching(/^BannerVerdicts lists a verdict CallCheck does not know/),
    ]);
  });

  it.each([null, undefined])('treats %s as no policy', (raw) => {
    expect(read(raw)).toEqual({ policy: EMPTY_POLICY, problems: [] });
  });

  it('never throws on hostile input', () => {
    for (const raw of [
      'string',
      42,
      [],
      { ApprovedVendors: { Product: 'zoom' } },
      { CustomVendors: [null, 1, { sites: 'x' }] },
    ]) {
      expect(() => read(raw)).not.toThrow();
    }
  });
});

describe('mergeSettings: organization over user over bundled', () => {
  const user = parseSettings({
    approvals: [{ productId: 'facetime' }, { productId: 'webex' }],
    blocks: [{ productId: 'zoom' }],
    customVendors: [
      { id: 'custom-mine', name: 'Mine', sites: [{ host: 'video.lakeside-clinic.org' }], baa: 'offered' },
    ],
  });

  it('lets the organization win where both decided, and keeps the user’s other decisions', () => {
    const { policy } = read({ ...POLICY, LockSettings: false });
    const { settings } = mergeSettings(user, DEFAULT_BANNER_PREFERENCES, policy);
    expect(verdict('https://us02web.zoom.us/j/1', settings)).toBe('approved'); // org approval over user block
    expect(verdict('https://facetime.apple.com/join', settings)).toBe('blocked'); // org block over user approval
    expect(verdict('https://clinic.webex.com/meet/x', settings)).toBe('approved'); // the user's own, kept
    expect(verdict('https://teams.live.com/meet/1', settings)).toBe('blocked');
    expect(verdict('https://video.lakeside-clinic.org/r', settings)).toBe('unverified'); // the org's vendor wins the host
    expect(verdict('https://lakeside.zoom.us/j/1', settings)).toBe('approved');
    expect(verdict('https://doxy.me/x', settings)).toBe('check-plan'); // bundled
    expect(settings.organization).toBe('Lakeside Clinic');
  });

  it('applies only the organization’s decisions when settings are locked', () => {
    const { settings, controls, preferences } = mergeSettings(user, DEFAULT_BANNER_PREFERENCES, read(POLICY).policy);
    expect(verdict('https://clinic.webex.com/meet/x', settings)).toBe('check-plan');
    expect(controls).toEqual({
      allowDismiss: false,
      allowSnooze: false,
      locked: true,
      managed: true,
      supportContact: 'it-help@lakeside-clinic.org',
    });
    expect(preferences.bannerVerdicts).toEqual(['blocked', 'public', 'discontinued', 'no-baa']);
  });

  it('changes nothing without a policy', () => {
    const merged = mergeSettings(user, DEFAULT_BANNER_PREFERENCES, EMPTY_POLICY);
    expect(merged.settings).toEqual(user);
    expect(merged.controls.managed).toBe(false);
  });

  it('says "Approved by" the organization', () => {
    const { settings } = mergeSettings(user, DEFAULT_BANNER_PREFERENCES, read(POLICY).policy);
    const result = assess('https://us02web.zoom.us/j/1', dataset, settings);
    const reason = result.ok && result.match ? english(result.match.reason.key, result.match.reason.args) : '';
    expect(reason).toBe(
      'Approved by Lakeside Clinic: a BAA with Zoom, signed 2026-01-15, is on record. Use the account and plan it covers.',
    );
  });
});
