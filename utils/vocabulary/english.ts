import en from '../../public/_locales/en/messages.json';
import { translatorFor, type Catalog } from './messages';

/** English wording for code that runs outside the browser (CLI, tests). */
export const english = translatorFor(en as Catalog);
