/**
 * Firefox end-to-end harness: launches Debian's firefox-esr headless through
 * puppeteer-core over WebDriver BiDi, with a throwaway profile, an installed
 * unpacked extension, and no way to reach the network.
 *
 * Two layers keep every test offline:
 *  1. `servePages` intercepts each request of a page at the BiDi level and
 *     either answers it from a URL → HTML map or aborts it, so tests can open
 *     real URLs (https://zoom.us/...) that never leave the machine.
 *  2. Everything BiDi cannot see (Firefox's own background services, an
 *     extension's background script) is pointed by prefs at a loopback proxy
 *     that records the attempt and refuses it. `strayRequests` is that record,
 *     so a test can prove nothing escaped instead of hoping the prefs held.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const FIREFOX_ESR_PATH = '/usr/bin/firefox-esr';

type PrefValue = string | number | boolean;

/**
 * Prefs that silence Firefox's own traffic (each one checked to exist in
 * firefox-esr 153; prefs a release drops are silently ignored, not errors). The Remote Agent applies a similar
 * "recommended" set, but only once it has started; writing them to user.js
 * makes them hold from the first instant of the profile's life. Each group
 * names the service it stops; anything missed still only reaches the loopback
 * proxy below, where it shows up in `strayRequests`.
 */
const QUIET_PREFS: Record<string, PrefValue> = {
  // Telemetry, health report, usage pings, crash reports.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.coverage.opt-out': true,
  'toolkit.coverage.endpoint.base': '',
  'telemetry.fog.test.localhost_port': -1,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.crashReports.unsubmittedCheck.enabled': false,
  'browser.tabs.crashReporting.sendReport': false,
  'breakpad.reportURL': '',
  // Studies, Normandy/Nimbus experiments, in-product messaging.
  'app.shield.optoutstudies.enabled': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'browser.discovery.enabled': false,
  // Application, add-on, system add-on, search engine and GMP (codec) updates.
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  // Safe Browsing and the tracking-protection lists share the URL classifier's
  // list downloads; blanking the provider URLs stops the fetches themselves.
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google.gethashURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google4.gethashURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.mozilla.gethashURL': '',
  'privacy.trackingprotection.enabled': false,
  // Remote Settings (blocklists, CRLite, intermediates, quarantined domains…).
  // Release and ESR builds ignore this pref and poll the real server, unless
  // MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 is set (see launchFirefox) and the value
  // is exactly this dummy, which then skips remote activity altogether
  // (services-settings/Utils.sys.mjs: allowServerURL, shouldSkipRemoteActivity).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.OCSP.enabled': 0,
  'security.certerrors.mitm.priming.enabled': false,
  // Captive portal and connectivity probes, push, NTP, region and geolocation.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'network.sntp.pools': '',
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  // DNS-over-HTTPS, DNS prefetch, link prefetch and speculative connections:
  // all of them open connections for hosts no test asked to load.
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  // New-tab feeds, sponsored tiles, Firefox accounts, translations,
  // ML models, URL-bar suggestions: each downloads content on its own.
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.topsites.contile.enabled': false,
  'identity.fxaccounts.enabled': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'browser.urlbar.suggest.searches': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.page': 0,
  // The parent process fetches /favicon.ico outside any page's BiDi view, so
  // it would only ever show up as a stray request.
  'browser.chrome.site_icons': false,
};

/**
 * Firefox treats an MV3 extension's `host_permissions` as optional "origin
 * controls" the user can revoke (Extension.sys.mjs: `originControls` is true
 * for every MV3 extension). They are granted at install only when
 * `extensions.originControls.grantByDefault` is true or the manifest carries
 * the Firefox-only `granted_host_permissions: true`; otherwise content scripts
 * are registered but never injected, and a test would "pass" its negative
 * case for the wrong reason. The pref defaults to true in current Firefox, but
 * it is a default, not a promise, so the harness pins it rather than depend on
 * what a distribution or a later release ships. It only takes effect on
 * ADDON_INSTALL, which is exactly what `browser.installExtension` triggers.
 */
const HOST_PERMISSION_PREFS: Record<string, PrefValue> = {
  'extensions.originControls.grantByDefault': true,
};

/** Route every connection Firefox makes to the loopback proxy at `port`. */
function proxyPrefs(port: number): Record<string, PrefValue> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.socks': '',
    // Nothing bypasses it, not even localhost, and a refused proxy must not
    // fall back to a direct connection.
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
  };
}

/** A connection attempt that got past request interception. */
export interface StrayRequest {
  /** `CONNECT` for HTTPS/WSS tunnels, otherwise the plain-HTTP method. */
  method: string;
  /** `host:port` for a tunnel, the absolute URL for plain HTTP. */
  target: string;
}

interface BlackholeProxy {
  port: number;
  strays: StrayRequest[];
  close(): Promise<void>;
}

/**
 * A proxy that never connects anywhere: it writes down what Firefox wanted and
 * refuses it. Loopback only, so even a forgotten pref cannot reach the network.
 */
