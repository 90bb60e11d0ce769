import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { formatMessage, type Catalog } from '../utils/vocabulary/messages';
import { servePackagedFiles } from './fixtures/packaged-files';

// fakeBrowser has no message catalogue: answer from the English one, as the browser would.
fakeBrowser.i18n.getMessage = ((key: string, args?: string | string[]) =>
  formatMessage(
    en as Catalog,
    key,
    typeof args === 'string' ? [args] : (args ?? []),
  )) as typeof fakeBrowser.i18n.getMessage;

async function startBackground() {
  const { default: background } = await import('../entrypoints/background');
  background.main();
}

async function navigate(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url, status: 'loading' }, tab);
  return tab.id!;
}

const badge = async (tabId: number) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
});

describe('background badge', () => {
  let sentToTabs: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    vi.resetModules();
    servePackagedFiles();
    // Messages to content scripts: recorded, as there is no page to receive them.
    sentToTabs = vi.fn(async () => undefined);
    fakeBrowser.tabs.sendMessage = sentToTabs as unknown as typeof fakeBrowser.tabs.sendMessage;
    // Permission events, which fakeBrowser does not implement: nothing grants or revokes here.
    const quietEvent = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn(() => false) });
    Object.assign(fakeBrowser.permissions, {
      onAdded: quietEvent(),
      onRemoved: quietEvent(),
      getAll: vi.fn(async () => ({ origins: [], permissions: [] })),
    });
    // Dynamic content scripts, which fakeBrowser does not implement: none registered.
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: vi.fn(async () => []),
      registerContentScripts: vi.fn(async () => {}),
      updateContentScripts: vi.fn(async () => {}),
      unregisterContentScripts: vi.fn(async () => {}),
    });
  });

  it('sets the badge text and title of a call tab from assess', async () => {
    await startBackground();
    const tabId = await navigate('https://teams.live.com/meet/1');
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe('NO'));
    expect((await badge(tabId)).title).toBe('CallCheck: Microsoft Teams (free) – No BAA: not for patient sessions');
    // The tab's content script hears of the new URL (single-page apps).
    expect(sentToTabs).toHaveBeenCalledWith(tabId, {
      type: 'callcheck:location',
      url: 'https://teams.live.com/meet/1',
    });
  });

  it('sets a badge at once while managed storage has not answered (browser start, install)', async () => {
    // Right after a start, storage.managed.get() took 1.6-5 s; a badge must not wait for it.
    let answer: (value: Record<string, unknown>) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    await startBackground();
    const tabId = await navigate('https://teams.live.com/meet/1');
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe('NO'));
    answer({});
  });

  it('never lets an older resync land after a newer one (a slow first policy read, then a save)', async () => {
    // The first policy read after a browser start hangs for seconds; the next ones answer at once.
    let answerFirst: (value: Record<string, unknown>) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get')
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)) as never)
      .mockResolvedValue({} as never);
    await startBackground();
    await fakeBrowser.runtime.onStartup.trigger();
    // Meanwhile the clinic records a BAA with Zoom (the options page's save lands in storage).
    await fakeBrowser.storage.local.set({
      settings: { approvals: [{ productId: 'zoom', by: 'user' }], blocks: [], customVendors: [] },
    });
    await new Promise((done) => setTimeout(done, 20));
    // Now the slow first read answers: its run read the settings before the save.
    answerFirst({});
    await vi.waitFor(async () => {
      const { effective } = await fakeBrowser.storage.local.get('effective');
      expect((effective as { settings: { approvals: unknown[] } }).settings.approvals).toEqual([
        { productId: 'zoom', by: 'user' },
      ]);
    });
    // And it stays so: no stale run lands afterwards.
    await new Promise((done) => setTimeout(done, 50));
    const { effective } = await fakeBrowser.storage.local.get('effective');
    expect((effective as { settings: { approvals: unknown[] } }).settings.approvals).toHaveLength(1);
  });

  it('is the one writer of the banner’s memory: changes from tabs at the same moment all land', async () => {
    await startBackground();
    const send = (change: unknown) =>
      (fakeBrowser.runtime.onMessage as unknown as { trigger: (...args: unknown[]) => Promise<unknown[]> }).trigger(
        { type: 'callcheck:banner-memory', change },
        { id: fakeBrowser.runtime.id, tab: { id: 1 } },
      );
    // Three tabs at once: a snooze, a banner seen, a dismissal.
    await Promise.all([
      send({ kind: 'snooze', productId: 'zoom', days: 7 }),
      send({ kind: 'seen', productId: 'webex' }),
      send({ kind: 'dismiss', url: 'https://doxy.me/drsmith' }),
      send({ kind: 'snooze', productId: 'zoom', days: 365 }),
      send({ kind: 'seen', productId: '<script>' }),
    ]);
    await vi.waitFor(async () => {
      const { bannerState } = (await fakeBrowser.storage.local.get('bannerState')) as {
        bannerState: { snoozes: object; seen: object; dismissed: object };
      };
      expect(Object.keys(bannerState.snoozes)).toEqual(['zoom']);
      expect(Object.keys(bannerState.seen)).toEqual(['webex']);
      expect(Object.keys(bannerState.dismissed)).toHaveLength(1);
    });
  });

  it('uses the last known merged settings at once, and corrects them when the policy answers', async () => {
    // The merged settings written before the browser closed: Zoom approved by the organization.
    await fakeBrowser.storage.local.set({
      effective: { settings: { approvals: [{ productId: 'zoom', by: 'organization' }] }, controls: { managed: true } },
    });
    let answer: (value: Record<string, unknown>) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    // fakeBrowser's tabs.query ignores URL patterns: every tab here is a call tab.
    const allTabs = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(((info: { url?: unknown }) =>
      allTabs(info.url ? {} : (info as object))) as never);
    await startBackground();
    const tabId = await navigate('https://us02web.zoom.us/j/5551112222');
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe('OK'));
    // Meanwhile IT withdrew the approval and blocked Zoom; the start-up resync reads the policy.
    await fakeBrowser.runtime.onStartup.trigger();
    answer({ BlockedVendors: [{ Product: 'zoom' }] });
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe('BLK'));
  });

  it('keeps the policy it read, for pages opened while the next start is still reading it', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ OrganizationName: 'Lakeside Clinic' } as never);
    await startBackground();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('lastPolicy')).lastPolicy).toEqual({
        OrganizationName: 'Lakeside Clinic',
      }),
    );
  });

  it.each([{}, { settings: 'x' }, { settings: {} }, 'damaged', { controls: { locked: true } }])(
    'a merged-settings entry of the wrong shape (%j) does not drop the clinic’s own approvals from badge and banner',
    async (damaged) => {
      await fakeBrowser.storage.local.set({
        settings: { approvals: [{ productId: 'zoom', by: 'user' }], blocks: [], customVendors: [] },
        effective: damaged,
      });
      vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
      await startBackground();
      const zoom = await navigate('https://us02web.zoom.us/j/5551112222');
      await vi.waitFor(async () => expect((await badge(zoom)).text).toBe('OK'));
      const { readStored } = await import('../extension/stored');
      expect(
        readStored({ settings: (await fakeBrowser.storage.local.get('settings')).settings, effective: damaged })
          .settings.approvals,
      ).toEqual([{ productId: 'zoom', by: 'user' }]);
    },
  );

  it('reads a damaged merged-settings entry through the same repair as the banner, so badge and banner agree', async () => {
    const damaged = {
      settings: { approvals: [{ productId: 'zoom' }, 42, { productId: '<b>' }], blocks: 'webex', customVendors: null },
      preferences: { bannerVerdicts: ['bogus'] },
    };
    await fakeBrowser.storage.local.set({ effective: damaged });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
    await startBackground();
    const zoom = await navigate('https://us02web.zoom.us/j/5551112222');
    const webex = await navigate('https://clinic.webex.com/meet/dr.lee');
    // What the banner would decide from the same entry (extension/stored.ts, as the content script reads it).
    const { readStored } = await import('../extension/stored');
    const { assess } = await import('../utils/verdict/assess');
    const { dataset } = await import('../utils/dataset/bundled');
    const banner = readStored({ effective: damaged });
    const verdict = (url: string) => {
      const r = assess(url, dataset, banner.settings);
      return r.ok ? r.match?.verdict : null;
    };
    expect(verdict('https://us02web.zoom.us/j/5551112222')).toBe('approved');
    expect(verdict('https://clinic.webex.com/meet/dr.lee')).toBe('check-plan');
    await vi.waitFor(async () => expect((await badge(zoom)).text).toBe('OK'));
    await vi.waitFor(async () => expect((await badge(webex)).text).toBe('PLAN'));
    // And the banner's preferences fall back to the defaults rather than to "no banner ever".
    expect(banner.preferences.bannerVerdicts.length).toBeGreaterThan(0);
  });

  it('badges tabs restored before any tab event reached it, at start, while the policy is still unread', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://us02web.zoom.us/j/5551112222' });
    await fakeBrowser.storage.local.set({ effective: { settings: { approvals: [{ productId: 'zoom' }] } } });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
    const allTabs = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(((info: { url?: unknown }) =>
      allTabs(info.url ? {} : (info as object))) as never);
    await startBackground();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await badge(tab.id!)).text).toBe('OK'));
  });

  it('clears the badge when the tab leaves for a page it cannot see', async () => {
    await startBackground();
    const tabId = await navigate('https://doxy.me/room');
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe('PLAN'));
    const tab = await fakeBrowser.tabs.get(tabId);
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { ...tab, url: undefined });
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe(''));
  });

  it('uses stored approvals, so a recorded BAA turns the badge green', async () => {
    await fakeBrowser.storage.local.set({ settings: { approvals: [{ productId: 'zoom' }] } });
    await startBackground();
    const tabId = await navigate('https://us02web.zoom.us/j/1');
    await vi.waitFor(async () => expect((await badge(tabId)).text).toBe('OK'));
  });

  it('answers the banner with the key facts of a product, and no one else', async () => {
    await startBackground();
    const ask = async (message: unknown, sender: { id?: string }) => {
      const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
      return reply as { facts: { key: string }[] | null } | undefined;
    };
    const own = { id: fakeBrowser.runtime.id };
    expect((await ask({ type: 'callcheck:facts', productId: 'zoom' }, own))?.facts?.map((row) => row.key)).toEqual([
      'baa',
      'freePlanBaa',
      'e2ee',
      'status',
    ]);
    // After a red verdict, the platforms that sign a BAA, each with its plans read from its facts file.
    const whatsapp = (await ask({ type: 'callcheck:facts', productId: 'whatsapp-web' }, own)) as {
      alternatives?: { id: string; lines: string[] }[];
    };
    expect(whatsapp.alternatives?.length).toBeGreaterThan(20);
    expect(whatsapp.alternatives?.find((row) => row.id === 'doxy-me')?.lines[0]).toMatch(/^Which plans: \S/);
    expect(await ask({ type: 'callcheck:facts', productId: 'no-such-product' }, own)).toEqual({ facts: null });
    expect(await ask({ type: 'callcheck:facts', productId: '<img src=x>' }, own)).toBeUndefined();
    expect(await ask({ type: 'callcheck:facts', productId: 'zoom' }, { id: 'another-extension' })).toBeUndefined();
  });
});

