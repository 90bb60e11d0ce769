import type { JudgedProduct, ProductList } from '../utils/dataset/judged';
import { callLinkHosts, makeLinkPrefilter, type LinkPrefilter } from '../utils/links/prefilter';
import { unwrapUrl } from '../utils/links/unwrap';
import type { Settings } from '../utils/settings/schema';
import { assess } from '../utils/verdict/assess';
import type { Translate } from '../utils/vocabulary/messages';
import { makeMarker, MARKER_TAG } from './LinkMarker';

/**
 * The link checker's engine (entrypoints/link-markers.ts wires it): it finds
 * links in the page, in open shadow roots and in same-origin frames, judges
 * each with assess behind a cheap prefilter, and puts a marker after each
 * meeting link. Speed, on a mail page with thousands of links: a link's host
 * is checked against a set of the hosts that can be calls (and the
 * wrappers' hosts) before any URL is parsed (utils/links/prefilter.ts); new
 * content is handled by one MutationObserver per root, in passes of at most
 * PASS_LIMIT links each, BATCH_MS after the first change.
 */

/** Links handled per task; the rest wait for the next one, so the page never stalls. */
const PASS_LIMIT = 400;
/**
 * New content is looked at this long after the first change: later changes
 * join the pass already due, never push it back. (A debounce that waited for
 * the page to settle never ran on webmail that redraws a list every frame.)
 */
const BATCH_MS = 60;
/** An absolute http(s) link with a plainly written host: what the browser would resolve it to, already. */
const ABSOLUTE = /^https?:\/\/[a-z0-9.-]+(?::\d{0,5})?(?:[/?#]|$)/;
/** Nested roots (shadow roots inside frames inside shadow roots…) followed, at most. */
const MAX_ROOTS = 200;

type Root = Document | ShadowRoot;

/**
 * Links are read where webmail and portals put them: in the page, inside
 * open shadow roots (web components) and inside same-origin frames (a
 * message body in a `srcdoc` frame). Each such root gets its own observer,
 * since a MutationObserver does not see into shadow roots or frames.
 */
export class LinkMarkers {
  constructor(
    private readonly slim: ProductList<JudgedProduct>,
    private readonly t: Translate,
    private readonly openFacts: (productId: string) => void,
  ) {}

  private settings: Settings | null = null;
  private couldBeCall: LinkPrefilter = () => false;
  private observer: MutationObserver | null = null;
  private roots = new Set<Root>();
  private pending: Node[] = [];
  /** The links of the node being worked through, and how far the passes have got. */
  private queue: Element[] = [];
  private next = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pass the timer holds is due (performance.now()). */
  private due = 0;
  /** Each link marked, and its marker. */
  private marked = new Map<Element, HTMLElement>();
  /** The href each link had when last looked at, so a changed href is looked at again. */
  private seen = new WeakMap<Element, string>();
  private frameLoaded = (event: Event) => this.addFrame(event.target as Element);

  start(settings: Settings): void {
    this.settings = settings;
    this.couldBeCall = makeLinkPrefilter(callLinkHosts(this.slim, settings));
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') this.pending.push(record.target);
        else
          for (const node of record.addedNodes)
            if (node.nodeType === 1 && (node as Element).localName !== MARKER_TAG) this.pending.push(node);
      }
      if (this.pending.length > 0) this.schedule(BATCH_MS);
    });
    this.addRoot(document);
    this.schedule(0);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const root of this.roots) root.removeEventListener('load', this.frameLoaded, true);
    this.roots.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    this.queue = [];
    for (const marker of this.marked.values()) marker.remove();
    this.marked.clear();
    this.seen = new WeakMap();
    this.settings = null;
  }

  private addRoot(root: Root): void {
    if (this.roots.has(root) || this.roots.size >= MAX_ROOTS || !this.observer) return;
    this.roots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    // A frame that loads (or loads again) later has a new document. Load
    // events do not bubble, nor leave a shadow root: each root listens in
    // the capture phase for the frames inside it.
    root.addEventListener('load', this.frameLoaded, true);
    this.pending.push(root);
  }

  /** A same-origin frame's document; a cross-origin one throws or gives null, and is left alone. */
  private addFrame(frame: Element): void {
    if (frame.localName !== 'iframe' && frame.localName !== 'frame') return;
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) {
      this.addRoot(inner);
      this.schedule(0);
    }
  }

  /** A pass due within `ms`: one already due sooner stays; none is ever put off. */
  private schedule(ms: number): void {
    const due = performance.now() + ms;
    if (this.timer !== undefined && this.due <= due) return;
    clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => this.pass(), ms);
  }

  private pass(): void {
    this.timer = undefined;
    let budget = PASS_LIMIT;
    while (budget > 0 && (this.queue.length > 0 || this.pending.length > 0)) {
      if (this.queue.length === 0) {
        const node = this.pending.shift()!;
        if (!node.isConnected) continue;
        this.queue = this.linksAndRootsIn(node);
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

  /**
   * The links under a node; on the way, the open shadow roots and frames
   * under it become roots of their own. Only elements that can hold a
   * shadow root or a document are looked at for them (one selector each
   * for frames; a walk for shadow roots, which no selector finds).
   */
  private linksAndRootsIn(node: Node): Element[] {
    const element = node as Element & ParentNode;
    if (element.localName === 'a') return [element];
    if (element.localName === 'iframe' || element.localName === 'frame') {
      this.addFrame(element);
      return [];
    }
    if (!element.querySelectorAll) return [];
    for (const frame of element.querySelectorAll('iframe, frame')) this.addFrame(frame);
    const walker = (element.ownerDocument ?? (element as unknown as Document)).createTreeWalker(
      element,
      1 /* elements */,
    );
    for (let current: Node | null = walker.currentNode; current; current = walker.nextNode()) {
      const shadow = (current as Element).shadowRoot;
      if (shadow && (current as Element).localName !== MARKER_TAG) this.addRoot(shadow);
    }
    return [...element.querySelectorAll('a[href]')];
  }

  private look(link: Element): void {
    // As the browser resolves it: relative links and <base href> included.
    // An absolute link written the way the browser writes URLs resolves to
    // itself, so its attribute is read as it is (reading the property
    // serializes a URL per link); anything else is resolved by the browser.
    // An SVG link's href is not a string; its attribute is.
    const attribute = link.getAttribute('href') ?? '';
    const resolved = ABSOLUTE.test(attribute) ? attribute : (link as HTMLAnchorElement).href;
    const href = typeof resolved === 'string' ? resolved : attribute;
    if (this.seen.get(link) === href) return;
    this.seen.set(link, href);
    const old = this.marked.get(link);
    if (old) {
      old.remove();
      this.marked.delete(link);
    }
    if (!this.couldBeCall(href) || !this.settings) return;
    const unwrapped = unwrapUrl(href);
    if (unwrapped.kind !== 'url') return;
    const result = assess(unwrapped.url, this.slim, this.settings);
    const match = result.ok ? result.match : null;
    if (!match || match.page === 'site' || match.page === null) return;
    const marker = makeMarker(match, this.t, this.openFacts);
    link.after(marker);
    this.marked.set(link, marker);
  }
}
