import { describe, expect, it } from 'vitest';
import { policyOrLastKnown, samePolicy } from '../extension/policy-or-last-known';

const never = new Promise<undefined>(() => {});
const after = <T>(ms: number, value: T) => new Promise<T>((done) => setTimeout(() => done(value), ms));

describe('a page drawn while the browser is still reading the policy', () => {
  it('uses the real policy when it answers in time', async () => {
    const read = await policyOrLastKnown(after(5, { Organization: 'Lakeside' }), 200, async () => ({
      Organization: 'Old',
    }));
    expect(read).toEqual({ value: { Organization: 'Lakeside' }, lastKnown: false });
  });

  it('does not wait seconds for a slow storage.managed: it draws from the last known policy', async () => {
    const started = Date.now();
    const read = await policyOrLastKnown(never, 50, async () => ({ Organization: 'Lakeside' }));
    expect(read).toEqual({ value: { Organization: 'Lakeside' }, lastKnown: true });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('knows when the real answer differs from the last known one (and when only key order does)', () => {
    expect(samePolicy({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(samePolicy(undefined, null)).toBe(true);
    expect(samePolicy(undefined, {})).toBe(true);
    expect(samePolicy({ Organization: 'A' }, { Organization: 'B' })).toBe(false);
    expect(samePolicy({ Organization: 'A' }, undefined)).toBe(false);
  });
});
