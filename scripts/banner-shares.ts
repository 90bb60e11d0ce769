import type { Dataset } from '../utils/dataset/schema';
import { bannerHostPatterns } from '../utils/dataset/host-patterns';
import { BANNER_DATA_GLOBAL, bannerShares } from '../utils/dataset/slim';

/**
 * The banner's content-script entries and their data files, made at build
 * time from the one dataset (see bannerShares in utils/dataset/slim.ts):
 * one entry per host pattern, each loading its own share of the data, then
 * the banner script, which reads the share from the isolated world it shares
 * with that data file (`globalThis.__callcheckBannerData`). A page matches at
 * most one entry: no pattern host is under another (host-patterns.ts).
 */
export interface BannerEntry {
  pattern: string;
  /** Path of the data file in the extension. */
  file: string;
  contents: string;
}

export function bannerEntries(dataset: Dataset): BannerEntry[] {
  const patterns = bannerHostPatterns(dataset);
  const hostOf = (pattern: string) => pattern.slice('*://*.'.length, -'/*'.length);
  const shares = bannerShares(dataset, patterns.map(hostOf));
  return patterns.map((pattern, i) => ({
    pattern,
    file: `banner-data/${hostOf(pattern)}.js`,
    contents: `globalThis.${BANNER_DATA_GLOBAL}=${JSON.stringify(shares[i]!.rows)};\n`,
  }));
}
