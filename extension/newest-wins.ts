/**
 * Wraps a page's load-then-draw so that only the newest load is drawn. A
 * page draws again whenever something changes (a setting saved elsewhere,
 * the organization's real policy answering after its last-known copy was
 * drawn); the loads run at once, and one started earlier may finish later.
 * Without this, the options page drawn from a last-known "locked" policy
 * could finish after the redraw for "no policy" and stay locked.
 */
export function newestWins<T>(load: () => Promise<T>, draw: (value: T) => void): () => Promise<void> {
  let newest = 0;
  return async () => {
    const mine = ++newest;
    const value = await load();
    if (mine === newest) draw(value);
  };
}
