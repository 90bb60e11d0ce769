import type { Dataset } from './schema';

/**
 * Match patterns for every call host in the dataset: the extension's host
 * permissions and content-script matches are generated from here, so adding a
 * vendor to the dataset is one edit. A host covers its subdomains, as in
 * matching: `*://*.zoom.us/*` matches zoom.us itself and every subdomain, in
 * Chrome and Firefox alike. A host under another listed host (help.doxy.me
 * under doxy.me, listed to say its pages are not calls) needs no pattern of
 * its own.
 */
export function callHostPatterns(dataset: Dataset): string[] {
  const hosts = new Set<string>();
  for (const product of dataset.products) for (const site of product.sites) hosts.add(site.host);
  const covered = (host: string) => {
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      if (hosts.has(host.slice(dot + 1))) return true;
    }
    return false;
  };
  return [...hosts].filter((host) => !covered(host)).sort().map((host) => `*://*.${host}/*`);
}
