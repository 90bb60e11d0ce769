import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bannerLoad, BUDGETS } from '../scripts/budgets';

/** Size budgets on the built extension (npm test builds it first). */
const BUILDS = ['chrome-mv3', 'firefox-mv3'].map((name) => resolve('.output', name));

describe('size budgets of the built extension', () => {
  it.each(BUILDS)(`%s: a call page loads at most ${BUDGETS.banner} B of banner script and data`, (dir) => {
    // Under CI the builds must exist: a missing build is a failure, not a skip.
    if (!existsSync(dir)) {
      expect(process.env.CI, `${dir} is missing: run npm run build first`).not.toBe('true');
      return;
    }
    const load = bannerLoad(dir);
    expect(load.shares).toBeGreaterThan(40);
    expect(
      load.total,
      `banner script ${load.script} B + largest data share ${load.share.bytes} B (${load.share.host})`,
    ).toBeLessThanOrEqual(BUDGETS.banner);
  });
});
