import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { monthsBefore, MOST_USED, reportDataset, staleFacts } from '../utils/dataset/report';
import { makeDataset, makeProduct } from './fixtures/make-product';

const old = {
  url: 'https://vendor.example/old',
  publisher: 'vendor' as const,
  title: 'Old page',
  checked: '2025-06-01',
};
const fresh = { ...old, url: 'https://vendor.example/fresh', checked: '2026-11-01' };

describe("the dataset's figures", () => {
  it('counts products, BAAs and unknowns per fact', () => {
    const report = reportDataset(
      makeDataset([
        makeProduct('a', ['a.example'], { baa: { value: 'offered' } }),
        makeProduct('b', ['b.example'], { baa: { value: 'not-offered' } }),
      ]),
      '2026-12-01',
    );
    expect(report.products).toBe(2);
    expect(report.baaOffered).toBe(1);
    expect(report.unknownByFact.baa).toBe(0);
    // makeProduct: openness and the free plan unknown, transit encrypted, e2ee none.
    expect(report.unknownByFact.openness).toBe(1);
    expect(report.unknownByFact.transit).toBe(0);
    expect(report.unknownOverall).toBeCloseTo(4 / 10);
  });

  it('knows every product of the most-used list', () => {
    const ids = new Set(dataset.products.map((p) => p.id));
    expect(MOST_USED.filter((id) => !ids.has(id))).toEqual([]);
    expect(MOST_USED).toHaveLength(25);
  });

  it('finds the facts whose newest check is older than N months, and only those', () => {
    const product = makeProduct('p', ['p.example'], { baa: { value: 'offered', sources: [old] } });
    const mixed = { ...product, e2ee: { ...product.e2ee, sources: [old, fresh] } };
    const stale = staleFacts(makeDataset([mixed]), '2026-12-01', 12);
    expect(stale).toEqual([
      { productId: 'p', fact: 'baa', newestCheck: '2025-06-01', urls: ['https://vendor.example/old'] },
    ]);
    expect(staleFacts(makeDataset([mixed]), '2026-12-01', 24)).toEqual([]);
  });

  it('counts months on the calendar', () => {
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 3)).toBe('2025-10-15');
  });
});

describe('npm run facts', () => {
  const run = (args: string[]) => spawnSync('npm', ['run', '--silent', 'facts', '--', ...args], { encoding: 'utf8' });

  it('prints the report', () => {
    const { status, stdout } = run(['report']);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^products\\s+${dataset.products.length}$`, 'm'));
    expect(stdout).toMatch(/^unknown, the 25 most used\s+\d+\.\d%/m);
    expect(stdout).toMatch(/^sources by publisher\s+regulator \d+, secondary \d+, vendor \d+$/m);
  });

  it('lists stale facts, one a line, and refuses a missing --months', () => {
    const all = run(['stale', '--months', '0', '--as-of', '2099-01-01']);
    expect(all.status).toBe(0);
    expect(all.stdout.trim().split('\n')[0]).toMatch(/^[a-z0-9-]+\t[a-zA-Z0-9]+\t\d{4}-\d{2}-\d{2}\thttps:\/\//);
    const bad = run(['stale']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/stale needs --months N/);
  });
});

describe('the README', () => {
  it("shows the dataset's current figures", () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- facts-report -->\n```\n([\s\S]*?)\n```\n<!-- \/facts-report -->/.exec(readme)?.[1];
    const { stdout } = spawnSync('npm', ['run', '--silent', 'facts', '--', 'report', '--as-of', dataset.updated], {
      encoding: 'utf8',
    });
    expect(block, 'README.md has no facts-report block').toBeDefined();
    expect(block).toBe(stdout.trim());
  });
});
