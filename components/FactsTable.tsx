import type { FactRow, SourceRow } from '../utils/dataset/fact-rows';

/** A source as a link, with who published it and when we checked it. */
export function SourceLink({ source }: { source: SourceRow }) {
  return (
    <span class="cc-source">
      <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
        {source.site}
      </a>{' '}
      <span class="cc-muted">{source.note}</span>
    </span>
  );
}

/**
 * Facts, each with its value, detail and sources (see fact-rows.ts for the
 * wording). With `sourcesLabel`, each fact's sources fold under it, so the
 * popup's first screen holds the verdict, what to do and the facts.
 */
export function FactsTable({
  rows,
  sourcesLabel,
}: {
  rows: readonly FactRow[];
  sourcesLabel?: (count: number) => string;
}) {
  return (
    <dl class="cc-facts">
      {rows.map((row) => (
        <div class="cc-fact" key={row.key}>
          <dt>{row.label}</dt>
          <dd>
            <strong>{row.value}</strong>
            {row.detail.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
            {row.disagreement && <p class="cc-disagreement">{row.disagreement}</p>}
            {sourcesLabel ? (
              <details class="cc-fact-sources">
                <summary>{sourcesLabel(row.sources.length)}</summary>
                <SourceList sources={row.sources} />
              </details>
            ) : (
              <SourceList sources={row.sources} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SourceList({ sources }: { sources: FactRow['sources'] }) {
  return (
    <p class="cc-sources">
      {sources.map((source, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          <SourceLink source={source} />
        </span>
      ))}
    </p>
  );
}
