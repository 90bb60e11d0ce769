/**
 * `npm run --silent facts -- report`: the dataset's figures (products, BAAs,
 * unknowns per fact, sources by publisher kind, facts older than 12 months).
 * `npm run --silent facts -- stale --months N`: the facts to re-check, one a
 * line: product, fact, newest check, URLs. Exit 2 on a usage error.
 */
import { dataset } from '../utils/dataset/bundled';
import { localDate } from '../utils/dataset/dates';
import { reportDataset, staleFacts } from '../utils/dataset/report';

const USAGE = `Usage: npm run --silent facts -- report [--as-of YYYY-MM-DD]
       npm run --silent facts -- stale --months N [--as-of YYYY-MM-DD]

report  the dataset's figures: products, BAAs offered, unknown rate per fact, sources by publisher, facts older than 12 months
stale   the facts whose newest source check is older than N months, to re-check`;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function runFacts(args: string[], today: string): { code: number; out: string } {
  const [command, ...rest] = args;
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const asOf = option('--as-of') ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return { code: 2, out: `error: --as-of wants a date written YYYY-MM-DD, not "${asOf}"\n\n${USAGE}` };
  if (command === 'report') {
    const r = reportDataset(dataset, asOf);
    const lines = [
      `CallCheck dataset, ${dataset.updated} (figures as of ${asOf})`,
      `products                         ${r.products}`,
      `vendor signs a BAA (some plan)   ${r.baaOffered}`,
      `free or cheapest plan has a BAA  ${r.freePlanWithBaa}`,
      `unknown, all products            ${percent(r.unknownOverall)} of BAA, free plan, transit, E2EE and openness facts`,
      ...Object.entries(r.unknownByFact).map(([key, share]) => `  unknown ${key.padEnd(24)} ${percent(share)}`),
      `unknown, the 25 most used        ${percent(r.unknownMostUsed)} of their BAA, transit, E2EE and openness facts`,
      `sources by publisher             ${Object.entries(r.sourcesByPublisher)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`,
      `facts last checked > 12 months   ${r.staleFacts}`,
    ];
    return { code: 0, out: lines.join('\n') };
  }
  if (command === 'stale') {
    const months = Number(option('--months'));
    if (!Number.isInteger(months) || months < 0)
      return { code: 2, out: `error: stale needs --months N, a whole number of months\n\n${USAGE}` };
    const stale = staleFacts(dataset, asOf, months);
    const lines = stale.map((f) => `${f.productId}\t${f.fact}\t${f.newestCheck}\t${f.urls.join(' ')}`);
    return {
      code: 0,
      out: lines.length ? lines.join('\n') : `No fact was last checked more than ${months} months before ${asOf}.`,
    };
  }
  return { code: 2, out: command ? `error: unknown command "${command}"\n\n${USAGE}` : USAGE };
}

const { code, out } = runFacts(process.argv.slice(2), localDate());
(code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
process.exitCode = code;
