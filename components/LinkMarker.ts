import type { JudgedProduct, Match } from '../utils/verdict/assess';
import { familyOf, verdictKey } from '../utils/verdict/verdict-text';
import type { Translate } from '../utils/vocabulary/messages';

/**
 * The marker CallCheck puts after a meeting link (see
 * entrypoints/link-markers.ts): plain DOM in a closed shadow root, because a
 * mail page may hold many and the page must not restyle or read them. A
 * random element name per page, so a page cannot target it by name.
 */
export const MARKER_TAG = `callcheck-link-${Math.random().toString(36).slice(2)}x`;

const MARKER_CSS = `
button{font:600 11px/1.2 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f1f1f;background:#fff;border:1px solid var(--accent);border-radius:999px;padding:1px 6px 1px 4px;cursor:pointer;white-space:nowrap}
button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:var(--accent);margin-right:4px}
.panel{position:absolute;z-index:2147483647;max-width:min(320px,calc(100vw - 16px));margin-top:4px;padding:8px 10px;background:#fff;color:#1f1f1f;border:1px solid var(--accent);border-left:5px solid var(--accent);border-radius:6px;box-shadow:0 2px 8px rgb(0 0 0/.25);font:13px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;white-space:normal}
.panel p{margin:0 0 6px}.panel strong{color:var(--accent)}
.panel button{font-weight:400;font-size:12px;border-color:#6b6b6b;margin-right:6px}
.red{--accent:#a1231b}.amber{--accent:#7a4f00}.green{--accent:#1e6b34}
@media (prefers-color-scheme:dark){button,.panel{background:#1f1f1f;color:#f1f1f1}.panel button{border-color:#9a9a9a}.red{--accent:#ffb4ab}.amber{--accent:#ffd68a}.green{--accent:#8fd6a0}}
`;

const MARKER_BOX = ['all:initial', 'display:inline-block', 'vertical-align:baseline', 'margin:0 0 0 4px']
  .map((declaration) => `${declaration}!important`)
  .join(';');

/** A marker: a focusable button after the link, named for screen readers; activated, the verdict and why. */
export function makeMarker(
  match: Match<JudgedProduct>,
  t: Translate,
  openFacts: (productId: string) => void,
): HTMLElement {
  const marker = document.createElement(MARKER_TAG);
  marker.setAttribute('data-callcheck-marker', '');
  // Pinned as the banner's host is: an inline !important declaration outranks
  // any page stylesheet, even [data-callcheck-marker]{display:none!important}.
  marker.style.cssText = MARKER_BOX;
  const root = marker.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = MARKER_CSS;
  const wrap = document.createElement('span');
  wrap.className = familyOf(match.verdict);
  const headline = t(verdictKey('verdict', match.verdict));
  const label = t('marker_label', [headline, match.entry.name]);
  let panel: HTMLElement | null = null;
  const button = ownButton(null, () => (panel ? close() : open()));
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  const dot = document.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  // Never a mark of "safe": an approved platform says what is true, that a BAA is on record.
  button.append(dot, match.verdict === 'approved' ? headline : t(verdictKey('badge', match.verdict)));
  const close = () => {
    panel?.remove();
    panel = null;
    button.setAttribute('aria-expanded', 'false');
  };
  const open = () => {
    panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', label);
    const title = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = headline;
    title.append(strong);
    const reason = document.createElement('p');
    reason.textContent = t(match.reason.key, match.reason.args);
    const facts = ownButton(t('marker_all_facts'), () => openFacts(match.entry.id));
    const closeButton = ownButton(t('marker_close'), () => {
      close();
      button.focus();
    });
    panel.append(title, reason, facts, closeButton);
    wrap.append(panel);
    button.setAttribute('aria-expanded', 'true');
    facts.focus();
  };
  // Escape closes the panel and puts focus back on the marker.
  wrap.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel) {
      event.stopPropagation();
      close();
      button.focus();
    }
  });
  // Keys and clicks inside the marker are not the link's.
  for (const type of ['mousedown', 'mouseup', 'keydown', 'keyup'])
    marker.addEventListener(type, (event) => event.stopPropagation());
  wrap.prepend(button);
  root.append(style, wrap);
  return marker;
}

/** A button whose clicks are CallCheck's alone: the marker sits inside the page's link handling. */
function ownButton(label: string | null, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  if (label) button.textContent = label;
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onClick();
  });
  return button;
}
