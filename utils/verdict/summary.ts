import type { Assessment, Match } from './assess';
import { FACT_KEYS, type FactKey, type Source } from '../dataset/schema';
import type { Translate } from '../vocabulary/messages';

/**
 * The flat, stable shape of an assessment that the command line prints and
 * that other tools can rely on.
 */
export interface MatchSummary {
  vendor: string;
  name: string;
  product: string;
  origin: 'dataset' | 'custom';
  verdict: Match['verdict'];
  /** `call`: a call page (full banner); `app`: a client where calls may start (pill); `site`: any other page of the vendor. */
  page: Match['page'];
  reason: string;
  baa: string;
  e2ee: string;
  status: string;
  reviewed: string | null;
  sources: { url: string; publisher: Source['publisher'] | 'user'; checked: string | null; facts: FactKey[] }[];
}

export type AssessmentSummary =
  { url: string; error: string } | { url: string; match: MatchSummary | null; assumed?: string };

export function summarize(assessment: Assessment, t: Translate): AssessmentSummary {
  if (!assessment.ok) return { url: assessment.url, error: assessment.error };
  return { url: assessment.url, match: assessment.match ? summarizeMatch(assessment.match, t) : null };
}

export function summarizeMatch(match: Match, t: Translate): MatchSummary {
  const { entry } = match;
  const base = {
    vendor: entry.vendor,
    name: entry.name,
    product: entry.id,
    origin: entry.origin,
    verdict: match.verdict,
    page: match.page,
    reason: t(match.reason.key, match.reason.args),
  };
  if (entry.origin === 'custom') {
    const { custom } = entry;
    return {
      ...base,
      baa: custom.baa,
      e2ee: custom.e2ee,
      status: 'active',
      reviewed: null,
      sources: custom.sources.map((url) => ({
        url,
        publisher: 'user' as const,
        checked: null,
        facts: ['baa' as const],
      })),
    };
  }
  const { product } = entry;
  // One row per source URL, listing the facts it supports, BAA sources first.
  const byUrl = new Map<string, MatchSummary['sources'][number]>();
  for (const key of FACT_KEYS) {
    for (const source of product[key].sources) {
      const row = byUrl.get(source.url);
      if (row) {
        if (!row.facts.includes(key)) row.facts.push(key);
        if (row.checked === null || source.checked > row.checked) row.checked = source.checked;
      } else {
        byUrl.set(source.url, { url: source.url, publisher: source.publisher, checked: source.checked, facts: [key] });
      }
    }
  }
  return {
    ...base,
    baa: product.baa.value,
    e2ee: product.e2ee.value,
    status: product.status.value,
    reviewed: product.reviewed,
    sources: [...byUrl.values()],
  };
}
