import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers: they are slow, and two of them at once
// would only compete for the machine's two cores. They load the built
// extension, so the WXT plugin (for unit tests of source modules) is not used.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    // Launching a browser happens in beforeAll.
    hookTimeout: 60_000,
    fileParallelism: false,
    // Right after a browser starts, its first storage.managed.get() takes
    // 1.6-5 s, and every save waits for it (the background checks each change
    // against the organization's policy). Pages draw at once; what a test
    // polls for after a save can take that long.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', './e2e/support/skips-fail-in-ci.ts'],
  },
});
