import type { Match } from '../utils/verdict/assess';
import type { Explainer } from '../utils/dataset/schema';
import type { Translate } from '../utils/vocabulary/messages';
import { FactsTable, SourceLink } from './FactsTable';
import { factRows, sourceRow } from '../utils/dataset/fact-rows';
import { familyOf, verdictKey } from '../utils/verdict/verdict-text';
import type { AlternativeRow } from '../utils/verdict/alternatives';
import { FoldedAlternatives } from './FoldedAlternatives';

/** Twelve months, as a date string comparison: facts older than this get a flag. */
export function isStale(reviewed: string, today: string): boolean {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const yearAgo = `${y - 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return reviewed < yearAgo;
}

export interface FactsViewProps {
  match: Match;
  explainers: readonly Explainer[];
  t: Translate;
  today: string;
  onRecordBaa?: (productId: string) => void;
  /** The organization's support contact, from its policy. */
  supportContact?: string | undefined;
  /** After a red verdict: how many platforms sign a BAA, their rows (read when unfolded), and how to open one's facts. */
  alternatives?: { count: number; load: () => Promise<AlternativeRow[]> };
  onOpenAlternative?: (id: string) => void;
}

/** Everything CallCheck knows of one product: the popup and the directory show this. */
export function FactsView({
  match,
  explainers,
  t,
  today,
  onRecordBaa,
  supportContact,
  alternatives,
  onOpenAlternative,
}: FactsViewProps) {
  const { entry, verdict } = match;
  const family = familyOf(verdict);
  return (
    <article class={`cc-view cc-${family}`}>
      <header>
        <p class="cc-product">
          <bdi>{entry.name}</bdi>
        </p>
        <h1 class="cc-headline" tabIndex={-1}>
          <span class="cc-dot" aria-hidden="true" />
          {t(verdictKey('verdict', verdict))}
        </h1>
        <p class="cc-reason">{t(match.reason.key, match.reason.args)}</p>
        {supportContact && <p class="cc-support">{t('support_contact', [supportContact])}</p>}
      </header>

      <section aria-labelledby="cc-next">
        <h2 id="cc-next">{t('popup_next_heading')}</h2>
        <p>{t(verdictKey('next', verdict))}</p>
        {entry.origin === 'dataset' && verdict !== 'public' && verdict !== 'discontinued' && (
          <p>{entry.product.baa.detail}</p>
        )}
        {onRecordBaa &&
          verdict !== 'approved' &&
          verdict !== 'blocked' &&
          verdict !== 'public' &&
          verdict !== 'discontinued' && (
            <button type="button" onClick={() => onRecordBaa(entry.id)}>
              {t('popup_record_baa')}
            </button>
          )}
      </section>

      {alternatives && onOpenAlternative && (
        <FoldedAlternatives count={alternatives.count} load={alternatives.load} t={t} onOpen={onOpenAlternative} />
      )}

      {entry.origin === 'dataset' ? (
        <section aria-label={t('sources_heading')}>
          <FactsTable
            rows={factRows(entry.product, t)}
            sourcesLabel={(n) => (n === 1 ? t('sources_one') : t('sources_many', [String(n)]))}
          />
          {entry.product.notes && (
            <details class="cc-notes">
              <summary>{t('popup_notes')}</summary>
              <p>{entry.product.notes}</p>
            </details>
          )}
          <p class={isStale(entry.product.reviewed, today) ? 'cc-stale' : 'cc-muted'}>
            {isStale(entry.product.reviewed, today)
              ? t('reviewed_stale', [entry.product.reviewed])
              : t('reviewed', [entry.product.reviewed])}
          </p>
        </section>
      ) : (
        <section>
          <dl class="cc-facts">
            <div class="cc-fact">
              <dt>{t('fact_baa')}</dt>
              <dd>{t(`value_${entry.custom.baa.replace(/-/g, '_')}` as Parameters<Translate>[0])}</dd>
            </div>
            <div class="cc-fact">
              <dt>{t('fact_e2ee')}</dt>
              <dd>{t(`value_${entry.custom.e2ee}` as Parameters<Translate>[0])}</dd>
            </div>
          </dl>
          {entry.custom.notes && (
            <p class="cc-notes">
              <bdi>{entry.custom.notes}</bdi>
            </p>
          )}
          {entry.custom.sources.map((url) => (
            <p key={url} class="cc-sources">
              <a href={url} target="_blank" rel="noopener noreferrer">
                <bdi>{url}</bdi>
              </a>
            </p>
          ))}
        </section>
      )}

      <section aria-labelledby="cc-explainers">
        <h2 id="cc-explainers">{t('popup_explainers_heading')}</h2>
        {explainers.map((explainer) => (
          <details key={explainer.id}>
            <summary>{explainer.title}</summary>
            <p>{explainer.text}</p>
            <p class="cc-sources">
              {explainer.sources.map((source, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <SourceLink source={sourceRow(source, t)} />
                </span>
              ))}
            </p>
          </details>
        ))}
      </section>
      <p class="cc-legal">{t('popup_not_legal_advice')}</p>
    </article>
  );
}
