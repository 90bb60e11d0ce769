import type { Dataset } from './schema';
import { bannerDataset } from './slim';

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
  return hostPatterns(dataset.products.flatMap((product) => product.sites.map((site) => site.host)));
}

/**
 * Where the banner's content script runs: only the hosts whose pages can
 * bring a banner (see bannerDataset). The badge still needs every listed host
 * (host_permissions); an EHR host whose video visits have no URL of their own
 * does not get a script that would only decide to do nothing.
 */
export function bannerHostPatterns(dataset: Dataset): string[] {
  return callHostPatterns(bannerDataset(dataset));
}

function hostPatterns(list: string[]): string[] {
  const hosts = new Set(list);
  const covered = (host: string) => {
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      if (hosts.has(host.slice(dot + 1))) return true;
    }
    return false;
  };
  return [...hosts]
    .filter((host) => !covered(host))
    .sort()
    .map((host) => `*://*.${host}/*`);
}
