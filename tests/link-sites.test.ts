import { describe, expect, it } from 'vitest';
import { readLinkCheck } from '../utils/links/link-check';
import {
  linkCheckState,
  MAX_LINK_SITES,
  originsToGiveBack,
  patternCovers,
  withLinkSites,
} from '../utils/links/link-sites';
import { parseLinkSites } from '../utils/links/link-site-input';
import { readPolicy } from '../utils/policy/read';
import { dataset } from '../utils/dataset/bundled';

const NO_POLICY = { linkCheckSites: [], linkCheckForbidden: false };

describe('where link checking runs', () => {
  it('only on sites chosen and granted, each once', () => {
    const granted = new Set(['https://mail.google.com/*']);
    expect(linkCheckState(['mail.google.com', 'calendar.google.com'], NO_POLICY, granted)).toEqual({
      active: ['mail.google.com'],
      forbidden: false,
      organization: [],
      missing: [],
    });
  });

  it("adds the organization's sites, and names the origins each user still has to grant", () => {
    const state = linkCheckState(
      [],
      { linkCheckSites: ['portal.ehr.example', 'mail.google.com'], linkCheckForbidden: false },
      new Set(['https://mail.google.com/*']),
    );
    expect(state.active).toEqual(['mail.google.com']);
    expect(state.missing).toEqual(['https://portal.ehr.example/*']);
  });

  it('counts a site as granted when any granted pattern covers it (an install-time call host, say)', () => {
    expect(
      linkCheckState(
        [],
        { linkCheckSites: ['app.slack.com'], linkCheckForbidden: false },
        new Set(['*://*.slack.com/*']),
      ).active,
    ).toEqual(['app.slack.com']);
    expect(patternCovers('https://mail.google.com/*', 'mail.google.com')).toBe(true);
    expect(patternCovers('https://*.google.com/*', 'mail.google.com')).toBe(true);
    expect(patternCovers('http://mail.google.com/*', 'mail.google.com')).toBe(false);
    expect(patternCovers('https://mail.google.com/mail/*', 'mail.google.com')).toBe(false);
    expect(patternCovers('https://*.google.com/*', 'google.com.evil.example')).toBe(false);
  });

  it('nowhere when the organization forbids it, whatever the user chose', () => {
    expect(
      linkCheckState(
        ['mail.google.com'],
        { linkCheckSites: ['mail.google.com'], linkCheckForbidden: true },
        new Set(['https://mail.google.com/*']),
      ),
    ).toMatchObject({ active: [], forbidden: true });
  });

  it('saves valid domains only, and refuses a list that is too long or holds anything else', () => {
    expect(parseLinkSites(['Mail.Google.com', 'mail.google.com', 'portal.ehr.example'])).toEqual([
      'mail.google.com',
      'portal.ehr.example',
    ]);
    expect(parseLinkSites(['https://mail.google.com/'])).toBeNull();
    expect(parseLinkSites(['com'])).toBeNull();
    expect(parseLinkSites([42])).toBeNull();
    expect(parseLinkSites('mail.google.com')).toBeNull();
    expect(parseLinkSites(Array.from({ length: MAX_LINK_SITES + 1 }, (_, i) => `s${i}.example.org`))).toBeNull();
  });

  it('reads a damaged entry as link checking off', () => {
    expect(
      readLinkCheck({ active: ['mail.google.com', '<b>', 7], forbidden: 'yes', missing: ['javascript:x'] }),
    ).toEqual({ active: ['mail.google.com'], forbidden: false, organization: [], missing: [] });
    expect(readLinkCheck(null).active).toEqual([]);
  });
});

describe('the policy for link checking', () => {
  it('reads LinkCheckSites and LinkCheckForbidden, dropping a bad domain with a note', () => {
    const { policy, problems } = readPolicy(
      { LinkCheckSites: ['mail.google.com', 'not a domain', 'portal.ehr.example'], LinkCheckForbidden: false },
      dataset,
      '2026-12-01',
    );
    expect(policy.linkCheckSites).toEqual(['mail.google.com', 'portal.ehr.example']);
    expect(policy.linkCheckForbidden).toBe(false);
    expect(problems.map((p) => p.setting)).toEqual(['LinkCheckSites']);
    expect(readPolicy({ LinkCheckForbidden: true }, dataset, '2026-12-01').policy.linkCheckForbidden).toBe(true);
    expect(readPolicy({ LinkCheckForbidden: 'yes' }, dataset, '2026-12-01').problems.map((p) => p.setting)).toEqual([
      'LinkCheckForbidden',
    ]);
  });
});

describe('turning sites on and off', () => {
  it('adds each host once, removes only those asked, and gives back access the organization does not want kept', () => {
    expect(withLinkSites(['mail.google.com'], ['mail.google.com', 'calendar.google.com'], true)).toEqual([
      'mail.google.com',
      'calendar.google.com',
    ]);
    expect(withLinkSites(['mail.google.com', 'portal.ehr.example'], ['mail.google.com'], false)).toEqual([
      'portal.ehr.example',
    ]);
    expect(originsToGiveBack(['mail.google.com', 'portal.ehr.example'], ['portal.ehr.example'])).toEqual([
      'https://mail.google.com/*',
    ]);
  });
});
