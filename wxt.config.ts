import { defineConfig } from 'wxt';
import { assertValidDataset } from './utils/dataset-lint';
import { callHostPatterns } from './utils/match-patterns';
import vendors from './assets/vendors.json';

// A dataset that breaks a rule fails the build, with every problem listed.
const dataset = assertValidDataset(vendors);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Imports are written out, so the same modules run unchanged in the CLI.
  imports: false,
  manifestVersion: 3,
  manifest: {
    name: 'CallCheck',
    description:
      'Tells clinicians, with sources, whether the call platform in a tab can be used for patient sessions under HIPAA.',
    action: { default_title: 'CallCheck' },
    permissions: ['storage'],
    host_permissions: callHostPatterns(dataset),
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
  },
  vite: () => ({
    build: { target: 'es2022' },
  }),
});
