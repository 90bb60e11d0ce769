import type { PageRule } from '../matching/page-patterns';
import type { Product } from './schema';

/** What matching needs of a site: host, claim prefixes and page rules. */
export interface JudgedSite {
  host: string;
  paths?: readonly string[] | undefined;
  pages?: readonly PageRule[] | undefined;
}

/**
 * What `assess` needs of a product. The bundled dataset has much more (every
 * fact with its sources); the content script carries only this much, so that
 * the banner can be decided in the page without shipping the whole dataset.
 */
export interface JudgedProduct {
  id: string;
  vendor: string;
  name: string;
  sites: readonly JudgedSite[];
  baa: Pick<Product['baa'], 'value'>;
  status: Pick<Product['status'], 'value' | 'date' | 'successor'>;
  publicFacing: Pick<Product['publicFacing'], 'value'>;
}

export interface ProductList<P extends JudgedProduct = JudgedProduct> {
  products: readonly P[];
}
