/** Generated at build time by the `callcheck:slim-dataset` plugin in wxt.config.ts. */
declare module 'virtual:callcheck/slim-dataset' {
  import type { JudgedProduct, ProductList } from './judged';
  const slim: ProductList<JudgedProduct>;
  export default slim;
  /** Match patterns of every call host in the dataset. */
  export const callHostMatches: string[];
}
