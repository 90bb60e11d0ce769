import { STORAGE_KEYS, touches } from '../extension/storage-keys';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BannerHost } from '../components/BannerHost';
import type { BannerMemoryChange, FactsReply, RuntimeMessage } from '../extension/runtime-messages';
import { nativeBrowser as browser } from '../extension/native-browser';
import { isCutOff, retireWhenReplaced } from '../extension/newest-copy';
import { loadEffective, STORED_KEYS, type Stored } from '../extension/stored';
import { assess } from '../utils/verdict/assess';
import { framedByItsOwnCall, frameTooSmall, type FrameView } from '../utils/verdict/frame-rule';
import { bannerMode, DEFAULT_BANNER_PREFERENCES, EMPTY_BANNER_STATE } from '../utils/settings/banner-state';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { BANNER_DATA_GLOBAL, decodeSlim, type SlimRow } from '../utils/dataset/slim';

/**
 * This page's share of the dataset, loaded just before this script by the
 * manifest entry that matched the page (scripts/banner-shares.ts); none where
 * the background registered the script for a custom vendor's host.
 */
const slim = decodeSlim(((globalThis as Record<string, unknown>)[BANNER_DATA_GLOBAL] as SlimRow[] | undefined) ?? []);

/**
 * The in-page banner, a content script that runs only on the dataset's call
 * hosts, at document_start, so the banner can be in place before the page
 * first paints. wxt.config.ts declares it in the manifest with matches made
 * from the dataset (and the options page registers it for custom vendors).
 *
 * It is built as an unlisted script rather than a WXT content script because
 * WXT's content-script context brings webextension-polyfill (22 KB) with it,
 * and this script, with its share of the data, has to stay within its size
 * budget (scripts/budgets.ts, checked by e2e/budgets.test.ts).
 */
