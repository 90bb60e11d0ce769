import { parse } from 'tldts';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Is this a lowercase ASCII (punycode) host name under a real public suffix,
 * which could be registered or is a subdomain of a registered name?
 * Rejects IP literals, bare public suffixes (`co.uk`, `github.io`) and
 * anything with empty, over-long or non-ASCII labels.
 */
export function isRegistrableHost(host: string): boolean {
  if (host.length === 0 || host.length > 253 || host !== host.toLowerCase()) return false;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  const info = parse(host, { allowPrivateDomains: true });
  return !info.isIp && info.domain !== null && info.isIcann !== null;
}
