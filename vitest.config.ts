import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { slimDatasetModule } from './scripts/slim-dataset-plugin';
import { dataset } from './utils/dataset/bundled';

export default defineConfig({
  plugins: [WxtVitest(), slimDatasetModule(dataset)],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The CLI tests start real processes.
    testTimeout: 30_000,
  },
});