export default defineUnlistedScript({
  main() {
    // The bundled and the custom-vendor registrations never overlap, but a
    // second copy in the same page must never draw a second banner.
    const flag = globalThis as { __callcheckBanner?: boolean };
    if (flag.__callcheckBanner) return;
    flag.__callcheckBanner = true;
    const banner = new BannerHost();
    // The first thing it does: ask storage, so the answer is back before the
    // parser has anything to paint.
    let stored: Promise<Stored> = loadStored();
    let shown: { url: string; key: string } | null = null;
    // An update or reload of the extension cuts this copy off; the newer copy takes over.
    let retired = false;
    const retire = () => {
      retired = true;
      banner.remove();
    };
    retireWhenReplaced('banner', retire);

    const update = async (url: string) => {
      if (retired) return;
      const { settings, preferences, bannerState, controls } = await stored;
      if (retired) return;
      banner.controls = controls;
      const result = assess(url, slim, settings);
      const match =
        result.ok && !framedByItsOwnCall(thisFrame(), result.match?.entry.id, productAt(settings))
          ? result.match
          : null;
      const mode = match ? bannerMode(match, url, bannerState, preferences, Date.now()) : 'hidden';
      if (!match || mode === 'hidden') {
        shown = null;
        return banner.remove();
      }
      // The same product, verdict and page kind on a new URL of a single-page
      // app: the banner the user already sees stays as it is. Moving from an
      // app page to a call (a chat to a meeting) or back changes the kind, and
      // the banner with it.
      const key = `${match.entry.id}:${match.verdict}:${match.page}`;
      if (shown?.key === key && banner.isMounted() && !banner.isProvisional()) {
        shown.url = url;
        return;
      }
      shown = { url, key };
      banner.show(match, mode, url);
    };

    // The background writes the banner's memory (one writer: a "seen" in one
    // tab never loses a snooze made in another).
    const send = (message: RuntimeMessage): Promise<unknown> => {
      // Used after an update cut it off: nothing it sends arrives, so it goes.
      if (isCutOff()) {
        retire();
        return Promise.resolve(undefined);
      }
      return browser.runtime.sendMessage(message).catch(() => undefined);
    };
    const remember = (change: BannerMemoryChange) => void send({ type: 'callcheck:banner-memory', change });

    banner.actions = {
      dismiss: (url) => {
        banner.remove();
        remember({ kind: 'dismiss', url });
      },
      snooze: (productId, days) => {
        banner.remove();
        remember({ kind: 'snooze', productId, days });
      },
      seen: (productId) => remember({ kind: 'seen', productId }),
      recordBaa: (productId) => void send({ type: 'callcheck:record-baa', productId }),
      loadFacts: async (productId) =>
        ((await send({ type: 'callcheck:facts', productId })) as FactsReply | undefined) ?? null,
      openFacts: (productId) => void send({ type: 'callcheck:open-facts', productId }),
    };

    // Draw the banner from the dataset alone right away, so it can be on
    // screen by the first paint; the stored settings (read above) confirm,
    // change or remove it a few milliseconds later, usually before that paint.
    const first = assess(location.href, slim, EMPTY_SETTINGS);
    const firstMatch =
      first.ok && !framedByItsOwnCall(thisFrame(), first.match?.entry.id, productAt(EMPTY_SETTINGS))
        ? first.match
        : null;
    if (
      firstMatch &&
      bannerMode(firstMatch, location.href, EMPTY_BANNER_STATE, DEFAULT_BANNER_PREFERENCES, Date.now()) === 'full'
    ) {
      banner.show(firstMatch, 'full', location.href, true);
    }
    void update(location.href);

    // Single-page apps change the URL without a new page: the background tells
    // us (tabs.onUpdated), and where the Navigation API exists it does too.
    browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      // The URL itself is not trusted from the message: the page's own location is.
      if ((raw as RuntimeMessage | null)?.type === 'callcheck:location') void update(location.href);
    });
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', () => void update(location.href));
    // A join routed through the fragment (Teams' `#/l/meetup-join/…`) can
    // come and go without a new URL path: a hash change is a navigation too,
    // also where the Navigation API is missing (Firefox).
    addEventListener('hashchange', () => void update(location.href));

    // Settings changed elsewhere (a BAA recorded, a snooze in another tab).
    const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !touches(changes, ...STORED_KEYS)) return;
      stored = loadStored();
      // New settings, preferences or policy redraw the banner; a snooze or
      // dismissal made elsewhere can only hide it, which update() does by itself.
      if (touches(changes, STORAGE_KEYS.settings, STORAGE_KEYS.preferences, STORAGE_KEYS.effective)) shown = null;
      void update(location.href);
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    // A frame is judged by its size (framedByItsOwnCall): a portal that
    // embeds the call collapsed and opens it when the visit starts makes the
    // frame grow, and it is judged again, as it is when it shrinks.
    if (window !== window.top) {
      let small = frameTooSmall(thisFrame());
      addEventListener('resize', () => {
        if (frameTooSmall(thisFrame()) === small) return;
        small = !small;
        void update(location.href);
      });
    }
    // A dialog's toggle event does not bubble, hence the capture.
    for (const type of ['fullscreenchange', 'toggle']) document.addEventListener(type, () => banner.rehome(), true);
  },
});

/** This window as the frame rule sees it (utils/verdict/frame-rule.ts). */
function thisFrame(): FrameView {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  return {
    top: window === window.top,
    width: innerWidth,
    height: innerHeight,
    ancestorOrigins: ancestors ? Array.from({ length: ancestors.length }, (_, i) => ancestors[i]!) : [],
  };
}

/** Which product a URL belongs to, with these settings. */
function productAt(settings: Parameters<typeof assess>[2]): (url: string) => string | undefined {
  return (url) => {
    const result = assess(url, slim, settings);
    return result.ok ? result.match?.entry.id : undefined;
  };
}

/**
 * Reads the keys that extension/storage.ts defines as items, straight from
 * storage.local: the item library would add 4 KB to a script that must stay
 * within its size budget (scripts/budgets.ts).
 */
function loadStored(): Promise<Stored> {
  return loadEffective(browser.storage.local);
}
