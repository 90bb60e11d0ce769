import { parse } from 'tldts';
import type { Message } from '../vocabulary/messages';

/**
 * The one parser for domains people type (options page, imports, policy).
 * It says exactly what is wrong, in words a clinician can act on, and
 * returns the host as the browser will see it: lowercase, punycode, no
 * trailing dot. A host always covers its subdomains, so `*.example.org` is
 * accepted and means the same as `example.org`.
 */
export type DomainResult = { ok: true; host: string } | { ok: false; error: Message };

export interface DomainOptions {
  /** IP addresses are refused unless explicitly allowed (a clinic's own server). */
  allowIp?: boolean;
}

export function parseDomainInput(input: string, options: DomainOptions = {}): DomainResult {
  let text = input.trim();
  if (text === '') return fail('domain_empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fail('domain_scheme');
  if (/\s/.test(text)) return fail('domain_spaces');
  if (text.includes('/')) return fail('domain_path');
  if (text.includes('@')) return fail('domain_at');
  if (/[?#]/.test(text)) return fail('domain_query');
  if (text.startsWith('*.')) text = text.slice(2);
  if (text.includes('*')) return fail('domain_wildcard');
  if (/^\[.*\]$/.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':'))) {
    return options.allowIp ? ipv6(text) : fail('domain_ip');
  }
  if (text.includes(':')) return fail('domain_port');
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text.startsWith('.') || text.includes('..')) return fail('domain_empty_label');

  let host: string;
  try {
    host = new URL(`http://${text}/`).hostname;
  } catch {
    return fail('domain_invalid');
  }
  if (host.length > 253) return fail('domain_too_long');
  const labels = host.split('.');
  const long = labels.find((label) => label.length > 63);
  if (long) return fail('domain_label_too_long', `${long.slice(0, 20)}…`);
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) return fail('domain_hyphen');
  if (!/^[a-z0-9.-]+$/.test(host)) return fail('domain_invalid');

  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return options.allowIp ? { ok: true, host } : fail('domain_ip');
  if (labels.length < 2) return fail('domain_single_label');
  if (info.domain === null || host === info.publicSuffix) {
    return fail('domain_public_suffix', host);
  }
  return { ok: true, host };
}

function ipv6(text: string): DomainResult {
  try {
    return { ok: true, host: new URL(`http://${text.startsWith('[') ? text : `[${text}]`}/`).hostname };
  } catch {
    return fail('domain_bad_ip');
  }
}

function fail(key: Message['key'], ...args: string[]): DomainResult {
  return { ok: false, error: { key, args } };
}

export type PathResult = { ok: true; path: string } | { ok: false; error: Message };

/** A path prefix such as /visit: whole path segments only, no query or fragment. */
export function parsePathPrefix(input: string): PathResult {
  const text = input.trim();
  if (!text.startsWith('/')) return { ok: false, error: { key: 'path_slash', args: [] } };
  if (/[\s?#]/.test(text)) return { ok: false, error: { key: 'path_chars', args: [] } };
  if (text.length > 200) return { ok: false, error: { key: 'path_too_long', args: [] } };
  return { ok: true, path: text.length > 1 && text.endsWith('/') ? text.slice(0, -1) : text };
}
