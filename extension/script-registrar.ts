import { browser } from 'wxt/browser';
import { bannerScripts } from 'virtual:callcheck/slim-dataset';
import { linkSiteOrigin } from '../utils/links/link-sites';
import { loadLinkCheck } from './storage';

/**
 * The content scripts the background registers at run time (the custom
 * vendors' banner, the link checker) and the ones it puts into tabs already
 * open after an install or update. Each run registers from the desired
 * state it is given.
 */
const CUSTOM_SCRIPT_ID = 'callcheck-custom-vendors';
const LINK_SCRIPT_ID = 'callcheck-link-markers';

/**
 * One dynamically registered content script (the same banner script) for
 * the custom vendors' hosts the user has granted. Hosts already covered by
 * the dataset's own content script are left out, so no page gets two.
 */
type DynamicScript = {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start' | 'document_idle';
  allFrames: boolean;
};

/**
 * Keeps one dynamically registered content script in step with the origins
 * it should run on: registered, updated, or gone when there are none.
 * Returns the origins it did not run on before, for a caller that must also
 * reach the pages already open there.
 */
export async function syncRegisteredScript(script: DynamicScript): Promise<string[]> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (script.matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
    return [];
  }
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  const before = new Set(existing[0]?.matches ?? []);
  return script.matches.filter((origin) => !before.has(origin));
}

/** The banner on the custom vendors' hosts the user granted. */
export async function syncCustomScripts(matches: string[]): Promise<void> {
  await syncRegisteredScript({
    id: CUSTOM_SCRIPT_ID,
    matches,
    js: ['call-banner.js'],
    runAt: 'document_start',
    allFrames: true,
  });
}

/**
 * The link checker, registered only on the sites where it is on and granted:
 * no other page ever runs it. When a site is switched off or its access
 * revoked, the checker already running there sees linkCheck change and takes
 * its markers away.
 */
export async function syncLinkScripts(hosts: string[]): Promise<void> {
  const added = await syncRegisteredScript({
    id: LINK_SCRIPT_ID,
    matches: hosts.map(linkSiteOrigin),
    js: ['link-markers.js'],
    runAt: 'document_idle',
    allFrames: false,
  });
  // A site just turned on may already be open (Gmail in another tab): a
  // registration only reaches pages loaded after it, so those tabs get the
  // checker now. It runs once per page (it guards itself).
  if (added.length === 0) return;
  const tabs = await browser.tabs.query({ url: added });
  await Promise.allSettled(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/link-markers.js'] }),
    ),
  );
}

/** The banner (with its host's data) on open call tabs, and the link checker on open link-check tabs. */
export async function injectIntoOpenTabs(): Promise<void> {
  const hostOf = (pattern: string) => pattern.slice('*://*.'.length, -'/*'.length);
  const fileFor = (url: string | undefined) => {
    const host = url ? new URL(url).hostname : '';
    return bannerScripts.find(({ pattern }) => host === hostOf(pattern) || host.endsWith(`.${hostOf(pattern)}`))?.file;
  };
  const inject = (tabId: number, files: string[], allFrames: boolean) =>
    // The data files are generated at build time, so WXT's list of known script paths does not name them.
    browser.scripting
      .executeScript({ target: { tabId, allFrames }, files: files as ['/call-banner.js'] })
      .catch(() => undefined);
  const callTabs = await browser.tabs.query({ url: bannerScripts.map((entry) => entry.pattern) });
  const { active } = await loadLinkCheck();
  const linkTabs = active.length > 0 ? await browser.tabs.query({ url: active.map(linkSiteOrigin) }) : [];
  await Promise.all([
    ...callTabs.map((tab) => {
      const file = fileFor(tab.url);
      return tab.id === undefined || !file ? undefined : inject(tab.id, [`/${file}`, '/call-banner.js'], true);
    }),
    ...linkTabs.map((tab) => (tab.id === undefined ? undefined : inject(tab.id, ['/link-markers.js'], false))),
  ]);
}
