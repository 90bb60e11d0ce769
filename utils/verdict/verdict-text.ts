import type { Verdict } from './assess';
import { VERDICT_FAMILY } from './assess';
import type { MessageKey } from '../vocabulary/messages';

/** Message keys per verdict: `no-baa` → `verdict_no_baa`, `next_no_baa`, `badge_no_baa`. */
export function verdictKey(prefix: 'verdict' | 'next' | 'badge', verdict: Verdict): MessageKey {
  return `${prefix}_${verdict.replace('-', '_')}` as MessageKey;
}

export function familyOf(verdict: Verdict): 'red' | 'amber' | 'green' {
  return VERDICT_FAMILY[verdict];
}
