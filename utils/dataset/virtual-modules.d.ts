/** Generated at build time by the `callcheck:slim-dataset` plugin in wxt.config.ts. */
declare module 'virtual:callcheck/slim-dataset' {
  const slim: import('./judged').ProductList<import('./judged').JudgedProduct>;
  export default slim;
  /** Match patterns of every call host in the dataset. */
  export const callHostMatches: string[];
  /** The banner's content-script entries: each host pattern and its data file (scripts/banner-shares.ts). */
  export const bannerScripts: { pattern: string; file: string }[];
  /** A fingerprint of this build's facts files (scripts/facts-files.ts). */
  export const factsVersion: string;
}

/** The banner's copy of the slim dataset: only the sites that can bring a banner (see encodeBannerSlim). */
declare module 'virtual:callcheck/banner-dataset' {
  const slim: import('./judged').ProductList<import('./judged').JudgedProduct>;
  export default slim;
}
