import type { AssessmentSummary } from '../utils/verdict/summary';

/** A plain-text table of assessments for people reading a terminal. */
export function formatTable(results: AssessmentSummary[]): string {
  const rows = results.map((r) => {
    if ('error' in r) return [r.url, 'ERROR', '', '', r.error];
    const note = 'assumed' in r && r.assumed ? ` (read as ${r.assumed})` : '';
    if (!r.match) return [r.url, '-', '', '', `not a known call platform${note}`];
    return [r.url, r.match.verdict, r.match.page ?? '', r.match.name, `${r.match.reason}${note}`];
  });
  const header = ['URL', 'VERDICT', 'PAGE', 'PRODUCT', 'WHY'];
  const last = header.length - 1;
  const widths = header
    .slice(0, last)
    .map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  // A cell longer than its column is cut with … so the columns stay aligned.
  const fit = (cell: string, width: number) =>
    cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < last ? fit(cell, widths[i]!) : cell))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
