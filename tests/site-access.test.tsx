import { render } from 'preact-render-to-string';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SiteAccessNotice } from '../components/SiteAccessNotice';
import { lostSites, readSiteAccess } from '../extension/site-access';
import { english } from '../utils/vocabulary/english';

const REQUIRED = ['*://*.zoom.us/*', '*://meet.google.com/*', '*://teams.live.com/*'];

describe('lostSites', () => {
  it('lists the install-time patterns the browser no longer grants', () => {
    expect(lostSites(REQUIRED, REQUIRED)).toEqual([]);
    expect(lostSites(REQUIRED, ['*://meet.google.com/*'])).toEqual(['*://*.zoom.us/*', '*://teams.live.com/*']);
    expect(lostSites(REQUIRED, [])).toEqual(REQUIRED);
  });

  it('counts a grant of every site as holding them all', () => {
    expect(lostSites(REQUIRED, ['<all_urls>'])).toEqual([]);
    expect(lostSites(REQUIRED, ['*://*/*'])).toEqual([]);
  });
});

describe('readSiteAccess', () => {
  it('compares the manifest with what the browser grants now', async () => {
    fakeBrowser.reset();
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'CallCheck',
      version: '1',
      host_permissions: REQUIRED,
    });
    vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({
      origins: ['*://meet.google.com/*'],
      permissions: [],
    } as never);
    expect(await readSiteAccess()).toEqual({ lost: ['*://*.zoom.us/*', '*://teams.live.com/*'], total: 3 });
    vi.restoreAllMocks();
  });
});

describe('the notice', () => {
  const html = (lost: string[]) =>
    render(<SiteAccessNotice access={{ lost, total: 3 }} t={english} request={async () => true} />);

  it('says how many call sites CallCheck cannot read, and offers to ask again', () => {
    expect(html(['*://*.zoom.us/*'])).toContain("Site access is off for 1 of CallCheck's 3 call sites");
    expect(html(REQUIRED)).toContain('Site access is off: CallCheck cannot check any call page');
    expect(html(REQUIRED)).toContain('Give CallCheck its call sites back');
  });

  it('is not there while every site is granted', () => {
    expect(html([])).toBe('');
  });
});
