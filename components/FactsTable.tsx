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

/** Facts, each with its value, detail and sources (see fact-rows.ts for the wording). */
export function FactsTable({ rows }: { rows: readonly FactRow[] }) {
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
            <p class="cc-sources">
              {row.sources.map((source, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <SourceLink source={source} />
                </span>
              ))}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
