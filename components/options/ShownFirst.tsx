import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/vocabulary/messages';

/**
 * Long lists (a clinic's policy can bring 1,000 vendors) show their first
 * FIRST_SHOWN entries and the rest when asked: drawing and laying out every
 * row before the page could be used cost the options page most of a second
 * at 1,000 (npm run bench:scale). The directory's filters narrow it first.
 */
export const FIRST_SHOWN = 100;

export function useShownFirst<T>(items: readonly T[]) {
  const [all, setAll] = useState(false);
  // Focus goes to the first entry the button brought, never lost with the button.
  const firstNew = useRef<HTMLElement>(null);
  const asked = useRef(false);
  useLayoutEffect(() => {
    if (all && asked.current) {
      asked.current = false;
      firstNew.current?.focus();
    }
  }, [all]);
  const hidden = all ? 0 : Math.max(0, items.length - FIRST_SHOWN);
  return {
    shown: hidden > 0 ? items.slice(0, FIRST_SHOWN) : items,
    /** For the entry at this index: the ref and tabIndex that let focus land on it. */
    focusTarget: (index: number) =>
      index === FIRST_SHOWN ? { ref: firstNew as never, tabIndex: -1 } : ({} as Record<string, never>),
    showAll: (t: Translate) =>
      hidden > 0 ? (
        <button
          type="button"
          class="cc-show-all"
          onClick={() => {
            asked.current = true;
            setAll(true);
          }}
        >
          {t('list_show_all', [items.length.toLocaleString(), FIRST_SHOWN.toLocaleString()])}
        </button>
      ) : null,
  };
}
