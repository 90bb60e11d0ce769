import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureBundles, pageLoad, type BudgetName } from '../scripts/budgets';
import { dataset } from '../utils/dataset/bundled';

/** Size budgets on the built extension (npm test builds it first); each figure is written once, in scripts/budgets.ts. */
const BUILDS = ['chrome-mv3', 'firefox-mv3'].map((name) => resolve('.output', name));

function built(dir: string): boolean {
  // Under CI the builds must exist: a missing build is a failure, not a skip.
  if (existsSync(dir)) return true;
  expect(process.env.CI, `${dir} is missing: run npm run build first`).not.toBe('true');
  return false;
}

const CASES = BUILDS.flatMap((dir) => (Object.keys(BUDGETS) as BudgetName[]).map((name) => ({ dir, name })));

describe('size budgets of the built extension', () => {
  it.each(CASES)('$dir: $name within its budget', ({ dir, name }) => {
    if (!built(dir)) return;
    const { bytes, detail } = measureBundles(dir)[name];
    expect(bytes, `${name}: ${bytes} B gzip > ${BUDGETS[name]} B (${detail})`).toBeLessThanOrEqual(BUDGETS[name]);
  });

  it.each(BUILDS)('%s: the banner has its data shares, the popup reads facts from the package', (dir) => {
    if (!built(dir)) return;
    expect(readFileSync(resolve(dir, 'manifest.json'), 'utf8').match(/banner-data\//g)?.length).toBeGreaterThan(40);
    // The popup's own scripts carry no product's facts: not even a source title of the first product.
    const popup = pageLoad(dir, 'popup.html').files.filter((f) => f.file.endsWith('.js'));
    const title = dataset.products[0]!.baa.sources[0]!.title;
    for (const { file } of popup) expect(readFileSync(resolve(dir, file), 'utf8')).not.toContain(title);
    expect(existsSync(resolve(dir, `facts/${dataset.products[0]!.id}.json`))).toBe(true);
  });
});
