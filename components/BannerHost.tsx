import { render } from 'preact';
import bannerCss from './banner.css?inline';
import { VerdictBanner } from './VerdictBanner';
import { t } from '../extension/i18n';
import type { FactsReply } from '../extension/runtime-messages';
import type { Stored } from '../extension/stored';
import type { JudgedProduct, Match } from '../utils/verdict/assess';

export interface BannerActions {
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
export class BannerHost {
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
