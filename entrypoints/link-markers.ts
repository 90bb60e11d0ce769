import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import slim from 'virtual:callcheck/banner-dataset';
import { t } from '../extension/i18n';
import { makeMarker, MARKER_TAG } from '../components/LinkMarker';
import type { RuntimeMessage } from '../extension/runtime-messages';
import { nativeBrowser as browser } from '../extension/native-browser';
import { loadEffective } from '../extension/stored';
import { readLinkCheck } from '../utils/links/link-check';
import { unwrapUrl, WRAPPER_HOSTS } from '../utils/links/unwrap';
import { assess, type JudgedProduct } from '../utils/verdict/assess';
import type { Settings } from '../utils/settings/schema';

/**
 * Link markers: on the mail, calendar and portal sites where the user (or the
 * organization) turned link checking on and the browser granted access, a
 * small marker after each meeting link says what CallCheck knows of that
 * platform. Registered by the background only on those sites.
 *
 * It reads the `href` of links and nothing else (no text, subjects or
 * senders), keeps nothing about them and sends nothing: the one message it
 * can send is "open the facts of this product", when the person asks.
 *
 * Speed, on a mail page with thousands of links: a link's host is checked
 * against a set of the hosts that can be calls (and the wrappers' hosts)
 * before any URL is parsed; new content is handled by one MutationObserver,
 * debounced, in passes of at most PASS_LIMIT links each.
 */
export default defineUnlistedScript({
  main() {
    const flag = globalThis as { __callcheckLinks?: boolean };
    if (flag.__callcheckLinks) return;
    flag.__callcheckLinks = true;
    const markers = new LinkMarkers();
    const refresh = async () => {
      const [{ settings }, raw] = await Promise.all([loadEffective(browser.storage.local), browser.storage.local.get('linkCheck')]);
      const on = readLinkCheck(raw.linkCheck).active.includes(location.hostname);
      markers.stop();
      if (on) markers.start(settings);
    };
    void refresh();
    // Switched off, revoked, or new settings (a BAA recorded): at once.
    browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ('linkCheck' in changes || 'effective' in changes)) void refresh();
    });
  },
});

/** Links handled per task; the rest wait for the next one, so the page never stalls. */
const PASS_LIMIT = 400;
/** New content is looked at once it has settled for this long. */
const DEBOUNCE_MS = 60;
/** The host of an absolute http(s) link, without parsing it as a URL. */
const ABSOLUTE = /^\s*https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i;

class LinkMarkers {
  private settings: Settings | null = null;
  private hosts = new Set<string>();
  private observer: MutationObserver | null = null;
  private pending: Node[] = [];
  /** The links of the node being worked through, and how far the passes have got. */
  private queue: HTMLAnchorElement[] = [];
  private next = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each link marked, and its marker. */
  private marked = new Map<HTMLAnchorElement, HTMLElement>();
  /** The href each link had when last looked at, so a changed href is looked at again. */
  private seen = new WeakMap<HTMLAnchorElement, string>();

  start(settings: Settings): void {
    this.settings = settings;
    this.hosts = new Set([
      ...slim.products.flatMap((p: JudgedProduct) => p.sites.map((s) => s.host)),
      ...settings.customVendors.flatMap((v) => v.sites.map((s) => s.host)),
      ...WRAPPER_HOSTS.map((h) => h.replace(/^\./, '')),
    ]);
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') this.pending.push(record.target);
        else for (const node of record.addedNodes) if (node.nodeType === 1 && (node as Element).localName !== MARKER_TAG) this.pending.push(node);
      }
      if (this.pending.length > 0) this.schedule(DEBOUNCE_MS);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    this.pending.push(document.documentElement);
    this.schedule(0);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    this.queue = [];
    for (const marker of this.marked.values()) marker.remove();
    this.marked.clear();
    this.seen = new WeakMap();
    this.settings = null;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pass(), ms);
  }

  private pass(): void {
    this.timer = undefined;
    let budget = PASS_LIMIT;
    while (budget > 0 && (this.queue.length > 0 || this.pending.length > 0)) {
      if (this.queue.length === 0) {
        const node = this.pending.shift()!;
        if (!node.isConnected) continue;
        this.queue = node instanceof HTMLAnchorElement ? [node] : [...((node as Element).querySelectorAll?.('a[href]') ?? [])] as HTMLAnchorElement[];
        this.next = 0;
        continue;
      }
      budget--;
      this.look(this.queue[this.next++]!);
      if (this.next >= this.queue.length) this.queue = [];
    }
    // Markers whose link left the page go with it.
    for (const [link, marker] of this.marked) {
      if (!link.isConnected) {
        marker.remove();
        this.marked.delete(link);
      }
    }
    if (this.pending.length > 0 || this.queue.length > 0) this.schedule(0);
  }

  private look(link: HTMLAnchorElement): void {
    // The attribute, not link.href: reading the property parses and serializes
    // a URL for every link on the page. A relative link stays on the mail
    // site itself, never a call.
    const href = link.getAttribute('href') ?? '';
    if (this.seen.get(link) === href) return;
    this.seen.set(link, href);
    const old = this.marked.get(link);
    if (old) {
      old.remove();
      this.marked.delete(link);
    }
    const host = ABSOLUTE.exec(href)?.[1];
    if (!host || !this.couldBeCall(host)) return;
    const unwrapped = unwrapUrl(href);
    if (unwrapped.kind !== 'url' || !this.settings) return;
    const result = assess(unwrapped.url, slim, this.settings);
    const match = result.ok ? result.match : null;
    if (!match || match.page === 'site' || match.page === null) return;
    const marker = makeMarker(match, t, (productId) => {
      void browser.runtime.sendMessage({ type: 'callcheck:open-facts', productId } satisfies RuntimeMessage).catch(() => undefined);
    });
    link.after(marker);
    this.marked.set(link, marker);
  }

  /** The prefilter: the link's host or one of its parents is a call host or a wrapper's. */
  private couldBeCall(hostname: string): boolean {
    for (let host = hostname.toLowerCase(); host.includes('.'); host = host.slice(host.indexOf('.') + 1)) {
      if (this.hosts.has(host)) return true;
    }
    return false;
  }
}
