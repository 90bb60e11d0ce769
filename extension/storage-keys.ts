/**
 * Every key CallCheck keeps in storage.local, named once. Each has one
 * writer: the background (settings, preferences, bannerState, linkSites,
 * effective, linkCheck, lastPolicy). The item definitions
 * (extension/storage.ts), the light readers in content scripts
 * (extension/stored.ts) and every storage.onChanged listener use these
 * names; tests/storage-keys.test.ts refuses a key written anywhere else.
 * Nothing else is imported here, so content scripts can use it.
 */
export const STORAGE_KEYS = {
  /** The person's own decisions: approvals, blocks, custom vendors. */
  settings: 'settings',
  /** Which verdicts bring a banner. */
  preferences: 'preferences',
  /** The banner's memory: snoozes, dismissals, banners seen. */
  bannerState: 'bannerState',
  /** Where the person turned link checking on. */
  linkSites: 'linkSites',
  /** Where link checking runs (the person's sites, the policy's, what is granted). */
  linkCheck: 'linkCheck',
  /** The merged settings (policy over the person's over the dataset) that badges and banners read. */
  effective: 'effective',
  /** The organization's policy as last read, for pages drawn before the (slow) real read answers. */
  lastPolicy: 'lastPolicy',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/**
 * The background's copy of the packaged facts (extension/facts-cache.ts),
 * one key per product, with the build's fingerprint: the popup reads one
 * product's facts in a millisecond or two, where reading the packaged file
 * took Chromium 10-45 ms. Derived from the package; the background is its
 * one writer.
 */
export const FACTS_CACHE = {
  /** The fingerprint of the build whose facts the copy holds. */
  version: 'facts:version',
  prefix: 'facts:',
  product: (productId: string) => `facts:product:${productId}`,
  explainers: 'facts:explainers',
} as const;

/** The key as @wxt-dev/storage names it. */
export const localKey = <K extends StorageKey>(key: K): `local:${K}` => `local:${key}`;

/** Whether a storage.onChanged batch touched any of these keys. */
export function touches(changes: Record<string, unknown>, ...keys: StorageKey[]): boolean {
  return keys.some((key) => key in changes);
}
