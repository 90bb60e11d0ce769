import type { FactKey, Product } from './schema';
import type { MessageKey, Translate } from '../vocabulary/messages';

/** One source, already worded for the reader. */
export interface SourceRow {
  url: string;
  title: string;
  /** The site, e.g. "support.zoom.com", which people recognise faster than a title. */
  site: string;
  /** e.g. "(vendor, checked 2026-11-24)" */
  note: string;
}

/** One fact, worded: what the popup's table and the banner's details render. */
export interface FactRow {
  key: FactKey;
  label: string;
  value: string;
  detail: string[];
  disagreement?: string;
  sources: SourceRow[];
}

const snake = (value: string) => value.replace(/-/g, '_');

export function sourceRow(source: Product['baa']['sources'][number], t: Translate): SourceRow {
  let site = source.url;
  try {
    site = new URL(source.url).hostname.replace(/^www\./, '');
  } catch {
    // keep the raw text: the dataset lint guarantees URLs, custom data may not
  }
  return {
    url: source.url,
    title: source.title,
    site,
    note: `(${t(`publisher_${source.publisher}`)}, ${t('source_checked', [source.checked])})`,
  };
}

/**
 * The facts of a product as rows, in reading order. `compact` (the banner's
 * details) keeps the four a clinician needs first, with one source each.
 * Worded here, once: the background words them for the banner, the popup for
 * itself.
 */
export function factRows(product: Product, t: Translate, compact = false): FactRow[] {
  const { baa, freePlanBaa, transit, e2ee, openness, status, publicFacing, hhs2020 } = product;
  const row = (
    key: FactKey,
    value: string,
    detail: (string | undefined)[],
    fact: { sources: Product['baa']['sources']; disagreement?: string | undefined },
  ): FactRow => ({
    key,
    label: t(`fact_${key}` as MessageKey),
    value,
    detail: detail.filter((line): line is string => !!line),
    ...(fact.disagreement ? { disagreement: t('disagreement', [fact.disagreement]) } : {}),
    sources: (compact ? fact.sources.slice(0, 1) : fact.sources).map((s) => sourceRow(s, t)),
  });
  const rows = [
    row(
      'baa',
      t(`value_${snake(baa.value)}` as MessageKey),
      [
        `${t('fact_plans')}: ${baa.plans}`,
        // The popup says how in "What to do next"; the banner has no such section.
        `${t('fact_how')}: ${t(`how_${snake(baa.how)}` as MessageKey)}.${compact ? ` ${baa.detail}` : ''}`,
      ],
      baa,
    ),
    row('freePlanBaa', t(`value_${freePlanBaa.value}` as MessageKey), [freePlanBaa.plan], freePlanBaa),
    row('e2ee', t(`value_${e2ee.value}` as MessageKey), [e2ee.limits], e2ee),
    row('transit', t(`value_${transit.value}` as MessageKey), [transit.detail], transit),
    row(
      'status',
      t(`value_${status.value}` as MessageKey) + (status.date ? ` (${status.date})` : ''),
      [status.successor && `${t('fact_successor')}: ${status.successor}`, status.detail],
      status,
    ),
    row('openness', t(`value_${snake(openness.value)}` as MessageKey), [openness.detail], openness),
    row('publicFacing', t(publicFacing.value ? 'value_yes' : 'value_no'), [], publicFacing),
    row('hhs2020', t(`value_${snake(hhs2020.value)}` as MessageKey), [hhs2020.detail], hhs2020),
  ];
  // Encryption in transit is the fact that matters least for a decision ("encryption is not a BAA").
  return compact ? rows.filter((r) => COMPACT_KEYS.includes(r.key)) : rows;
}

const COMPACT_KEYS: readonly FactKey[] = ['baa', 'freePlanBaa', 'e2ee', 'status'];
