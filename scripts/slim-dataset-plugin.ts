import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import type { Dataset } from '../utils/dataset/schema';
import { callHostPatterns } from '../utils/dataset/host-patterns';
import { encodeBannerSlim, encodeSlim } from '../utils/dataset/slim';
import { bannerEntries } from './banner-shares';
import { factsVersion } from './facts-files';

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
          `${decoder}export default decodeSlim(${jsonParse(encodeSlim(dataset))});\n` +
          `export const callHostMatches = ${JSON.stringify(callHostPatterns(dataset))};\n` +
          `export const bannerScripts = ${JSON.stringify(bannerEntries(dataset).map(({ pattern, file }) => ({ pattern, file })))};\n` +
          `export const factsVersion = ${JSON.stringify(factsVersion(dataset))};\n`
        );
      }
      if (resolved === `\0${bannerId}`)
        return `${decoder}export default decodeSlim(${jsonParse(encodeBannerSlim(dataset))});\n`;
      return undefined;
    },
  };
}

/**
 * Data as `JSON.parse('…')`: V8 parses a JSON string faster than the same
 * data written as an object literal (npm run bench:json: 1.2× on the slim
 * dataset, 1.3× on the full one), and the background parses its copy at
 * every service-worker start.
 */
export const jsonParse = (data: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(data))})`;

/**
 * JSON files from assets/ as `JSON.parse('…')` (see jsonParse). Vite 8's
 * own JSON plugin writes them as object literals whatever `json.stringify`
 * says, so this plugin loads them first.
 */
export function jsonAsStringModule(): Plugin {
  return {
    name: 'callcheck:json-as-string',
    enforce: 'pre',
    load(id) {
      if (!/\/assets\/[^/?]+\.json$/.test(id)) return undefined;
      const data: unknown = JSON.parse(readFileSync(id, 'utf8'));
      return { code: `export default ${jsonParse(data)};\n`, moduleType: 'js' };
    },
  };
}
