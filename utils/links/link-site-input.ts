import { parseDomainInput } from '../settings/domain-input';
import { MAX_LINK_SITES } from './link-sites';

/** The user's list as saved: valid hosts only, each once, at most MAX_LINK_SITES; null when anything is wrong. */
export function parseLinkSites(raw: unknown): string[] | null {
  if (!Array.isArray(raw) || raw.length > MAX_LINK_SITES) return null;
  const hosts: string[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'string') return null;
    const parsed = parseDomainInput(entry);
    if (!parsed.ok) return null;
    if (!hosts.includes(parsed.host)) hosts.push(parsed.host);
  }
  return hosts;
}