async function startBlackholeProxy(): Promise<BlackholeProxy> {
  const strays: StrayRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    strays.push({ method: req.method ?? '?', target: req.url ?? '' });
    res.writeHead(403, { connection: 'close' }).end();
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    strays.push({ method: 'CONNECT', target: req.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    strays,
    close: () =>
      new Promise<void>((resolve) => {
        // Firefox may hold keep-alive sockets open; they must not keep the
        // test process alive.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface LaunchFirefoxOptions {
  /** Unpacked extension directory (one holding manifest.json) to install. */
  extensionDir?: string;
  executablePath?: string;
  /** Extra prefs, applied last so a test can override any default above. */
  prefs?: Record<string, PrefValue>;
}

export interface FirefoxHandle {
  browser: Browser;
  /** The installed extension's id, when `extensionDir` was given. */
  extensionId: string | undefined;
  profileDir: string;
  /** Connections that reached the loopback proxy; should stay empty. */
  strayRequests: readonly StrayRequest[];
  /** Closes Firefox and the proxy and deletes the profile. Safe to call twice. */
  close(): Promise<void>;
}

export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxHandle> {
  const executablePath = options.executablePath ?? FIREFOX_ESR_PATH;
  const proxy = await startBlackholeProxy();
  // The profile is created here rather than by puppeteer so its path is known
  // to the test (for debugging) and its removal does not depend on how
  // puppeteer decides a profile is "temporary".
  const profileDir = await mkdtemp(join(tmpdir(), 'callcheck-firefox-'));
  let browser: Browser | undefined;

  const cleanup = async (): Promise<void> => {
    try {
      await browser?.close();
    } finally {
      await proxy.close();
      // Retries cover a last file Firefox's exiting processes may still write.
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };

  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      userDataDir: profileDir,
      // Firefox's own stderr (the tripwire message above, crash reasons) is
      // noise on a passing run; CALLCHECK_FIREFOX_DUMPIO=1 shows it.
      dumpio: process.env.CALLCHECK_FIREFOX_DUMPIO === '1',
      // puppeteer merges these into user.js on top of its own test defaults.
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        ...HOST_PERMISSION_PREFS,
        ...proxyPrefs(proxy.port),
        ...options.prefs,
      },
      env: {
        ...process.env,
        // No crash reporter UI or submission, and no "safe mode?" prompt
        // after a killed run.
        MOZ_CRASHREPORTER_DISABLE: '1',
        MOZ_DISABLE_AUTO_SAFE_MODE: '1',
        // Mozilla's own test harnesses set this. It makes Remote Settings
        // honour the dummy server above (ESR otherwise ignores the pref and
        // polls firefox.settings.services.mozilla.com), and it is a tripwire:
        // a socket to any non-loopback address aborts Firefox with "FATAL
        // ERROR: Non-local network connections are disabled" on stderr. All
        // traffic goes to the loopback proxy, so only a bypass of it can
        // trip that, and a crash is the right answer to one.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
        // Firefox otherwise creates ~/.cache/mozilla; keep every trace of a
        // run inside the profile that close() deletes.
        XDG_CACHE_HOME: join(profileDir, 'xdg-cache'),
      },
    });

    let extensionId: string | undefined;
    if (options.extensionDir !== undefined) {
      if (!existsSync(join(options.extensionDir, 'manifest.json'))) {
        throw new Error(`No manifest.json in ${options.extensionDir}: build the extension first`);
      }
      // BiDi webExtension.install with a directory path installs it as a
      // temporary add-on, so it needs no signature and disappears with the
      // profile.
      extensionId = await browser.installExtension(options.extensionDir);
    }

    let closed: Promise<void> | undefined;
    return {
      browser,
      extensionId,
      profileDir,
      strayRequests: proxy.strays,
      close: () => (closed ??= cleanup()),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** One request a page made, and what the harness did with it. */
export interface RecordedRequest {
  url: string;
  method: string;
  isNavigation: boolean;
  outcome: 'served' | 'aborted';
}

export interface FakeSite {
  /** Every request the page made, in order, served or not. */
  requests: RecordedRequest[];
  /** Turns interception off; the page's requests then reach the refusing proxy. */
  stop(): Promise<void>;
}

export interface ServePagesOptions {
  /** Log to append to, so several tabs can share one record. */
  requests?: RecordedRequest[];
}

/** Fragments never reach the network, and `new URL` adds a bare host's "/". */
function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * Serves `pages` (URL → HTML) to `page` at their real URLs and aborts every
 * other request it makes. Call it before the page's first navigation.
 *
 * Only requests attributed to this page's browsing contexts are seen here
 * (the document, its subresources, and fetches by content scripts running in
 * it); the extension's background script is covered by `strayRequests`.
 */
export async function servePages(
  page: Page,
  pages: Record<string, string>,
  options: ServePagesOptions = {},
): Promise<FakeSite> {
  const served = new Map<string, string>();
  for (const [url, html] of Object.entries(pages)) served.set(normalizeUrl(url), html);
  const requests = options.requests ?? [];

  const onRequest = (request: HTTPRequest): void => {
    // Another handler may already have resolved it; answering twice throws.
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const html = served.get(normalizeUrl(url));
    const record: RecordedRequest = {
      url,
      method: request.method(),
      // resourceType() throws UnsupportedOperation under BiDi in Firefox, so
      // navigation-or-not is the only classification available.
      isNavigation: request.isNavigationRequest(),
      outcome: html === undefined ? 'aborted' : 'served',
    };
    requests.push(record);
    const resolution =
      html === undefined
        ? request.abort('blockedbyclient')
        : request.respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: html,
          });
    // A page that navigates away can cancel a request before the answer
    // lands; that race is not a test failure.
    resolution.catch(() => undefined);
  };

  await page.setRequestInterception(true);
  page.on('request', onRequest);
  return {
    requests,
    stop: async () => {
      page.off('request', onRequest);
      await page.setRequestInterception(false);
    },
  };
}
