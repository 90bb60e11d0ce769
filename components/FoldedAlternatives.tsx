import { useState } from 'preact/hooks';
import { AlternativeItems } from './AlternativesList';
import type { AlternativeRow } from '../utils/verdict/alternatives';
import type { Translate } from '../utils/vocabulary/messages';

/**
 * The same list in the popup and the directory, folded under its heading
 * with the count: the first screen keeps the verdict, the reason, what to do
 * next and the key facts, and 30-odd platforms are read and drawn only when
 * asked for.
 */
export function FoldedAlternatives({
  count,
  load,
  t,
  onOpen,
}: {
  count: number;
  load: () => Promise<AlternativeRow[]>;
  t: Translate;
  onOpen: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<AlternativeRow[] | null>(null);
  const toggle = () => {
    setOpen(!open);
    // Read once, on the first opening: the list reads every listed platform's facts.
    if (!open && !rows) void load().then(setRows);
  };
  if (count === 0) return null;
  return (
    <section class="cc-alternatives" aria-labelledby="cc-alternatives-heading">
      <h2 id="cc-alternatives-heading">
        <button type="button" class="cc-disclosure" aria-expanded={open} onClick={toggle}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {t('alternatives_heading_count', [String(count)])}
        </button>
      </h2>
      {/* Worded only when opened: it reads the facts of every platform listed. */}
      {open && rows && <AlternativeItems rows={rows} t={t} onOpen={onOpen} />}
    </section>
  );
}
