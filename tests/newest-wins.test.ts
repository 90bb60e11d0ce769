import { describe, expect, it } from 'vitest';
import { newestWins } from '../extension/newest-wins';
import { policyOrLastKnown, samePolicy } from '../extension/policy-or-last-known';
import { readPolicy } from '../utils/policy/read';
import { dataset } from '../utils/dataset/bundled';

const after = <T>(ms: number, value: T) => new Promise<T>((done) => setTimeout(() => done(value), ms));

describe('newestWins', () => {
  it('draws only the newest load, whatever order they finish in', async () => {
    const drawn: string[] = [];
    const delays = [60, 5];
    let call = 0;
    const draw = newestWins(
      () => {
        const n = call++;
        return after(delays[n]!, `load ${n}`);
      },
      (value) => drawn.push(value),
    );
    await Promise.all([draw(), draw()]);
    expect(drawn).toEqual(['load 1']);
  });

  // The options page's sequence: the real policy read is slow, so the page
  // draws from the last-known policy (locked), then the real answer (no
  // policy) arrives while that first draw is still loading.
  it('an options page drawn from a last-known "locked" policy ends unlocked when the real read finds none', async () => {
    const managed = after(40, undefined);
    const lastKnown = async () => ({ LockSettings: true });
    let shown: boolean | undefined;
    let loads = 0;
    const draw: () => Promise<void> = newestWins(
      async () => {
        const policyNow = await policyOrLastKnown(managed, 20, lastKnown);
        if (policyNow.lastKnown) void managed.then((real) => (samePolicy(real, policyNow.value) ? undefined : draw()));
        // The first load (settings, permissions, link sites) is the slow one.
        await after(loads++ === 0 ? 80 : 5, null);
        return readPolicy(policyNow.value ?? undefined, dataset).policy.locked;
      },
      (locked) => (shown = locked),
    );
    await draw();
    await after(120, null);
    expect(loads).toBe(2);
    expect(shown).toBe(false);
  });
});
