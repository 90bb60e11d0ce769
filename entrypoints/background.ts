import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { assess, VERDICT_FAMILY, type Verdict } from '../utils/assess';
import { dataset } from '../utils/dataset';

const BADGE_TEXT: Record<Verdict, string> = {
  approved: 'OK',
  blocked: 'BLK',
  public: 'PUB',
  discontinued: 'OLD',
  'no-baa': 'NO',
  'check-plan': 'PLAN',
  unverified: '?',
};

const FAMILY_COLOUR = { red: '#b3261e', amber: '#8a5a00', green: '#1e6b34' } as const;

export default defineBackground(() => {
  // The URL is readable only on hosts CallCheck has permission for: the call
  // hosts. Anywhere else it is undefined, which means "not a call": clear.
  browser.tabs.onUpdated.addListener((tabId, _change, tab) => {
    void showVerdict(tabId, tab.url);
  });
});

async function showVerdict(tabId: number, url: string | undefined): Promise<void> {
  const result = url ? assess(url, dataset) : null;
  const match = result?.ok ? result.match : null;
  if (!match) {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: 'CallCheck' });
    return;
  }
  await browser.action.setBadgeText({ tabId, text: BADGE_TEXT[match.verdict] });
  await browser.action.setBadgeBackgroundColor({ tabId, color: FAMILY_COLOUR[VERDICT_FAMILY[match.verdict]] });
  await browser.action.setTitle({ tabId, title: `CallCheck: ${match.entry.name}. ${match.reason}` });
}
