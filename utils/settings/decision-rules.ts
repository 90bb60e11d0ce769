import { localDate } from '../dataset/dates';
import { isRealDate } from '../dataset/schema';

/**
 * The rules a recorded decision must meet, whichever door it comes through:
 * the options page, an import, the background's settings API, or a managed
 * policy. Each answers with a reason, or null.
 */

/** A BAA's signing date: a real calendar day, and not in the future. */
export function signedOnProblem(date: string, today: string): 'not-a-date' | 'in-the-future' | null {
  if (!isRealDate(date)) return 'not-a-date';
  return date > today ? 'in-the-future' : null;
}

/** Products both approved and blocked. The block applies (see assess: blocks come first). */
export function conflictingDecisions(
  approvals: readonly { productId: string }[],
  blocks: readonly { productId: string }[],
): string[] {
  const blocked = new Set(blocks.map((b) => b.productId));
  return [...new Set(approvals.map((a) => a.productId).filter((id) => blocked.has(id)))];
}

/** Today on the person's own calendar (see localDate). */
export const today = (): string => localDate();
