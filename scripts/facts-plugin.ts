import type { Plugin } from 'vite';
import type { Dataset } from '../utils/dataset/schema';

/**
 * `virtual:callcheck/facts`: what the popup shows of the dataset, and no
 * more. The popup decides the verdict and page kind from the slim dataset,
 * as the banner does, and shows one product's facts and sources; the page
 * rules' evidence and examples (a sixth of the dataset) are left out, and the
 * rest travels as one JSON string, which parses several times faster than an
 * object literal.
 *
 * Measured (see the closing note of the call-page issue): loading one
 * product's facts as a separate file or chunk after start-up cost about
 * 25-30 ms in an extension page here, more than parsing them all at once in
 * the bundle that loads in parallel with the page.
 */
export function factsModule(dataset: Dataset): Plugin {
  const id = 'virtual:callcheck/facts';
  const products = dataset.products.map((product) => ({
    ...product,
    sites: product.sites.map(({ host, paths }) => (paths ? { host, paths } : { host })),
  }));
  return {
    name: 'callcheck:facts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export const facts = JSON.parse(${JSON.stringify(JSON.stringify({ products, explainers: dataset.explainers }))});\n`
        : undefined,
  };
}
