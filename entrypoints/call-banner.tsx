import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import bannerCss from '../components/banner.css?inline';
import { VerdictBanner } from '../components/VerdictBanner';
import { t } from '../extension/i18n';
import type { BannerMemoryChange, FactsReply, RuntimeMessage } from '../extension/runtime-messages';
import { nativeBrowser as browser } from '../extension/native-browser';
import { isCutOff, retireWhenReplaced } from '../extension/newest-copy';
import { loadEffective, STORED_KEYS, type Stored } from '../extension/stored';
import { assess, type JudgedProduct, type Match } from '../utils/verdict/assess';
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
      const match = result.ok && !framedByItsOwnCall(result.match?.entry.id, settings) ? result.match : null;
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
    const firstMatch = first.ok && !framedByItsOwnCall(first.match?.entry.id, EMPTY_SETTINGS) ? first.match : null;
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
      if (area !== 'local' || !STORED_KEYS.some((key) => key in changes)) return;
      stored = loadStored();
      // New settings, preferences or policy redraw the banner; a snooze or
      // dismissal made elsewhere can only hide it, which update() does by itself.
      if ('settings' in changes || 'preferences' in changes || 'effective' in changes) shown = null;
      void update(location.href);
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    // A frame is judged by its size (framedByItsOwnCall): a portal that
    // embeds the call collapsed and opens it when the visit starts makes the
    // frame grow, and it is judged again, as it is when it shrinks.
    if (window !== window.top) {
      let small = frameTooSmall();
      addEventListener('resize', () => {
        if (frameTooSmall() === small) return;
        small = !small;
        void update(location.href);
      });
    }
    // A dialog's toggle event does not bubble, hence the capture.
    for (const type of ['fullscreenchange', 'toggle']) document.addEventListener(type, () => banner.rehome(), true);
  },
});

/**
 * In a frame, the banner speaks only for a call the page around it does not
 * already warn about: a frame inside a page of the same product (a call
 * client's own frames) stays quiet, and so does a frame too small to be a
 * call (a widget). A portal embedding a video room in a full-size frame gets
 * the banner inside the frame. `ancestorOrigins` is Chromium's; where it is
 * missing (Firefox), the size rule alone applies.
 */
function framedByItsOwnCall(productId: string | undefined, settings: Parameters<typeof assess>[2]): boolean {
  if (window === window.top || !productId) return false;
  if (frameTooSmall()) return true;
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  for (let i = 0; i < (ancestors?.length ?? 0); i++) {
    const outer = assess(`${ancestors![i]}/`, slim, settings);
    if (outer.ok && outer.match?.entry.id === productId) return true;
  }
  return false;
}

/** Smaller than any call window: a widget, or a call frame kept collapsed until the visit starts. */
function frameTooSmall(): boolean {
  return innerWidth < 320 || innerHeight < 200;
}

/**
 * Reads the keys that extension/storage.ts defines as items, straight from
 * storage.local: the item library would add 4 KB to a script that must stay
 * within its size budget (scripts/budgets.ts).
 */
function loadStored(): Promise<Stored> {
  return loadEffective(browser.storage.local);
}

interface BannerActions {
  dismiss(url: string): void;
  snooze(productId: string, days: 1 | 7): void;
  seen(productId: string): void;
  recordBaa(productId: string): void;
  loadFacts(productId: string): Promise<FactsReply | null>;
  openFacts(productId: string): void;
}

/**
 * The element the banner lives in: a custom element with a closed shadow root,
 * so the page can neither read nor restyle what is inside. Its own box is
 * pinned with inline !important declarations, which outrank any page
 * stylesheet, and it is put back if the page removes it.
 */
class BannerHost {
  actions!: BannerActions;
  controls: Stored['controls'] | undefined;
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private container: HTMLElement | null = null;
  private guard: MutationObserver | null = null;

  private provisional = false;

  isMounted(): boolean {
    return this.host !== null;
  }

  isProvisional(): boolean {
    return this.provisional;
  }

  show(match: Match<JudgedProduct>, mode: 'full' | 'pill', url: string, provisional = false): void {
    if (!this.host) this.create();
    this.provisional = provisional;
    const id = match.entry.id;
    render(
      <VerdictBanner
        key={`${id}:${match.verdict}:${url}`}
        match={match}
        initialMode={mode}
        t={t}
        loadFacts={() => this.actions.loadFacts(id)}
        onDismiss={() => this.actions.dismiss(url)}
        onSnooze={(days) => this.actions.snooze(id, days)}
        onRecordBaa={() => this.actions.recordBaa(id)}
        onOpenFacts={(other) => this.actions.openFacts(other)}
        onSeen={() => this.actions.seen(id)}
        provisional={provisional}
        controls={this.controls}
      />,
      this.container!,
    );
  }

  remove(): void {
    // Dismissed from the keyboard (Escape, "Dismiss for this page"): focus goes
    // back where it was before the person entered the banner, not to nowhere.
    if (this.host && document.activeElement === this.host) {
      const back = this.returnFocus?.isConnected ? this.returnFocus : null;
      if (back) back.focus();
      else this.host.blur();
    }
    this.returnFocus = null;
    this.guard?.disconnect();
    if (this.container) render(null, this.container);
    clearTimeout(this.retry);
    this.retry = undefined;
    this.host?.remove();
    this.host = this.root = this.container = this.guard = this.watched = null;
  }

