import { browser } from 'wxt/browser';
import type { Dataset, Explainer, Product } from '../utils/dataset/schema';
import { cachedExplainers, cachedProduct } from './facts-cache';
import { ALL_FACTS_FILE, EXPLAINERS_FILE, factsFile } from './packaged-facts-paths';

/**
 * A product's facts and sources, read from the package (scripts/facts-files.ts)
 * when a surface shows them: the popup, the options page's directory and the
 * background (for the banner's details). Each file is read once per page or
 * worker start; a file that is missing or unreadable reads as no facts, and
 * the surface says the facts could not be shown rather than hang.
 */
const read = new Map<string, Promise<unknown>>();

function readPackaged(path: string): Promise<unknown> {
  let found = read.get(path);
  if (!found) {
    // The extension's own file: a local read (the CSP allows 'self' and nothing else).
    found = fetch(browser.runtime.getURL(`/${path}` as '/popup.html')).then(
      (response) => (response.ok ? response.json() : undefined),
      () => undefined,
    );
    read.set(path, found);
  }
  return found;
}

/** Each product read once per page: the popup starts reading as soon as it knows the tab. */
const products = new Map<string, Promise<Product | undefined>>();

export function productFacts(productId: string): Promise<Product | undefined> {
  let found = products.get(productId);
  if (!found) {
    found = readProduct(productId);
    products.set(productId, found);
  }
  return found;
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
