/**
 * Where link checking runs now, as the background worked it out: kept apart
 * from link-sites.ts so the link checker in the page reads it without the
 * domain parser and its public-suffix list.
 */
export interface LinkCheckState {
  /** Hosts where the link checker runs now. */
  active: string[];
  /** The organization forbids link checking. */
  forbidden: boolean;
  /** The organization's sites. */
  organization: string[];
  /** Sites listed (by the user or the organization) that the browser has not granted yet: the origins to ask for. */
  missing: string[];
}

/** Repairs what was read from storage (the link checker reads it inside web pages). */
export function readLinkCheck(raw: unknown): LinkCheckState {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const hosts = (value: unknown) =>
    Array.isArray(value)
      ? value.filter((h): h is string => typeof h === 'string' && /^[a-z0-9.-]{1,253}$/.test(h)).slice(0, 500)
      : [];
  return {
    active: hosts(record.active),
    forbidden: record.forbidden === true,
    organization: hosts(record.organization),
    missing: Array.isArray(record.missing)
      ? record.missing.filter((o): o is string => typeof o === 'string' && /^https:\/\/[a-z0-9.-]+\/\*$/.test(o))
      : [],
  };
}
