import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadAll } from '../extension/merged-settings';
import { assess } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';

/** storage.managed seeded as Chrome or Firefox would fill it from a policy. */
const seedPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);
const verdict = async (url: string) => {
  const { effective } = await loadAll();
  const result = assess(url, dataset, effective.settings);
  return result.ok ? result.match?.verdict : 'error';
};

describe('settings with a managed policy (fakeBrowser.storage.managed)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      settings: {
        approvals: [{ productId: 'facetime' }, { productId: 'doxy-me' }],
        blocks: [{ productId: 'zoom' }],
        customVendors: [],
      },
    });
  });

  it('puts the organization over the user over the bundled dataset', async () => {
    await seedPolicy({
      OrganizationName: 'Lakeside Clinic',
      ApprovedVendors: [{ Product: 'zoom' }],
      BlockedVendors: [{ Product: 'facetime' }],
    });
    expect(await verdict('https://us02web.zoom.us/j/1')).toBe('approved'); // organization over the user's block
    expect(await verdict('https://facetime.apple.com/join')).toBe('blocked'); // organization over the user's approval
    expect(await verdict('https://doxy.me/dr')).toBe('approved'); // the user's own, where the organization is silent
    expect(await verdict('https://meet.google.com/x')).toBe('check-plan'); // bundled
    const { effective } = await loadAll();
    expect(effective.controls).toMatchObject({ managed: true, locked: false });
  });

  it('applies only the organization’s decisions when locked', async () => {
    await seedPolicy({ ApprovedVendors: [{ Product: 'zoom' }], LockSettings: true });
    expect(await verdict('https://doxy.me/dr')).toBe('check-plan');
    expect(await verdict('https://us02web.zoom.us/j/1')).toBe('approved');
    expect((await loadAll()).effective.controls.locked).toBe(true);
  });

  it('ignores invalid values one by one and says which', async () => {
    await seedPolicy({
      OrganizationName: 7,
      ApprovedVendors: [{ Product: 'zoom' }, { Product: 'nope' }],
      AllowSnooze: 'no',
      Extra: true,
    });
    const { effective, problems } = await loadAll();
    expect(await verdict('https://us02web.zoom.us/j/1')).toBe('approved');
    expect(effective.controls.allowSnooze).toBe(true);
    expect(problems.map((p) => english(p.message.key, p.message.args))).toEqual([
      'Extra is not a CallCheck setting; it is ignored.',
      'OrganizationName must be plain text of at most 120 characters; it is ignored.',
      'AllowSnooze must be true or false; it is ignored.',
      'ApprovedVendors, entry 2: unknown product nope; this entry is ignored.',
    ]);
  });

  it('works as before where the browser has no managed storage (Firefox without a policy)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await verdict('https://doxy.me/dr')).toBe('approved');
    expect((await loadAll()).effective.controls.managed).toBe(false);
  });
});
