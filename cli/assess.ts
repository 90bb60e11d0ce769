/**
 * `npm run --silent assess -- URL [URL...]`, or `-` to read URLs from stdin
 * (one per line). Prints one JSON object per URL, in order; `--table` prints
 * the same for people. Exit code 2 when any argument is not a URL at all.
 */
import { readFileSync } from 'node:fs';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { DEFAULT_BANNER_PREFERENCES } from '../utils/settings/banner-state';
import { decodePolicyFile, extractPolicy } from '../utils/policy/formats';
import { mergeSettings, readPolicy } from '../utils/policy/read';
import { withAssumedScheme } from '../utils/matching/call-url';
import { parseSettingsFile } from '../utils/settings/file';
import type { Settings } from '../utils/settings/schema';
import { assess } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';
import { summarize, type AssessmentSummary } from '../utils/verdict/summary';
import { formatTable } from './table';
import { extractLinks, kindOf } from '../utils/links/extract';
import { judgeLinks } from '../utils/links/judge-links';

const USAGE = `Usage: npm run --silent assess -- [--table] [--settings FILE] URL [URL...]
       npm run --silent assess -- [--table] [--settings FILE] -      (URLs from stdin, one per line)
       npm run --silent assess -- --extract [--all] [--settings FILE] FILE [FILE...]

--extract        read calendar files (.ics), e-mails (.eml), web pages (.html)
                 and text files, find every link, unwrap it (Google redirects,
                 Safe Links, Proofpoint, Barracuda, Cisco Secure Email,
                 Facebook), and print one JSON line per call or app link:
                 {"file", "url", "wrapped" (when it was wrapped), "where"
                 (the event's summary and start, or the message's subject),
                 "match"}. A link whose wrapper hides its target (Mimecast)
                 is printed with "url": null and "cantTell". An unreadable
                 file is an error (exit code 2); the other files still print.
--all            with --extract: every link found, not only calls and apps.

--settings FILE  judge with the approvals, blocks and custom vendors of a
                 settings file exported from the options page, or of a
                 policy file (see docs/admin.md).

Prints one JSON object per URL: {"url", "match"} where match is null for
anything that is not a known call platform, and match.page says what the page
is: "call" (a call is joined or runs there), "app" (a client where a call may
start) or "site" (any other page of the vendor); {"url", "error"} for an argument
that is not a URL (exit code 2, the others still print). A bare host and
path (zoom.us/j/123) is read as https://zoom.us/j/123, and its line says
so in "assumed".`;

interface Options {
  extract: boolean;
  table: boolean;
  all: boolean;
  settings: Settings;
  /** URLs (with `-` read from stdin), or with --extract the files. */
  inputs: string[];
}

/** Both modes' arguments, read once: an exit code when they are wrong or help was asked for. */
function parseOptions(argv: string[]): Options | number {
  const options: Options = {
    extract: argv.includes('--extract'),
    table: false,
    all: false,
    settings: EMPTY_SETTINGS,
    inputs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--extract') continue;
    if (arg === '--table' && !options.extract) options.table = true;
    else if (arg === '--all' && options.extract) options.all = true;
    else if (arg === '--settings') {
      const file = argv[++i];
      const loaded = file ? loadSettings(file) : 'missing file name';
      if (typeof loaded === 'string') {
        process.stderr.write(`assess: --settings: ${loaded}\n`);
        return 2;
      }
      options.settings = loaded;
    } else if ((arg === '--help' || arg === '-h') && !options.extract) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg === '-' && !options.extract) options.inputs.push(...readStdinLines());
    else if (arg.startsWith('--')) {
      process.stderr.write(`assess: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else options.inputs.push(arg);
  }
  return options;
}

function main(argv: string[]): number | Promise<number> {
  const options = parseOptions(argv);
  if (typeof options === 'number') return options;
  if (options.extract) return extractMain(options);
  const { table, settings, inputs: urls } = options;
  if (urls.length === 0) {
    process.stderr.write(`assess: no URL given\n${USAGE}\n`);
    return 2;
  }
  const results: AssessmentSummary[] = urls.map((url) => {
    const result = summarize(assess(url, dataset, settings), english);
    // zoom.us/j/123 as pasted from an invite: judged as https://zoom.us/j/123, and the output says so.
    const assumed = 'error' in result ? withAssumedScheme(url) : null;
    if (!assumed) return result;
    const { url: _judged, ...judged } = summarize(assess(assumed, dataset, settings), english);
    return { url, assumed, ...judged };
  });
  process.stdout.write(table ? formatTable(results) : results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return results.some((r) => 'error' in r) ? 2 : 0;
}

function loadSettings(path: string): Settings | string {
  let text: string;
  try {
    text = decodePolicyFile(readFileSync(path));
  } catch (error) {
    return `cannot read ${path}: ${(error as Error).message}`;
  }
  const result = parseSettingsFile(text, new Set(dataset.products.map((p) => p.id)));
  if (result.ok) return result.bundle.settings;
  // Not an export: a policy file, in any of the formats IT deploys.
  const extracted = extractPolicy(text, path);
  if (extracted.ok && !/^\s*\{\s*"format"\s*:\s*"callcheck-settings"/.test(text)) {
    const { policy, problems } = readPolicy(extracted.policy, dataset);
    if (problems.length > 0) return problems.map((p) => english(p.message.key, p.message.args)).join('\n  ');
    return mergeSettings(EMPTY_SETTINGS, DEFAULT_BANNER_PREFERENCES, policy).settings;
  }
  return result.errors.map((e) => english(e.key, e.args)).join('\n  ');
}

function readStdinLines(): string[] {
  return readFileSync(0, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `--extract FILE…`: the links in calendar files, e-mails and pages, unwrapped and judged. */
async function extractMain({ settings, all, inputs: files }: Options): Promise<number> {
  if (files.length === 0) {
    process.stderr.write(`assess: --extract needs at least one file\n${USAGE}\n`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      failed = true;
      process.stderr.write(
        `assess: ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`,
      );
      continue;
    }
    try {
      const lines = judgeLinks(file, await extractLinks(bytes, file), dataset, settings, english, all);
      for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
    } catch (error) {
      failed = true;
      process.stderr.write(
        `assess: ${file}: not a readable ${kindOf(file) === 'ics' ? 'calendar file' : kindOf(file) === 'eml' ? 'e-mail' : 'file'} (${String((error as Error)?.message ?? error).split('\n')[0]})\n`,
      );
    }
  }
  return failed ? 2 : 0;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
