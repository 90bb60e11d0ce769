import { createHash } from 'node:crypto';
import { FACT_KEYS, type Dataset, type Product } from '../utils/dataset/schema';
import { ALL_FACTS_FILE, EXPLAINERS_FILE, factsFile } from '../extension/packaged-facts-paths';

/**
 * The facts the popup, the options page and the banner's details show, as
 * files inside the package: one per product, and one with the explainers.
 * A surface reads the one product it shows (`extension/packaged-facts.ts`)
 * instead of carrying all 80-odd in its JavaScript: the popup's first load
 * went from 1.5 MB of script to what one product needs. Reading a packaged
 * file by its extension URL is local; nothing leaves the device.
 *
 * Quotes are for checking the data, not for reading (the surfaces show each
 * source's site, title, publisher and date), and page rules' evidence and
 * examples are for the tests: both stay out.
 */
export interface FactsFile {
  relativeDest: string;
  contents: string;
}

const withoutQuotes = <F extends { sources: { quote?: string }[] }>(fact: F): F => ({
  ...fact,
  sources: fact.sources.map(({ quote: _quote, ...source }) => source),
});

/** What a surface gets of a product: every fact and source, no quotes, sites without page rules. */
export function shownProduct(product: Product): Product {
  return {
    ...product,
    ...Object.fromEntries(FACT_KEYS.map((key) => [key, withoutQuotes(product[key])])),
    sites: product.sites.map(({ host, paths }) => (paths ? { host, paths } : { host })),
  };
}

export function factsFiles(dataset: Dataset): FactsFile[] {
  const shown = dataset.products.map(shownProduct);
  return [
    ...shown.map((product) => ({ relativeDest: factsFile(product.id), contents: JSON.stringify(product) })),
    { relativeDest: EXPLAINERS_FILE, contents: JSON.stringify(dataset.explainers) },
    // The options page lists every product: one file, one read (80-odd parallel reads took it 0.2-0.5 s).
    { relativeDest: ALL_FACTS_FILE, contents: JSON.stringify(shown) },
  ];
}

/**
 * A fingerprint of the facts files' contents: the background's copy of the
 * facts in storage (extension/facts-cache.ts) is used only where it carries
 * the fingerprint of the build that reads it, so facts from another build
 * (an update, a development rebuild) are never shown.
 */
export function factsVersion(dataset: Dataset): string {
  const hash = createHash('sha256');
  for (const file of factsFiles(dataset))
    hash.update(file.relativeDest).update('\0').update(file.contents).update('\0');
  return hash.digest('hex').slice(0, 16);
}