describe('background settings writes', () => {
  const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
  const contentScript = () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://us02web.zoom.us/j/1',
    tab: { url: 'https://us02web.zoom.us/j/1' },
  });
  const save = {
    type: 'callcheck:save-settings',
    settings: { approvals: [{ productId: 'zoom' }], blocks: [], customVendors: [] },
  };

  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
    const quietEvent = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn(() => false) });
    Object.assign(fakeBrowser.permissions, {
      onAdded: quietEvent(),
      onRemoved: quietEvent(),
      contains: vi.fn(async () => false),
    });
    // No custom vendor is granted here, so nothing is ever registered.
    Object.assign(fakeBrowser.scripting, { getRegisteredContentScripts: vi.fn(async () => []) });
  });

  const ask = async (message: unknown, sender: object) => {
    await startBackground();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
    return (await reply) as unknown as { ok: boolean; error?: string };
  };

  it('saves what CallCheck’s own page sends', async () => {
    expect(await ask(save, page())).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      approvals: [{ productId: 'zoom', by: 'user' }],
    });
  });

  it('knows every bundled product, also one with no web address (a video API a clinic embeds)', async () => {
    const api = { ...save, settings: { ...save.settings, approvals: [{ productId: 'twilio-video' }] } };
    expect(await ask(api, page())).toEqual({ ok: true });
    const unknown = { ...save, settings: { ...save.settings, approvals: [{ productId: 'no-such-product' }] } };
    expect((await ask(unknown, page())).ok).toBe(false);
  });

  it('refuses the same request from a content script, and stores nothing', async () => {
    expect(await ask(save, contentScript())).toEqual({
      ok: false,
      error: 'Only CallCheck’s own pages may change its settings.',
    });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
  });

  it('refuses a malformed payload with the reason', async () => {
    const reply = await ask(
      { type: 'callcheck:save-settings', settings: { approvals: [{ productId: '<b>' }] } },
      page(),
    );
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/settings\.approvals\.0\.productId/);
  });

  // What an import refuses, the background refuses too: it is the same door.
  it.each([
    [
      'a custom vendor on a bare public suffix (every .com page a call)',
      { customVendors: [{ id: 'everything', name: 'Everything', sites: [{ host: 'com' }], baa: 'not-offered' }] },
      /not a valid domain/,
    ],
    [
      'a host with a scheme and a path',
      { customVendors: [{ id: 'x', name: 'X', sites: [{ host: 'https://x.example/visit' }], baa: 'offered' }] },
      /not a valid domain/,
    ],
    [
      'HTML in a name',
      {
        customVendors: [
          { id: 'x', name: '<img src=x onerror=alert(1)>', sites: [{ host: 'x.example' }], baa: 'offered' },
        ],
      },
      /HTML/i,
    ],
    ['an approval of an unknown product', { approvals: [{ productId: 'no-such-product' }] }, /no-such-product/],
    [
      'a custom vendor reusing a bundled id',
      { customVendors: [{ id: 'zoom', name: 'Not Zoom', sites: [{ host: 'x.example' }], baa: 'offered' }] },
      /zoom/,
    ],
    [
      'two vendors with one id',
      {
        customVendors: [1, 2].map((n) => ({
          id: 'twin',
          name: `Twin ${n}`,
          sites: [{ host: `twin${n}.example` }],
          baa: 'offered',
        })),
      },
      /twin/,
    ],
  ])('refuses %s, and stores nothing', async (_what, settings, error) => {
    const reply = await ask({ type: 'callcheck:save-settings', settings }, page());
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(error);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
  });

  it("stores what a page claims the organization decided as the user's own decision", async () => {
    const forged = {
      approvals: [{ productId: 'zoom', by: 'organization' }],
      blocks: [{ productId: 'doxy-me', by: 'organization' }],
    };
    expect(await ask({ type: 'callcheck:save-settings', settings: forged }, page())).toEqual({ ok: true });
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as {
      approvals: { by: string }[];
      blocks: { by: string }[];
    };
    expect(JSON.stringify(stored)).not.toContain('organization');
  });

  it('saves the sites for link checking from its own page only, each a valid domain', async () => {
    expect(await ask({ type: 'callcheck:set-link-sites', sites: ['Mail.Google.com'] }, page())).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get('linkSites')).linkSites).toEqual(['mail.google.com']);
    expect((await ask({ type: 'callcheck:set-link-sites', sites: ['com'] }, page())).error).toMatch(/not valid/);
    expect((await ask({ type: 'callcheck:set-link-sites', sites: ['x.example'] }, contentScript())).ok).toBe(false);
    expect((await fakeBrowser.storage.local.get('linkSites')).linkSites).toEqual(['mail.google.com']);
  });

  it('refuses link checking where the organization forbids it', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ LinkCheckForbidden: true } as never);
    expect(await ask({ type: 'callcheck:set-link-sites', sites: ['mail.google.com'] }, page())).toEqual({
      ok: false,
      error: 'Your organization has turned link checking off.',
    });
    expect((await fakeBrowser.storage.local.get('linkSites')).linkSites).toBeUndefined();
  });

  it('passes a storage error (quota) back to the page instead of swallowing it', async () => {
    fakeBrowser.storage.local.set = (async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    }) as typeof fakeBrowser.storage.local.set;
    expect(await ask(save, page())).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
  });
});
