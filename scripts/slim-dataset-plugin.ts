import { resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import type { Dataset } from '../utils/dataset-schema';
import { callHostPatterns } from '../utils/match-patterns';
import { encodeSlim } from '../utils/slim-dataset';

/**
 * `virtual:callcheck/slim-dataset`: what the content script needs of the
 * dataset (see utils/slim-dataset.ts) and the call-host match patterns, made
 * at build time from the one dataset.
 */
export function slimDatasetModule(dataset: Dataset): Plugin {
  const id = 'virtual:callcheck/slim-dataset';
  return {
    name: 'callcheck:slim-dataset',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `import { decodeSlim } from ${JSON.stringify(resolvePath(import.meta.dirname, '../utils/slim-dataset.ts'))};\n` +
          `export default decodeSlim(${JSON.stringify(encodeSlim(dataset))});\n` +
          `export const callHostMatches = ${JSON.stringify(callHostPatterns(dataset))};\n`
        : undefined,
  };
}
