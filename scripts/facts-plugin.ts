import type { Plugin } from 'vite';
import { FACT_KEYS, type Dataset } from '../utils/dataset/schema';

/**
 * `virtual:callcheck/facts`: what the popup shows of the dataset, and no
 * more. The popup decides the verdict and page kind from the slim dataset,
 * as the banner does, and shows one product's facts and sources; the page
 * rules' evidence and examples (a sixth of the dataset) are left out, and the
 * rest travels as JSON strings, which parse several times faster than
 * object literals: one for the explainers, and one per product, parsed only
 * when that product is shown (at 82 products, parsing them all on every
 * opening cost the popup about 50 ms).
 *
 * Measured (see the closing note of the call-page issue): loading one
 * product's facts as a separate file or chunk after start-up cost about
 * 25-30 ms in an extension page here, more than parsing them in the bundle
 * that loads in parallel with the page.
 */
export function factsModule(dataset: Dataset): Plugin {
  const id = 'virtual:callcheck/facts';
  // Quotes are for checking the data, not for reading in the popup (it shows
  // each source's site, title, publisher and date): they were two fifths of
  // its facts, and the popup's module was 640 KB before they went.
  const withoutQuotes = <F extends { sources: { quote?: string }[] }>(fact: F): F => ({
    ...fact,
    sources: fact.sources.map(({ quote: _quote, ...source }) => source),
  });
  const products = dataset.products.map((product) => ({
    ...product,
    ...Object.fromEntries(FACT_KEYS.map((key) => [key, withoutQuotes(product[key])])),
    sites: product.sites.map(({ host, paths }) => (paths ? { host, paths } : { host })),
  }));
  return {
    name: 'callcheck:facts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export const explainers = JSON.parse(${JSON.stringify(JSON.stringify(dataset.explainers))});\n` +
          `const raw = new Map(${JSON.stringify(products.map((p) => [p.id, JSON.stringify(p)]))});\n` +
          `const parsed = new Map();\n` +
          `export function productFacts(id) {\n` +
          `  if (!parsed.has(id)) { const text = raw.get(id); parsed.set(id, text === undefined ? undefined : JSON.parse(text)); }\n` +
          `  return parsed.get(id);\n` +
          `}\n`
        : undefined,
  };
}
