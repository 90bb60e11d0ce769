import type { browser } from 'wxt/browser';

type Browser = typeof browser;

/**
 * The browser's own extension API object, without webextension-polyfill.
 * Only the content script uses it: it must fit its size budget (scripts/budgets.ts), data
 * included, and in Manifest V3 both Chrome's `chrome` and Firefox's
 * `browser` already return promises for everything it calls (storage,
 * runtime messages, i18n). Everything else goes through `wxt/browser`.
 */
export const nativeBrowser: Browser =
  (globalThis as { browser?: Browser }).browser ?? (globalThis as unknown as { chrome: Browser }).chrome;