  private create(): void {
    // A name of its own for this page: a page that defined `callcheck-banner`
    // as a custom element first would otherwise have its own constructor run
    // on our host (and take its shadow root before ours).
    const host = document.createElement(HOST_TAG);
    host.setAttribute('data-callcheck-banner', '');
    // `all:initial` with !important already gives visibility, opacity,
    // overflow, transform, filter and clip-path their harmless initial values,
    // and no page stylesheet outranks an inline !important declaration.
    host.style.cssText = [
      'all:initial',
      'display:block',
      'position:fixed',
      'top:0',
      'left:0',
      'width:0',
      'height:0',
      'z-index:2147483647',
    ]
      .map((declaration) => `${declaration}!important`)
      .join(';');
    host.addEventListener('focusin', (event) => {
      const from = event.relatedTarget;
      if (from instanceof HTMLElement && !host.contains(from) && from !== host) this.returnFocus = from;
    });
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = bannerCss;
    const container = document.createElement('div');
    root.append(style, container);
    this.host = host;
    this.root = root;
    this.container = container;
    this.fights = 0;
    this.backoff = 0;
    this.attached = false;
    this.guard = new MutationObserver(() => this.keepAttached());
    // Only the host's own parents: watching the whole subtree would wake us on
    // every change a busy call page makes.
    this.guard.observe(document, { childList: true });
    this.watchRoot();
    this.attach();
  }

  /**
   * The call's own full-screen button and a modal dialog put one element in
   * the top layer and hide (full screen) or make inert (a modal) everything
   * outside it, the banner included. While one is open the banner moves
   * inside it, and it comes back to the root when it closes.
   */
  rehome(): void {
    if (this.host && this.retry === undefined && this.host.parentNode !== home()) this.attach();
  }

  private returnFocus: HTMLElement | null = null;
  private watched: Element | null = null;
  /** Set while the task that put the banner back is still running. */
  private sameTask = false;
  private fights = 0;
  private backoff = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  /** A page may replace its root element: the guard follows the new one. */
  private watchRoot(): void {
    const root = document.documentElement;
    if (root && root !== this.watched) {
      this.watched = root;
      this.guard?.observe(root, { childList: true });
    }
  }

  /**
   * Puts the banner back when the page removes it, but never fights a page
   * that removes it again at once: a page that deletes unknown elements from
   * its own MutationObserver (as DOM sanitizers do) would otherwise
   * ping-pong with this guard inside one task until the tab hangs. A removal
   * in the same task as our re-insertion is a fight: the next try waits for
   * a later task, and after FIGHTS_BEFORE_BACKOFF fights in a row the tries
   * come after pauses that double (0.5 s, 1 s, … 32 s), then stop. The badge
   * keeps the warning. A page that removes it once a frame is no fight: the
   * banner goes back each time, shown at once.
   */
  private keepAttached(): void {
    this.watchRoot();
    // Removed, or moved away from its place (into a hidden container): the same.
    if (!this.host || this.retry !== undefined || this.host.parentNode === home()) return;
    if (!this.sameTask) {
      this.fights = 0;
      return this.attach();
    }
    this.fights++;
    if (this.fights < FIGHTS_BEFORE_BACKOFF) return this.retryAfter(0);
    if (this.backoff < BACKOFF_STEPS) this.retryAfter(500 * 2 ** this.backoff++);
  }

  private retryAfter(ms: number): void {
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.host && this.host.parentNode !== home()) this.attach();
    }, ms);
  }

  private attached = false;

  private attach(): void {
    // Shown once, the banner comes back at once: restarting its fade-in on
    // every re-insertion would keep it invisible on a page that removes it
    // every frame.
    if (this.attached) this.host!.setAttribute('data-steady', '');
    this.attached = true;
    const place = home();
    place.append(this.host!);
    // A dialog or full-screen element may be removed without being closed:
    // the guard then sees its parent lose it and puts the banner back.
    if (place.parentNode) this.guard!.observe(place.parentNode, { childList: true });
    this.sameTask = true;
    setTimeout(() => (this.sameTask = false), 0);
  }
}

/** The topmost modal dialog or full-screen element that can hold the banner, or else the root. */
function home(): ParentNode {
  const modals = document.querySelectorAll(':modal');
  const top = modals[modals.length - 1];
  // A full-screen video, canvas or frame cannot show children: the badge keeps the warning there.
  return top && !/^(video|canvas|iframe|img|embed|object)$/.test(top.localName)
    ? top
    : (document.documentElement ?? document);
}

// Base 36 digits are lowercase letters and digits; the x keeps the name valid should Math.random() return 0.
const HOST_TAG = `callcheck-banner-${Math.random().toString(36).slice(2)}x`;

/** Removals in the very task that put the banner back, in a row, before the guard backs off. */
const FIGHTS_BEFORE_BACKOFF = 20;
/** Pauses before giving up (0.5 s, 1 s, 2 s, … 32 s: about a minute in all). */
const BACKOFF_STEPS = 7;
