import { describe, expect, it } from 'vitest';
import { assess } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { slimDataset } from '../utils/dataset/slim';

describe('the content script dataset', () => {
  const slim = slimDataset(dataset);

  it('gives the same verdict and reason as the full dataset for every site of every product', () => {
    for (const product of dataset.products) {
      for (const site of product.sites) {
        const url = `https://${site.host}${site.paths?.[0] ?? '/'}`;
        const full = assess(url, dataset);
        const light = assess(url, slim);
        expect(light.ok && light.match?.verdict, url).toBe(full.ok && full.match?.verdict);
        expect(light.ok && light.match?.reason, url).toEqual(full.ok && full.match?.reason);
      }
    }
  });

  it('leaves out products with no known site', () => {
    expect(slim.products.find((p) => p.id === 'updox')).toBeUndefined();
  });
});
