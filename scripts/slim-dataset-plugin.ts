import { resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import type { Dataset } from '../utils/dataset/schema';
import { callHostPatterns } from '../utils/dataset/host-patterns';
import { encodeSlim } from '../utils/dataset/slim';

/**
 * `virtual:callcheck/slim-dataset`: what the content script needs of the
 * dataset (see utils/dataset/slim.ts) and the call-host match patterns, made
 * at build time from the one dataset.
 */
export function slimDatasetModule(dataset: Dataset): Plugin {
  const id = 'virtual:callcheck/slim-dataset';
  return {
    name: 'callcheck:slim-dataset',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `import { decodeSlim } from ${JSON.stringify(resolvePath(import.meta.dirname, '../utils/dataset/slim.ts'))};\n` +
          `export default decodeSlim(${JSON.stringify(encodeSlim(dataset))});\n` +
          `export const callHostMatches = ${JSON.stringify(callHostPatterns(dataset))};\n`
        : undefined,
  };
}
