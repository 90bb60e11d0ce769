import { browser } from 'wxt/browser';
import { factsVersion } from 'virtual:callcheck/slim-dataset';
import type { Explainer, Product } from '../utils/dataset/schema';
import { FACTS_CACHE } from './storage-keys';

/**
 * The packaged facts, copied into storage.local by the background after an
 * install or update (and at a start, if the copy is from another build):
 * Chromium took 10-45 ms to read a packaged file in the popup, most of the
 * popup's time beyond what any extension page takes to open; storage.local
 * answers in 1-5 ms. Each entry is used only where the copy carries this
 * build's fingerprint; otherwise the surface reads the packaged file, as
 * before. The copy is derived and holds nothing of the person's.
 */
interface PackagedFacts {
  products: Product[];
  explainers: Explainer[];
}

/** Writes the copy when it is missing or from another build. The background is its only writer; one write at a time. */
let writing: Promise<void> | null = null;
export function refreshFactsCache(read: () => Promise<PackagedFacts>): Promise<void> {
  writing ??= writeCopy(read).finally(() => {
    writing = null;
  });
  return writing;
}

async function writeCopy(read: () => Promise<PackagedFacts>): Promise<void> {
  const stored = await browser.storage.local.get(FACTS_CACHE.version);
  if (stored[FACTS_CACHE.version] === factsVersion) return;
  const { products, explainers } = await read();
  if (products.length === 0) return;
  const entries: Record<string, unknown> = Object.fromEntries(
    products.map((product) => [FACTS_CACHE.product(product.id), product]),
  );
  // Entries of products this build no longer has go; the rest are overwritten below.
  const stale = Object.keys(await browser.storage.local.get(null)).filter(
    (key) => key.startsWith(FACTS_CACHE.prefix) && key !== FACTS_CACHE.version && !(key in entries),
  );
  if (stale.length > 0) await browser.storage.local.remove(stale);
  // One call, the fingerprint with the entries: a reader never sees one without the other.
  await browser.storage.local.set({
    ...entries,
    [FACTS_CACHE.explainers]: explainers,
    [FACTS_CACHE.version]: factsVersion,
  });
}

/** From the copy: a product's facts, or undefined where the copy is missing or from another build. */
export async function cachedProduct(productId: string): Promise<Product | undefined> {
  const key = FACTS_CACHE.product(productId);
  const got = await read([FACTS_CACHE.version, key]);
  const product = got?.[key] as Product | undefined;
  return product?.id === productId ? product : undefined;
}

/** From the copy: the explainers, or undefined where the copy is missing or from another build. */
export async function cachedExplainers(): Promise<Explainer[] | undefined> {
  const got = await read([FACTS_CACHE.version, FACTS_CACHE.explainers]);
  const list = got?.[FACTS_CACHE.explainers];
  return Array.isArray(list) ? (list as Explainer[]) : undefined;
}

/** Only what is asked for: storage reads of a few KB take 1-5 ms, the explainers alone are 18 KB. */
async function read(keys: string[]): Promise<Record<string, unknown> | undefined> {
  const got = await browser.storage.local.get(keys).catch(() => ({}) as Record<string, unknown>);
  return got[FACTS_CACHE.version] === factsVersion ? got : undefined;
}
