import { browser } from 'wxt/browser';
import type { Dataset, Explainer, Product } from '../utils/dataset/schema';
import type { JudgedProduct, Match } from '../utils/verdict/assess';
import { cachedExplainers, cachedProduct } from './facts-cache';
import { ALL_FACTS_FILE, EXPLAINERS_FILE, factsFile } from './packaged-facts-paths';

/**
 * A product's facts and sources, read from the package (scripts/facts-files.ts)
 * when a surface shows them: the popup, the options page's directory and the
 * background (for the banner's details). Each file is read once per page or
 * worker start; a file that is missing or unreadable reads as no facts, and
 * the surface says the facts could not be shown rather than hang.
 */
function once<T>(reads: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let found = reads.get(key);
  if (!found) {
    found = read();
    reads.set(key, found);
  }
  return found;
}

const files = new Map<string, Promise<unknown>>();

function readPackaged(path: string): Promise<unknown> {
  // The extension's own file: a local read (the CSP allows 'self' and nothing else).
  return once(files, path, () =>
    fetch(browser.runtime.getURL(`/${path}` as '/popup.html')).then(
      (response) => (response.ok ? response.json() : undefined),
      () => undefined,
    ),
  );
}

/** Each product read once per page: the popup starts reading as soon as it knows the tab. */
const products = new Map<string, Promise<Product | undefined>>();

export function productFacts(productId: string): Promise<Product | undefined> {
  return once(products, productId, () => readProduct(productId));
}

/** A judged match with its product's facts and sources; a custom vendor carries its own. Null where they cannot be read. */
export async function withProductFacts(match: Match<JudgedProduct>): Promise<Match | null> {
  const { entry } = match;
  if (entry.origin === 'custom') return { ...match, entry };
  const product = await productFacts(entry.id);
  return product ? { ...match, entry: { ...entry, product } } : null;
}

async function readProduct(productId: string): Promise<Product | undefined> {
  // The background's copy in storage first (extension/facts-cache.ts): a read of 1-5 ms, where the file took 10-45.
  const cached = await cachedProduct(productId);
  if (cached) return cached;
  const product = (await readPackaged(factsFile(productId))) as Product | undefined;
  return product?.id === productId ? product : undefined;
}

export async function explainers(): Promise<Explainer[]> {
  const cached = await cachedExplainers();
  if (cached) return cached;
  const list = await readPackaged(EXPLAINERS_FILE);
  return Array.isArray(list) ? (list as Explainer[]) : [];
}

/**
 * Every product's facts and the explainers, read from the package: what the
 * options page's directory shows. One file read took the options page less
 * time than parsing the same data bundled into its script (1.1 MB with
 * quotes and page-rule evidence) and than 80-odd reads of the single files.
 */
export async function packagedDataset(): Promise<Pick<Dataset, 'products' | 'explainers'>> {
  const [products, explained] = await Promise.all([readPackaged(ALL_FACTS_FILE), explainers()]);
  return { products: Array.isArray(products) ? (products as Product[]) : [], explainers: explained };
}
