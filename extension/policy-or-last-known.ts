import { canonical } from '../utils/settings/file';

/**
 * Right after a browser start, storage.managed.get() took 1.6-5 s to answer
 * (median 2.9 s over 16 starts). A page that waits for it shows nothing for
 * that long. It waits a moment; then it draws from the policy the background
 * last read, and the caller draws again if the real answer differs.
 */
export const MANAGED_PATIENCE_MS = 250;

type Raw = Record<string, unknown> | null | undefined;

export async function policyOrLastKnown(
  managed: Promise<Raw>,
  patienceMs: number,
  lastKnown: () => Promise<Raw>,
): Promise<{ value: Raw; lastKnown: boolean }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = Symbol('late');
  const first = await Promise.race([
    managed,
    new Promise<typeof late>((done) => (timer = setTimeout(() => done(late), patienceMs))),
  ]);
  clearTimeout(timer);
  if (first !== late) return { value: first, lastKnown: false };
  return { value: await lastKnown(), lastKnown: true };
}

/** Two policy reads are the same policy: absent and empty are one thing, key order is not a difference. */
export function samePolicy(a: Raw, b: Raw): boolean {
  return canonical(a ?? {}) === canonical(b ?? {});
}
