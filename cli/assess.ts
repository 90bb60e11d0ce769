/**
 * `npm run --silent assess -- URL [URL...]`, or `-` to read URLs from stdin
 * (one per line). Prints one JSON object per URL, in order; `--table` prints
 * the same for people. Exit code 2 when any argument is not a URL at all.
 */
import { readFileSync } from 'node:fs';
import { assess } from '../utils/assess';
import { dataset } from '../utils/dataset';
import { english } from '../utils/english';
import { summarize, type AssessmentSummary } from '../utils/summary';
import { formatTable } from './table';

const USAGE = `Usage: npm run --silent assess -- [--table] URL [URL...]
       npm run --silent assess -- [--table] -      (URLs from stdin, one per line)

Prints one JSON object per URL: {"url", "match"} where match is null for
anything that is not a known call platform; {"url", "error"} for an argument
that is not a URL (exit code 2, the others still print).`;

function main(argv: string[]): number {
  let table = false;
  const urls: string[] = [];
  for (const arg of argv) {
    if (arg === '--table') table = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg === '-') urls.push(...readStdinLines());
    else if (arg.startsWith('--')) {
      process.stderr.write(`assess: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else urls.push(arg);
  }
  if (urls.length === 0) {
    process.stderr.write(`assess: no URL given\n${USAGE}\n`);
    return 2;
  }
  const results: AssessmentSummary[] = urls.map((url) => summarize(assess(url, dataset), english));
  process.stdout.write(table ? formatTable(results) : results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return results.some((r) => 'error' in r) ? 2 : 0;
}

function readStdinLines(): string[] {
  return readFileSync(0, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

process.exitCode = main(process.argv.slice(2));
