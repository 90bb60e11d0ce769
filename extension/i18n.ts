import { isolate, type Translate } from '../utils/vocabulary/messages';
import { nativeBrowser } from './native-browser';

/**
 * The user's language, through the browser's own catalogue lookup. getMessage
 * is synchronous and identical in every browser, so no polyfill is needed,
 * which keeps the content script small. Every substitution is isolated
 * (see `isolate`): names, organizations and contacts come from users and policies.
 */
export const t: Translate = (key, args) => nativeBrowser.i18n.getMessage(key, args?.map(isolate));
