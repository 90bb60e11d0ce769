/**
 * Today as the person's own calendar reads it, YYYY-MM-DD. Dates in
 * CallCheck are calendar dates a clinician writes (a BAA signed on…), so
 * "today" is local: a clinic east of UTC records a BAA signed this morning,
 * and a policy's approval signed today is not "in the future" there. The
 * clock is passed in where a caller has one.
 */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}
