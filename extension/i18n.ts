import type { Translate } from '../utils/vocabulary/messages';
import { nativeBrowser } from './native-browser';

/**
 * The user's language, through the browser's own catalogue lookup. getMessage
 * is synchronous and identical in every browser, so no polyfill is needed,
 * which keeps the content script small.
 */
export const t: Translate = (key, args) => nativeBrowser.i18n.getMessage(key, args);
