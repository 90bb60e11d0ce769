/**
 * `npm run --silent corpus`: the meeting-link corpus (tests/fixtures/
 * meeting-links.json) judged by the page rules, per product: links, corpus
 * shapes covered, the dataset's call and app rules the corpus reaches, and
 * the shapes known but not detectable from the URL, with why.
 * `--misses` lists every link judged wrong; exit 1 when there is one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { dataset } from '../utils/dataset/bundled';
import { checkCorpus, CorpusSchema } from '../utils/links/corpus';

const file = resolve(import.meta.dirname, '../tests/fixtures/meeting-links.json');
const corpus = v.parse(CorpusSchema, JSON.parse(readFileSync(file, 'utf8')));
const result = checkCorpus(corpus, dataset);
const out: string[] = [];
const pad = (text: string | number, width: number) => String(text).padStart(width);

out.push(`Meeting-link corpus, ${corpus.updated}: ${Object.keys(corpus.sources).length} sources`);
out.push(
  `call or app links ${result.totals.callOrApp} (${result.totals.independent} from sources other than the rules' own examples), site links ${result.totals.sites}, look-alikes ${result.totals.lookalikes}, judged wrong ${result.misses.length}`,
);
out.push('');
out.push(
  `${'product'.padEnd(30)}${pad('calls', 6)}${pad('apps', 6)}${pad('indep.', 7)}${pad('sites', 6)}  shapes covered  rules reached`,
);
for (const row of [...result.products].sort((a, b) => a.product.localeCompare(b.product))) {
  out.push(
    `${row.product.padEnd(30)}${pad(row.calls, 6)}${pad(row.apps, 6)}${pad(row.independent, 7)}${pad(row.sites, 6)}  ${pad(`${row.shapesCovered}/${row.shapes}`, 14)}  ${pad(`${row.rulesReached}/${row.rules}`, 13)}`,
  );
}
out.push('');
out.push('Known but not detectable from the URL:');
for (const row of result.products) {
  for (const { shape, why } of row.undetectable) out.push(`- ${row.product}: ${shape}. ${why}`);
}
if (process.argv.includes('--misses') || result.misses.length > 0) {
  out.push('');
  out.push(`Judged wrong (${result.misses.length}):`);
  for (const miss of result.misses)
    out.push(`- ${miss.product}: ${miss.url} expected ${miss.expected}, got ${miss.got}`);
}
for (const problem of result.problems) out.push(`problem: ${problem}`);
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = result.misses.length > 0 || result.problems.length > 0 ? 1 : 0;
