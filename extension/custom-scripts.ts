import { matchEntry, type JudgedProduct, type ProductList } from '../utils/verdict/assess';
import type { Settings } from '../utils/settings/schema';

/**
 * The origins CallCheck asks for, per host: https and http separately,
 * because each must fall inside one of the manifest's
 * optional_host_permissions (`https://*\/*`, `http://*\/*`); a `*://` pattern
 * falls inside neither and Chromium refuses it. `*.` covers the subdomains,
 * as matching does.
 */
export function originsFor(hosts: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const host of hosts) {
    const pattern = isIp(host) ? host : `*.${host}`;
    origins.add(`https://${pattern}/*`);
    origins.add(`http://${pattern}/*`);
  }
  return [...origins];
}

/**
 * The origins of the custom vendors' hosts that the bundled content script
 * does not already cover (clinic.zoom.us is under zoom.us: the bundled
 * script runs there and already knows the custom vendor).
 */
export function customScriptPatterns(settings: Settings, dataset: ProductList<JudgedProduct>): string[] {
  const hosts = settings.customVendors.flatMap((vendor) =>
    vendor.sites
      .map((site) => site.host)
      .filter((host) => matchEntry(`https://${host}/`, dataset)?.origin !== 'dataset'),
  );
  return originsFor(hosts).sort();
}

function isIp(host: string): boolean {
  return host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host);
}
