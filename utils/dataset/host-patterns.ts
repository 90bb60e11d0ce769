import type { Dataset } from './schema';

/**
 * Match patterns for every call host in the dataset: the extension's host
 * permissions and content-script matches are generated from here, so adding a
 * vendor to the dataset is one edit. A host covers its subdomains, as in
 * matching: `*://*.zoom.us/*` matches zoom.us itself and every subdomain, in
 * Chrome and Firefox alike.
 */
export function callHostPatterns(dataset: Dataset): string[] {
  const hosts = new Set<string>();
  for (const product of dataset.products) for (const site of product.sites) hosts.add(site.host);
  return [...hosts].sort().map((host) => `*://*.${host}/*`);
}
