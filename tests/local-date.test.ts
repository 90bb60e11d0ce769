import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { localDate } from '../utils/dataset/dates';
import { readPolicy } from '../utils/policy/read';
import { settingsProblems } from '../utils/settings/file';

/**
 * Dates are the person's calendar dates. Run in a zone far east of UTC
 * (UTC+14), at noon UTC, when it is already tomorrow there: a BAA signed
 * "today" must be today, not in the future.
 */
describe('today is the local calendar date', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  const atNoonUtcInKiritimati = () => {
    process.env.TZ = 'Pacific/Kiritimati';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  };

  it('reads the calendar of the zone, not UTC’s', () => {
    atNoonUtcInKiritimati();
    expect(localDate()).toBe('2026-12-05');
    process.env.TZ = 'America/Los_Angeles';
    expect(localDate(new Date('2026-12-05T03:00:00Z'))).toBe('2026-12-04');
  });

  it('keeps a policy approval signed today whole (no "in the future")', () => {
    atNoonUtcInKiritimati();
    const { policy, problems } = readPolicy(
      { ApprovedVendors: [{ Product: 'zoom', SignedOn: '2026-12-05' }] },
      dataset,
    );
    expect(problems).toEqual([]);
    expect(policy.approved).toEqual([{ productId: 'zoom', by: 'organization', signedOn: '2026-12-05' }]);
  });

  it('lets the clinic save a BAA signed this morning', () => {
    atNoonUtcInKiritimati();
    const settings = {
      approvals: [{ productId: 'zoom', by: 'user' as const, signedOn: '2026-12-05' }],
      blocks: [],
      customVendors: [],
    };
    expect(settingsProblems(settings, new Set(['zoom']))).toEqual([]);
  });
});
