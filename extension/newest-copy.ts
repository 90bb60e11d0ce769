import { nativeBrowser as browser } from './native-browser';

/**
 * The newest copy of a content script wins. When the extension is updated or
 * reloaded, the copies already running in open tabs lose the extension: their
 * messages throw ("Extension context invalidated"), so a Snooze saves nothing
 * and "We have a BAA" opens nothing, while the background puts the new copy
 * into those tabs. A copy that starts tells the page (a DOM event, which every
 * copy hears whatever its isolated world); a copy that hears it, or is used,
 * and finds itself cut off from the extension takes its banner or markers
 * away. A page that fires the event itself changes nothing: a copy that
 * still belongs to the extension ignores it.
 */
export function isCutOff(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** Announces this copy, and calls `retire` once an older copy here learns it is cut off. */
export function retireWhenReplaced(name: string, retire: () => void): void {
  const event = `callcheck-started:${name}`;
  // Older copies first; then this copy listens for newer ones.
  document.dispatchEvent(new Event(event));
  let retired = false;
  document.addEventListener(event, () => {
    if (!retired && isCutOff()) {
      retired = true;
      retire();
    }
  });
}
