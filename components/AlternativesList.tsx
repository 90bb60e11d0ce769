import type { AlternativeRow } from '../utils/verdict/alternatives';
import type { Translate } from '../utils/vocabulary/messages';

export interface AlternativesProps {
  rows: AlternativeRow[];
  t: Translate;
  onOpen: (id: string) => void;
}

/**
 * "Platforms that sign a BAA", after a red verdict: in the banner's details,
 * which the person has already asked to see. Each name opens that platform's
 * full facts. No hooks here: preact/hooks would cost the banner script 1.4 KB.
 */
export function AlternativesList({ rows, t, onOpen, level = 2 }: AlternativesProps & { level?: 2 | 3 }) {
  if (rows.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="cc-alternatives" aria-labelledby="cc-alternatives-heading">
      <Heading id="cc-alternatives-heading">{t('alternatives_heading')}</Heading>
      <AlternativeItems rows={rows} t={t} onOpen={onOpen} />
    </section>
  );
}

/** The note and the list, shared with FoldedAlternatives. */
export function AlternativeItems({ rows, t, onOpen }: AlternativesProps) {
  return (
    <>
      <p class="cc-muted">{t('alternatives_note')}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <button
              type="button"
              class="cc-link-button"
              aria-label={t('alternatives_open', [row.name])}
              onClick={() => onOpen(row.id)}
            >
              <bdi>{row.name}</bdi>
            </button>{' '}
            <span class="cc-tag">{row.tag}</span>
            {row.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
