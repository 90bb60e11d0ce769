import { resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import type { Dataset } from '../utils/dataset/schema';
import { callHostPatterns } from '../utils/dataset/host-patterns';
import { encodeBannerSlim, encodeSlim } from '../utils/dataset/slim';
import { bannerEntries } from './banner-shares';

/**
 * `virtual:callcheck/slim-dataset`: what the content script needs of the
 * dataset (see utils/dataset/slim.ts) and the call-host match patterns, made
 * at build time from the one dataset.
 */
export function slimDatasetModule(dataset: Dataset): Plugin {
  const id = 'virtual:callcheck/slim-dataset';
  // The banner's own copy, without the sites that can never bring a banner
  // (see encodeBannerSlim): a module of its own, so the banner script does
  // not carry the full list too.
  const bannerId = 'virtual:callcheck/banner-dataset';
  const decoder = `import { decodeSlim } from ${JSON.stringify(resolvePath(import.meta.dirname, '../utils/dataset/slim.ts'))};\n`;
  return {
    name: 'callcheck:slim-dataset',
    resolveId: (source) => (source === id || source === bannerId ? `\0${source}` : undefined),
    load: (resolved) => {
      if (resolved === `\0${id}`) {
        return (
          `${decoder}export default decodeSlim(${JSON.stringify(encodeSlim(dataset))});\n` +
          `export const callHostMatches = ${JSON.stringify(callHostPatterns(dataset))};\n` +
          `export const bannerScripts = ${JSON.stringify(bannerEntries(dataset).map(({ pattern, file }) => ({ pattern, file })))};\n`
        );
      }
      if (resolved === `\0${bannerId}`)
        return `${decoder}export default decodeSlim(${JSON.stringify(encodeBannerSlim(dataset))});\n`;
      return undefined;
    },
  };
}
