/** Generated at build time by the `callcheck:slim-dataset` plugin in wxt.config.ts. */
declare module 'virtual:callcheck/slim-dataset' {
  import type { JudgedProduct, ProductList } from './judged';
  const slim: ProductList<JudgedProduct>;
  export default slim;
  /** Match patterns of every call host in the dataset. */
  export const callHostMatches: string[];
  /** The banner's content-script entries: each host pattern and its data file (scripts/banner-shares.ts). */
  export const bannerScripts: { pattern: string; file: string }[];
}

/** The banner's copy of the slim dataset: only the sites that can bring a banner (see encodeBannerSlim). */
declare module 'virtual:callcheck/banner-dataset' {
  import type { JudgedProduct, ProductList } from './judged';
  const slim: ProductList<JudgedProduct>;
  export default slim;
}

/** Generated at build time by the `callcheck:facts` plugin: the products' facts without their page rules, parsed per product on demand. */
declare module 'virtual:callcheck/facts' {
  import type { Explainer, Product } from './schema';
  export const explainers: Explainer[];
  export function productFacts(id: string): Product | undefined;
}
