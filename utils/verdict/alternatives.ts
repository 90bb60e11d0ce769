import type { Product } from '../dataset/schema';
import type { JudgedProduct } from '../dataset/judged';
import type { MessageKey, Translate } from '../vocabulary/messages';
import type { Match } from './assess';
import { familyOf } from './verdict-text';

/**
 * "Platforms that sign a BAA": what a clinician who has just read "No BAA"
 * (or "public", "retired", "blocked") needs next. The clinic's approved
 * platforms come first, then every active, non-public product whose vendor
 * signs a BAA for some plan; each group by name. Facts, not a ranking:
 * nothing is ordered by how good CallCheck thinks it is.
 *
 * Empty where the verdict is not red: an amber or green verdict has no
 * "instead" to offer.
 */
export function baaAlternatives<P extends JudgedProduct>(current: Match<P>, all: readonly Match<P>[]): Match<P>[] {
  if (familyOf(current.verdict) !== 'red') return [];
  const others = all.filter((m) => m.entry.id !== current.entry.id);
  const byName = (a: Match<P>, b: Match<P>) => a.entry.name.localeCompare(b.entry.name, 'en');
  const approved = others.filter((m) => m.verdict === 'approved').sort(byName);
  // check-plan is exactly "the vendor signs a BAA on some plan, and nobody here has recorded one":
  // never blocked, public or retired (those verdicts come first in assess).
  const offered = others.filter((m) => m.verdict === 'check-plan' && m.entry.origin === 'dataset').sort(byName);
  return [...approved, ...offered];
}

/** One platform of the list, worded for the reader. */
export interface AlternativeRow {
  id: string;
  name: string;
  /** "BAA on record" (the clinic's) or "Vendor signs a BAA". */
  tag: string;
  /** Which plans, how to get it, whether the free or cheapest plan has one. */
  lines: string[];
}

const snake = (value: string) => value.replace(/-/g, '_');

export function alternativeRows(matches: readonly Match<Product>[], t: Translate): AlternativeRow[] {
  return matches.map((m) => {
    const lines: string[] = [];
    if (m.entry.origin === 'dataset') {
      const { baa, freePlanBaa } = m.entry.product;
      lines.push(
        `${t('fact_plans')}: ${baa.plans}`,
        `${t('fact_how')}: ${t(`how_${snake(baa.how)}` as MessageKey)}`,
        `${t('fact_freePlanBaa')}: ${t(`value_${freePlanBaa.value}` as MessageKey)} (${freePlanBaa.plan})`,
      );
    }
    return {
      id: m.entry.id,
      name: m.entry.name,
      tag: t(m.verdict === 'approved' ? 'alternatives_on_record' : 'alternatives_offered'),
      lines,
    };
  });
}
