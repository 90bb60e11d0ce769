import type { AssessmentSummary } from '../utils/verdict/summary';

/** A plain-text table of assessments for people reading a terminal. */
export function formatTable(results: AssessmentSummary[]): string {
  const rows = results.map((r) => {
    if ('error' in r) return [r.url, 'ERROR', '', '', r.error];
    if (!r.match) return [r.url, '-', '', '', 'not a known call platform'];
    return [r.url, r.match.verdict, r.match.page ?? '', r.match.name, r.match.reason];
  });
  const header = ['URL', 'VERDICT', 'PAGE', 'PRODUCT', 'WHY'];
  const last = header.length - 1;
  const widths = header.slice(0, last).map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < last ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
