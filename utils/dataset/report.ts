import type { Dataset, FactKey, Product } from './schema';
import { FACT_KEYS } from './schema';

/**
 * The dataset's own figures, for `npm run facts -- report` and the README:
 * how much it covers, how much is still unknown, where the facts come from,
 * and what is due for a re-check.
 */

/** The products clinicians use most (issue 11's list): their unknowns are the ones that hurt. */
export const MOST_USED: readonly string[] = [
  'zoom',
  'microsoft-teams',
  'microsoft-teams-free',
  'google-meet',
  'doxy-me',
  'simplepractice-telehealth',
  'vsee',
  'webex',
  'goto-meeting',
  'facetime',
  'whatsapp-web',
  'signal',
  'skype',
  'spruce',
  'thera-link',
  'therapynotes-telehealth',
  'doximity',
  'whereby',
  'ringcentral-video',
  'zoho-meeting',
  'jitsi-meet',
  'facebook-messenger',
  'intakeq-telehealth',
  'healthie',
  'amwell',
];

/** The facts whose `unknown` a clinician feels: does it sign, is it encrypted, end to end, audited. */
export const DECISION_FACTS = ['baa', 'transit', 'e2ee', 'openness'] as const satisfies readonly FactKey[];
/** Facts that can say `unknown`, for the per-field rates. */
const UNKNOWABLE = ['baa', 'freePlanBaa', 'transit', 'e2ee', 'openness'] as const satisfies readonly FactKey[];

export interface DatasetReport {
  products: number;
  baaOffered: number;
  freePlanWithBaa: number;
  /** Share of `unknown` per fact, over all products. */
  unknownByFact: Record<(typeof UNKNOWABLE)[number], number>;
  /** Share of `unknown` among all products' facts that can be unknown. */
  unknownOverall: number;
  /** Share of `unknown` among the most-used products' decision facts (BAA, transit, E2EE, openness). */
  unknownMostUsed: number;
  /** Sources of facts, each URL counted once per fact, by publisher kind. */
  sourcesByPublisher: Record<string, number>;
  /** Facts whose newest source check is more than 12 months before `asOf`. */
  staleFacts: number;
}

export function reportDataset(dataset: Dataset, asOf: string): DatasetReport {
  const products = dataset.products;
  const share = (facts: { value: unknown }[]) =>
    facts.length ? facts.filter((f) => f.value === 'unknown').length / facts.length : 0;
  const unknownByFact = Object.fromEntries(
    UNKNOWABLE.map((key) => [key, share(products.map((p) => p[key]))]),
  ) as DatasetReport['unknownByFact'];
  const sourcesByPublisher: Record<string, number> = {};
  for (const p of products) {
    for (const key of FACT_KEYS) {
      for (const url of new Set(p[key].sources.map((s) => `${s.publisher} ${s.url}`))) {
        const publisher = url.split(' ')[0]!;
        sourcesByPublisher[publisher] = (sourcesByPublisher[publisher] ?? 0) + 1;
      }
    }
  }
  const mostUsed = products.filter((p) => MOST_USED.includes(p.id));
  return {
    products: products.length,
    baaOffered: products.filter((p) => p.baa.value === 'offered').length,
    freePlanWithBaa: products.filter((p) => p.freePlanBaa.value === 'yes').length,
    unknownByFact,
    unknownOverall: share(products.flatMap((p) => UNKNOWABLE.map((key) => p[key]))),
    unknownMostUsed: share(mostUsed.flatMap((p) => DECISION_FACTS.map((key) => p[key]))),
    sourcesByPublisher,
    staleFacts: staleFacts(dataset, asOf, 12).length,
  };
}

export interface StaleFact {
  productId: string;
  /** A fact key, or `sites` for the evidence of a site's page rules. */
  fact: FactKey | 'sites';
  /** The newest date any of its sources was checked. */
  newestCheck: string;
  urls: string[];
}

/** The date `months` calendar months before `asOf` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Facts to re-check: those whose newest source was last checked more than
 * `months` months before `asOf`. A fact with one fresh source and one old
 * one is not stale: someone looked at it recently.
 */
export function staleFacts(dataset: Dataset, asOf: string, months: number): StaleFact[] {
  const cutoff = monthsBefore(asOf, months);
  const stale: StaleFact[] = [];
  const check = (product: Product, fact: StaleFact['fact'], sources: { url: string; checked: string }[]) => {
    if (sources.length === 0) return;
    const newestCheck = sources
      .map((s) => s.checked)
      .sort()
      .at(-1)!;
    if (newestCheck < cutoff)
      stale.push({ productId: product.id, fact, newestCheck, urls: [...new Set(sources.map((s) => s.url))] });
  };
  for (const product of dataset.products) {
    for (const key of FACT_KEYS) check(product, key, product[key].sources);
    check(
      product,
      'sites',
      product.sites.flatMap((site) => (site.pages ?? []).flatMap((rule) => rule.evidence)),
    );
  }
  return stale;
}
