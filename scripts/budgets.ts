import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Size budgets of what the built extension makes a page or the browser load,
 * in gzip bytes (level 9), each written once, here. e2e/budgets.test.ts
 * fails the build when one is exceeded; the benchmarks print them.
 */
export const BUDGETS = {
  /** What a call page loads before its first paint: the banner script and its share of the data. */
  banner: 14_336,
} as const;

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

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
