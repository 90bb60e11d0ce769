import { STORAGE_KEYS, touches } from '../extension/storage-keys';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import slim from 'virtual:callcheck/banner-dataset';
import { t } from '../extension/i18n';
import { LinkMarkers } from '../components/LinkChecker';
import type { RuntimeMessage } from '../extension/runtime-messages';
import { nativeBrowser as browser } from '../extension/native-browser';
import { retireWhenReplaced } from '../extension/newest-copy';
import { loadEffective } from '../extension/stored';
import { readLinkCheck } from '../utils/links/link-check';

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
 * Wiring only: the engine is components/LinkChecker.ts.
 */
export default defineUnlistedScript({
  main() {
    const flag = globalThis as { __callcheckLinks?: boolean };
    if (flag.__callcheckLinks) return;
    flag.__callcheckLinks = true;
    const markers = new LinkMarkers(slim, t, (productId) => {
      void browser.runtime
        .sendMessage({ type: 'callcheck:open-facts', productId } satisfies RuntimeMessage)
        .catch(() => undefined);
    });
    // An update or reload of the extension cuts this copy off; the newer copy takes over.
    let retired = false;
    retireWhenReplaced('links', () => {
      retired = true;
      markers.stop();
    });
    const refresh = async () => {
      if (retired) return;
      const [{ settings }, raw] = await Promise.all([
        loadEffective(browser.storage.local),
        browser.storage.local.get(STORAGE_KEYS.linkCheck),
      ]);
      if (retired) return;
      const on = readLinkCheck(raw[STORAGE_KEYS.linkCheck]).active.includes(location.hostname);
      markers.stop();
      if (on) markers.start(settings);
    };
    void refresh();
    // Switched off, revoked, or new settings (a BAA recorded): at once.
    browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && touches(changes, STORAGE_KEYS.linkCheck, STORAGE_KEYS.effective)) void refresh();
    });
  },
});
