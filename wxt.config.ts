import { defineConfig } from 'wxt';
import { assertValidDataset } from './utils/dataset/lint';
import { callHostPatterns } from './utils/dataset/host-patterns';
import { bannerEntries } from './scripts/banner-shares';
import { factsFiles } from './scripts/facts-files';
import { jsonAsStringModule, slimDatasetModule } from './scripts/slim-dataset-plugin';
import vendors from './assets/vendors.json';

// A dataset that breaks a rule fails the build, with every problem listed.
const dataset = assertValidDataset(vendors);
const banner = bannerEntries(dataset);

/** Public half of the key that fixes the Chrome extension id; the private half is not needed to load it. */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqv4wmzBpxMwHmmgiTj/tRl2KLLqng2htMWyRtAvaVCBkGqGR1Ee/q2h7EgBrU6Neu2Avrf54wCDf45eRPLtdwxbxIqYZegO26IagWqu7YUBVHangoSo5o3CKuxBYqPHdqIwVFfvIMuS70GpNafM2NijfazhcjGF9FEbjdi847dHsxRXVQZ+LpSHEwDbvO/vGBDE1JbD3SD6WkcbFnPzsd4d3ep7tvzdTdKuf+qT2BGcITDkMcmlampPXVNTIJLaTNEKYP7jQTV7T3JdVROVvamaBYSyvVp8HyFWtqmB45BswTjxFftMCsIpHONR913amCM1ko+POAHqVkef+RVCo+wIDAQAB';

/**
 * Store packages (`npm run zip`): built into their own folders
 * (.output/<browser>-mv3-store) without the development key, since the
 * Chrome Web Store assigns its own id and refuses a manifest with a `key`.
 * Development and test builds keep the key, so policy files and tests name
 * a stable id (see docs/admin.md).
 */
const STORE = process.env.CALLCHECK_STORE === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(STORE ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-store' } : {}),
  zip: {
    name: 'callcheck',
    // What a reviewer needs to rebuild the Firefox package, and nothing else:
    // no screenshots, tests, benchmarks or research notes.
    excludeSources: [
      'demo/**',
      'e2e/**',
      'tests/**',
      'bench/**',
      'docs/**',
      'cli/**',
      'stats.html',
      'web-ext.config.ts',
      'vitest*.ts',
      '**/*.log',
    ],
    // The privacy policy is built into the extension (its privacy page).
    includeSources: ['docs/privacy.md'],
  },
  // Imports are written out, so the same modules run unchanged in the CLI.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: 'CallCheck' },
    // scripting: the banner on custom vendors' hosts, registered at run time
    // for the hosts the user grants (optional_host_permissions); the
    // install-time host list stays the dataset's call hosts.
    // activeTab: the popup's "Check meeting links on this site" needs the
    // tab's URL, which the browser gives only for the tab the person opened
    // the popup on, only then; it grants no host and shows no install warning.
    permissions: ['storage', 'scripting', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // What a clinic's IT may set by policy (Chrome, Edge; Firefox reads the
    // same values from policies.json). See docs/admin.md.
    storage: { managed_schema: 'managed_schema.json' },
    // CallCheck's own pages may reach nothing but the extension's own files:
    // "no network requests" is then the browser's rule, not only a promise.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'" },
    // A stable id for the Chrome build (llaohoomnfgbdhmjgjlndpkljbnadhfp), so
    // policy files and tests can name it; only the public key is here.
    ...(browser === 'firefox' || STORE ? {} : { key: CHROME_PUBLIC_KEY }),
    host_permissions: callHostPatterns(dataset),
    // Firefox's own keys; Chrome warns about keys it does not know.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'callcheck@callcheck.dev',
              strict_min_version: '140.0',
              // CallCheck collects and sends nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the data-collection declaration from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The banner content script, with matches generated from the dataset (see
    // entrypoints/call-banner.tsx for why it is an unlisted script): one entry
    // per host pattern, each with its own share of the data (scripts/banner-shares.ts).
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        // all_frames: a portal that embeds a video room in an iframe gets the
        // warning inside the frame, where the frame's host is a call host.
        // Only hosts whose pages can bring a banner; the badge needs all of host_permissions.
        ...banner.map((entry) => ({
          matches: [entry.pattern],
          js: [entry.file, 'call-banner.js'],
          run_at: 'document_start' as const,
          all_frames: true,
        })),
      ];
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...banner.map((entry) => ({ relativeDest: entry.file, contents: entry.contents })));
      // Each product's facts as a file of its own, read by the surface that shows it (scripts/facts-files.ts).
      files.push(...factsFiles(dataset));
    },
  },
  vite: () => ({
    // The data as JSON.parse('…') (see jsonParse in scripts/slim-dataset-plugin.ts).
    plugins: [slimDatasetModule(dataset), jsonAsStringModule()],
    build: { target: 'es2022' },
  }),
});
