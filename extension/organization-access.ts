import { browser } from 'wxt/browser';
import slim from 'virtual:callcheck/slim-dataset';
import type { OrganizationAccess } from '../utils/policy/read';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import type { Settings } from '../utils/settings/schema';
import { customScriptPatterns } from './custom-scripts';

/**
 * The organization's custom vendors whose sites CallCheck cannot read yet:
 * a policy can add vendors, but no browser lets it grant their hosts, so
 * each user allows them once (see docs/admin.md).
 */
export function organizationAccess(
  vendors: Settings['customVendors'],
  granted: ReadonlySet<string>,
): OrganizationAccess {
  const missing = new Set<string>();
  let count = 0;
  for (const vendor of vendors) {
    const lacking = customScriptPatterns({ ...EMPTY_SETTINGS, customVendors: [vendor] }, slim).filter(
      (origin) => !granted.has(origin),
    );
    if (lacking.length > 0) count++;
    for (const origin of lacking) missing.add(origin);
  }
  return { vendors: count, origins: [...missing].sort() };
}

/**
 * The origins the user has granted, in one call: asking the browser origin by
 * origin took seconds with a thousand custom vendors. CallCheck asks for
 * exactly these patterns (see originsFor), so they come back as written.
 */
export async function grantedOrigins(): Promise<ReadonlySet<string>> {
  const { origins = [] } = await browser.permissions.getAll();
  return new Set(origins);
}

export function grantedCustomPatterns(settings: Settings, granted: ReadonlySet<string>): string[] {
  return customScriptPatterns(settings, slim).filter((origin) => granted.has(origin));
}
