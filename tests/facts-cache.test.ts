import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { factsVersion } from 'virtual:callcheck/slim-dataset';
import { cachedExplainers, cachedProduct, refreshFactsCache } from '../extension/facts-cache';
import { FACTS_CACHE } from '../extension/storage-keys';
import { shownProduct } from '../scripts/facts-files';
import { dataset } from '../utils/dataset/bundled';

const packaged = () =>
  Promise.resolve({ products: dataset.products.map(shownProduct), explainers: dataset.explainers });

describe('the background’s copy of the facts for the popup', () => {
  beforeEach(() => fakeBrowser.reset());

  it('copies every product and the explainers with this build’s fingerprint, and the popup reads one product from it', async () => {
    expect(await cachedProduct('zoom')).toBeUndefined();
    expect(await cachedExplainers()).toBeUndefined();
    await refreshFactsCache(packaged);
    const zoom = await cachedProduct('zoom');
    expect(zoom?.name).toBe(dataset.products.find((p) => p.id === 'zoom')!.name);
    expect(await cachedExplainers()).toEqual(dataset.explainers);
    // What the surfaces show carries no quotes.
    expect(JSON.stringify(zoom)).not.toContain('"quote"');
    expect(await cachedProduct('no-such-product')).toBeUndefined();
  });

  it('is not used when it is from another build, and is written again at the next start', async () => {
    await refreshFactsCache(packaged);
    await fakeBrowser.storage.local.set({
      [FACTS_CACHE.version]: 'another-build',
      [FACTS_CACHE.product('zoom')]: { id: 'zoom', name: 'Zoom (stale facts)' },
    });
    expect(await cachedProduct('zoom')).toBeUndefined();
    expect(await cachedExplainers()).toBeUndefined();
    await refreshFactsCache(packaged);
    expect((await cachedProduct('zoom'))?.name).not.toMatch(/stale/);
    expect((await fakeBrowser.storage.local.get(FACTS_CACHE.version))[FACTS_CACHE.version]).toBe(factsVersion);
  });

  it('drops products the build no longer has, keeps everything that is not the copy, and writes once when asked twice', async () => {
    await fakeBrowser.storage.local.set({
      [FACTS_CACHE.version]: 'older-build',
      [FACTS_CACHE.product('retired-product')]: { id: 'retired-product' },
      settings: { approvals: [], blocks: [], customVendors: [] },
    });
    const read = vi.fn(packaged);
    await Promise.all([refreshFactsCache(read), refreshFactsCache(read)]);
    expect(read).toHaveBeenCalledTimes(1);
    const all = await fakeBrowser.storage.local.get(null);
    expect(all[FACTS_CACHE.product('retired-product')]).toBeUndefined();
    expect(all.settings).toEqual({ approvals: [], blocks: [], customVendors: [] });
    // Already current: nothing read, nothing written.
    await refreshFactsCache(read);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
