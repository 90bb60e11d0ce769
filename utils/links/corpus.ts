import * as v from 'valibot';
import type { Product } from '../dataset/schema';
import { IsoDate, SourceSchema } from '../dataset/schema';
import type { ProductList } from '../dataset/judged';
import { parseCallUrl } from '../matching/call-url';
import { compilePageRules, decidingRule } from '../matching/page-patterns';
import { EMPTY_SETTINGS } from '../settings/repair';
import { assess } from '../verdict/assess';
import type { PageKind } from '../vocabulary/values';

/**
 * The meeting-link corpus (tests/fixtures/meeting-links.json): real-shaped
 * links of every product, each group with the sources where its shape is
 * documented (vendors' help and developer pages, and the public meeting-link
 * detectors' own lists and tests), written apart from the page rules so that
 * the rules are measured against links they were not written from.
 *
 * - `call` and `app` shapes: what the banner must warn on (app pages get the pill);
 * - `site` groups: other pages of the same hosts (pricing, help, sign-in,
 *   downloads, recordings, registration, dial-in numbers, developer docs,
 *   trust pages), which must never bring a banner;
 * - `undetectable`: shapes known to exist whose URL cannot tell a call
 *   (and why), so the report can say what CallCheck cannot see;
 * - `lookalikes`: links that only look like a vendor's, which must match nothing.
 */

const LinkList = v.pipe(
  v.array(v.pipe(v.string(), v.url(), v.startsWith('https://', 'corpus links are https URLs'))),
  v.minLength(1),
);
const SourceKeys = v.pipe(v.array(v.string()), v.minLength(1, 'every group of links needs a source'));

export const CorpusShapeSchema = v.strictObject({
  kind: v.picklist(['call', 'app']),
  /** The shape in words, `/j/<meeting id>` */
  shape: v.pipe(v.string(), v.nonEmpty()),
  sources: SourceKeys,
  links: LinkList,
  /**
   * Absent: copied from its sources, which are not the evidence the page
   * rules were written from. `rule-example`: a page rule's own example (it
   * proves the rule is reached, not that the rule was measured independently).
   */
  origin: v.optional(v.picklist(['rule-example'])),
  note: v.optional(v.string()),
});

export const CorpusSitesSchema = v.strictObject({
  /** pricing, help, sign-in, download, recording, registration, dial-in, developer, trust, legal, blog, feed, profile, settings, other */
  what: v.pipe(v.string(), v.nonEmpty()),
  sources: SourceKeys,
  links: LinkList,
});

export const CorpusUndetectableSchema = v.strictObject({
  shape: v.pipe(v.string(), v.nonEmpty()),
  why: v.pipe(v.string(), v.nonEmpty()),
  sources: SourceKeys,
});

export const CorpusSchema = v.strictObject({
  $comment: v.optional(v.string()),
  version: v.literal(1),
  updated: IsoDate,
  sources: v.record(
    v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'source keys are kebab-case')),
    SourceSchema,
  ),
  products: v.record(
    v.string(),
    v.strictObject({
      shapes: v.optional(v.array(CorpusShapeSchema)),
      sites: v.optional(v.array(CorpusSitesSchema)),
      undetectable: v.optional(v.array(CorpusUndetectableSchema)),
    }),
  ),
  lookalikes: v.array(v.strictObject({ url: v.string(), trick: v.pipe(v.string(), v.nonEmpty()) })),
});

export type Corpus = v.InferOutput<typeof CorpusSchema>;

/** One link the page rules got wrong. */
export interface Miss {
  product: string;
  url: string;
  expected: PageKind | 'no match';
  got: string;
}

export interface ProductConformance {
  product: string;
  calls: number;
  apps: number;
  /** Call and app links copied from sources other than the rules' own evidence. */
  independent: number;
  sites: number;
  /** Corpus shapes whose every link was judged right. */
  shapesCovered: number;
  shapes: number;
  /** The dataset's call and app rules that at least one corpus link reaches. */
  rulesReached: number;
  rules: number;
  undetectable: { shape: string; why: string }[];
}

