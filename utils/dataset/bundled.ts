import type { Dataset } from './schema';
import raw from '../../assets/vendors.json';

/**
 * The bundled dataset. It is validated by `lintDataset` when the extension is
 * built and in the tests, so the extension itself does not ship the schema.
 */
export const dataset = raw as Dataset;
