import { matchEntry, type JudgedProduct, type ProductList } from '../utils/assess';
import type { Settings } from '../utils/settings-schema';

/**
 * Match patterns for the custom vendors' hosts that the bundled content
 * script does not already cover (clinic.zoom.us is under zoom.us: the
 * bundled script runs there and already knows the custom vendor).
 */
export function customScriptPatterns(settings: Settings, dataset: ProductList<JudgedProduct>): string[] {
  const patterns = new Set<string>();
  for (const vendor of settings.customVendors) {
    for (const site of vendor.sites) {
      if (matchEntry(`https://${site.host}/`, dataset)?.origin === 'dataset') continue;
      patterns.add(isIp(site.host) ? `*://${site.host}/*` : `*://*.${site.host}/*`);
    }
  }
  return [...patterns].sort();
}

/** The origins to ask the user for, one per host (what permissions.request takes). */
export function originsFor(hosts: readonly string[]): string[] {
  return [...new Set(hosts.map((host) => (isIp(host) ? `*://${host}/*` : `*://*.${host}/*`)))];
}

function isIp(host: string): boolean {
  return host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host);
}