export interface Conformance {
  products: ProductConformance[];
  misses: Miss[];
  totals: { callOrApp: number; independent: number; sites: number; lookalikes: number };
  problems: string[];
}

/**
 * Judges every link of the corpus as the extension would (`assess` with no
 * settings): call and app links must be that product's call or app pages,
 * site links must bring no banner, look-alikes must match nothing.
 */
export function checkCorpus(corpus: Corpus, dataset: ProductList<Product>): Conformance {
  const problems: string[] = [];
  const misses: Miss[] = [];
  const judge = (url: string) => {
    const result = assess(url, dataset, EMPTY_SETTINGS);
    return result.ok ? result.match : null;
  };
  const byId = new Map(dataset.products.map((p) => [p.id, p]));
  const products: ProductConformance[] = [];
  let callOrApp = 0;
  let independent = 0;
  let sites = 0;

  for (const [id, entry] of Object.entries(corpus.products)) {
    const product = byId.get(id);
    if (!product) {
      problems.push(`${id}: no such product in the dataset`);
      continue;
    }
    const groups = [...(entry.shapes ?? []), ...(entry.sites ?? [])];
    for (const group of [...groups, ...(entry.undetectable ?? [])]) {
      for (const key of group.sources) if (!corpus.sources[key]) problems.push(`${id}: unknown source "${key}"`);
    }
    const row: ProductConformance = {
      product: id,
      calls: 0,
      apps: 0,
      independent: 0,
      sites: 0,
      shapesCovered: 0,
      shapes: entry.shapes?.length ?? 0,
      rulesReached: 0,
      rules: 0,
      undetectable: [
        ...(entry.undetectable ?? []).map(({ shape, why }) => ({ shape, why })),
        ...product.sites
          .filter((s) => s.noCallShape && !s.pages?.some((r) => r.kind !== 'site'))
          .map((s) => ({ shape: `calls on ${s.host}`, why: s.noCallShape! })),
      ],
    };
    for (const shape of entry.shapes ?? []) {
      let right = true;
      for (const url of shape.links) {
        const match = judge(url);
        const got = match ? `${match.entry.id} ${match.page}` : 'no match';
        if (!match || match.entry.id !== id || match.page !== shape.kind) {
          right = false;
          misses.push({ product: id, url, expected: shape.kind, got });
        }
        if (shape.kind === 'call') row.calls++;
        else row.apps++;
        if (!shape.origin) row.independent++;
      }
      if (right) row.shapesCovered++;
    }
    for (const group of entry.sites ?? []) {
      for (const url of group.links) {
        const match = judge(url);
        if (match && match.page !== 'site')
          misses.push({ product: id, url, expected: 'site', got: `${match.entry.id} ${match.page}` });
        row.sites++;
      }
    }
    // Which of the product's own call and app rules the corpus reaches.
    const links = (entry.shapes ?? []).flatMap((s) => s.links);
    for (const site of product.sites) {
      const rules = site.pages ?? [];
      const compiled = compilePageRules(rules);
      const decided = new Set<number>();
      for (const url of links) {
        const parsed = parseCallUrl(url);
        if (parsed.kind === 'web' && (parsed.host === site.host || parsed.host.endsWith(`.${site.host}`)))
          decided.add(decidingRule(compiled, parsed));
      }
      rules.forEach((rule, i) => {
        if (rule.kind === 'site') return;
        row.rules++;
        if (decided.has(i)) row.rulesReached++;
      });
    }
    callOrApp += row.calls + row.apps;
    independent += row.independent;
    sites += row.sites;
    products.push(row);
  }
  for (const { url, trick } of corpus.lookalikes) {
    const match = judge(url);
    if (match)
      misses.push({
        product: match.entry.id,
        url,
        expected: 'no match',
        got: `${match.entry.id} ${match.page} (${trick})`,
      });
  }
  return {
    products,
    misses,
    totals: { callOrApp, independent, sites, lookalikes: corpus.lookalikes.length },
    problems,
  };
}
