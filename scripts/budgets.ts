import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Size budgets of what the built extension makes a page or the browser load,
 * in gzip bytes (level 9), each written once, here. e2e/budgets.test.ts
 * fails the build when one is exceeded; the benchmarks print them.
 */
export const BUDGETS = {
  /** What a call page loads before its first paint: the banner script and its share of the data. */
  banner: 14_336,
  /** What a page with link checking on loads: the link checker with its slim data. */
  linkMarkers: 11_264,
  /** What opening the popup loads before its facts are on screen: page, styles, scripts and the largest product's facts. */
  popup: 40_960,
  /** What the browser parses at every service-worker start. */
  background: 143_360,
} as const;

export type BudgetName = keyof typeof BUDGETS;

export const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

export interface BannerLoad {
  script: number;
  /** The largest data share, and its host: the worst page. */
  share: { host: string; bytes: number };
  /** Script and largest share, each gzipped as the browser gets them. */
  total: number;
  shares: number;
}

/** The banner's weight on the worst call page of a build (`.output/<browser>-mv3`). */
export function bannerLoad(dir: string): BannerLoad {
  const script = gzipSize(readFileSync(join(dir, 'call-banner.js')));
  const files = readdirSync(join(dir, 'banner-data'));
  const shares = files.map((file) => ({
    host: file.replace(/\.js$/, ''),
    bytes: gzipSize(readFileSync(join(dir, 'banner-data', file))),
  }));
  const share = shares.reduce((a, b) => (b.bytes > a.bytes ? b : a), { host: '', bytes: 0 });
  return { script, share, total: script + share.bytes, shares: files.length };
}

export interface PageLoad {
  /** Each file the page loads, with its gzip size. */
  files: { file: string; bytes: number }[];
  total: number;
}

/**
 * What an extension page loads at its opening: its HTML, the scripts,
 * module preloads and stylesheets it names, every chunk those scripts import
 * statically (followed through the bundle), and the packaged files named in
 * `also` (for the popup, the largest product's facts and the explainers).
 */
export function pageLoad(dir: string, page: string, also: string[] = []): PageLoad {
  const seen = new Set<string>();
  const queue = [page];
  const html = readFileSync(join(dir, page), 'utf8');
  for (const match of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) queue.push(match[1]!);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    // Static imports between chunks, as Rolldown writes them: from"./name.js" or import"./name.js".
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g))
      queue.push(join(dirname(file), match[1]!));
  }
  const files = [...seen, ...also].map((file) => ({ file, bytes: gzipSize(readFileSync(join(dir, file))) }));
  return { files, total: files.reduce((sum, f) => sum + f.bytes, 0) };
}

/** The largest product facts file in a build: the popup's worst opening. */
export function largestFactsFile(dir: string): string {
  const files = readdirSync(join(dir, 'facts')).filter((name) => name !== 'explainers.json' && name !== 'all.json');
  const sized = files.map((name) => ({ name, bytes: gzipSize(readFileSync(join(dir, 'facts', name))) }));
  return `facts/${sized.reduce((a, b) => (b.bytes > a.bytes ? b : a)).name}`;
}

/** Every budgeted bundle of a build, measured as the budget counts it. */
export function measureBundles(dir: string): Record<BudgetName, { bytes: number; detail: string }> {
  const banner = bannerLoad(dir);
  const popup = pageLoad(dir, 'popup.html', [largestFactsFile(dir), 'facts/explainers.json']);
  return {
    banner: {
      bytes: banner.total,
      detail: `call-banner.js ${banner.script} B + largest data share ${banner.share.bytes} B (${banner.share.host})`,
    },
    linkMarkers: { bytes: gzipSize(readFileSync(join(dir, 'link-markers.js'))), detail: 'link-markers.js' },
    popup: { bytes: popup.total, detail: popup.files.map((f) => `${f.file} ${f.bytes} B`).join(' + ') },
    background: { bytes: gzipSize(readFileSync(join(dir, 'background.js'))), detail: 'background.js' },
  };
}

/** The benchmarks' closing lines: every bundle against its budget. */
export function printBudgets(dir: string): void {
  const measured = measureBundles(dir);
  const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
  console.log(`\nbundle sizes (gzip, level 9) in ${dir}:`);
  for (const name of Object.keys(BUDGETS) as BudgetName[]) {
    const { bytes: size } = measured[name];
    const verdict = size <= BUDGETS[name] ? 'within' : 'OVER';
    console.log(
      `  ${name.padEnd(12)} ${bytes(size).padStart(10)}   budget ${bytes(BUDGETS[name]).padStart(10)}   ${verdict}`,
    );
  }
}
