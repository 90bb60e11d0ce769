import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { VERDICTS, type Match } from '../../utils/verdict/assess';
import { BAA_VALUES, E2EE_VALUES, FREE_PLAN_BAA_VALUES, STATUS_VALUES } from '../../utils/vocabulary/values';
import { alternativeRows, baaAlternatives } from '../../utils/verdict/alternatives';
import type { MessageKey } from '../../utils/vocabulary/messages';
import { FactsView } from '../FactsView';
import { familyOf, verdictKey } from '../../utils/verdict/verdict-text';
import { useOptions } from './context';
import { useShownFirst } from './ShownFirst';

const snake = (value: string) => value.replace(/-/g, '_');
const baaOf = (m: Match) => (m.entry.origin === 'dataset' ? m.entry.product.baa.value : m.entry.custom.baa);
const e2eeOf = (m: Match) => (m.entry.origin === 'dataset' ? m.entry.product.e2ee.value : m.entry.custom.e2ee);
/** A custom vendor's plans are the clinic's own business: CallCheck has no fact about them. */
const freePlanOf = (m: Match) => (m.entry.origin === 'dataset' ? m.entry.product.freePlanBaa.value : 'unknown');
const statusOf = (m: Match) => (m.entry.origin === 'dataset' ? m.entry.product.status.value : 'active');
const hostsOf = (m: Match) =>
  (m.entry.origin === 'dataset' ? m.entry.product.sites : m.entry.custom.sites).map((s) => s.host);

/** Every platform CallCheck knows, to compare before choosing one. */
export function Directory({ initialOpen }: { initialOpen?: string | undefined } = {}) {
  const { t, all, dataset, today } = useOptions();
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState('');
  const [baa, setBaa] = useState('');
  const [e2ee, setE2ee] = useState('');
  const [status, setStatus] = useState('');
  const [freePlan, setFreePlan] = useState('');
  // Arriving from the banner's "Platforms that sign a BAA" (#facts=<id>): that platform's facts, open.
  const [open, setOpen] = useState<string | null>(
    initialOpen && all.some((m) => m.entry.id === initialOpen) ? initialOpen : null,
  );
  const detail = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return all
      .filter((m) => !verdict || m.verdict === verdict)
      .filter((m) => !baa || baaOf(m) === baa)
      .filter((m) => !e2ee || e2eeOf(m) === e2ee)
      .filter((m) => !status || statusOf(m) === status)
      .filter((m) => !freePlan || freePlanOf(m) === freePlan)
      .filter((m) => !q || [m.entry.name, m.entry.vendor, ...hostsOf(m)].some((text) => text.toLowerCase().includes(q)))
      .sort((a, b) => a.entry.name.localeCompare(b.entry.name));
  }, [all, query, verdict, baa, e2ee, status, freePlan]);
  const rowList = useShownFirst(rows);
  const opened = open ? all.find((m) => m.entry.id === open) : undefined;
  const alternatives = useMemo(() => {
    const listed = opened ? baaAlternatives(opened, all) : [];
    return { count: listed.length, load: () => Promise.resolve(alternativeRows(listed, t)) };
  }, [opened, all]);

  useEffect(() => {
    if (opened) detail.current?.focus();
  }, [open]);

  const filter = (
    id: string,
    label: MessageKey,
    value: string,
    set: (v: string) => void,
    options: readonly string[],
    word: (v: string) => string,
  ) => (
    <div class="cc-field cc-filter">
      <label for={id}>{t(label)}</label>
      <select id={id} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        <option value="">{t('filter_any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {word(o)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section id="directory" aria-labelledby="directory-heading">
      <h2 id="directory-heading">{t('directory_heading')}</h2>
      <div class="cc-filters">
        <div class="cc-field cc-filter">
          <label for="dir-search">{t('directory_search')}</label>
          <input
            id="dir-search"
            type="search"
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </div>
        {filter('dir-verdict', 'directory_verdict', verdict, setVerdict, VERDICTS, (v) =>
          t(verdictKey('verdict', v as Match['verdict'])),
        )}
        {filter('dir-baa', 'fact_baa', baa, setBaa, BAA_VALUES, (v) => t(`value_${snake(v)}` as MessageKey))}
        {filter('dir-free', 'fact_freePlanBaa', freePlan, setFreePlan, FREE_PLAN_BAA_VALUES, (v) =>
          t(`value_${v}` as MessageKey),
        )}
        {filter('dir-e2ee', 'fact_e2ee', e2ee, setE2ee, E2EE_VALUES, (v) => t(`value_${v}` as MessageKey))}
        {filter('dir-status', 'fact_status', status, setStatus, STATUS_VALUES, (v) => t(`value_${v}` as MessageKey))}
      </div>
      <p role="status">{t('directory_count', [String(rows.length), String(all.length)])}</p>
      <table class="cc-table">
        <caption class="cc-visually-hidden">{t('directory_heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory_product')}</th>
            <th scope="col">{t('directory_verdict')}</th>
            <th scope="col">{t('fact_baa')}</th>
            <th scope="col">{t('fact_freePlanBaa')}</th>
            <th scope="col">{t('fact_e2ee')}</th>
            <th scope="col">{t('fact_status')}</th>
          </tr>
        </thead>
        <tbody>
          {rowList.shown.map((m, index) => (
            <tr key={m.entry.id} {...rowList.focusTarget(index)}>
              <th scope="row">
                <button
                  type="button"
                  class="cc-link-button"
                  aria-expanded={open === m.entry.id}
                  onClick={() => setOpen(open === m.entry.id ? null : m.entry.id)}
                >
                  <bdi>{m.entry.name}</bdi>
                </button>
              </th>
              <td class={`cc-${familyOf(m.verdict)}`} data-label={t('directory_verdict')}>
                <span class="cc-dot" aria-hidden="true" />
                {t(verdictKey('verdict', m.verdict))}
              </td>
              <td data-label={t('fact_baa')}>{t(`value_${snake(baaOf(m))}` as MessageKey)}</td>
              <td data-label={t('fact_freePlanBaa')}>{t(`value_${freePlanOf(m)}` as MessageKey)}</td>
              <td data-label={t('fact_e2ee')}>{t(`value_${e2eeOf(m)}` as MessageKey)}</td>
              <td data-label={t('fact_status')}>{t(`value_${statusOf(m)}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rowList.showAll(t)}
      {opened && (
        <div id="directory-detail" class="cc-detail" ref={detail} tabIndex={-1} aria-label={opened.entry.name}>
          <button type="button" onClick={() => setOpen(null)}>
            {t('directory_close')}
          </button>
          <FactsView
            match={opened}
            explainers={dataset.explainers}
            t={t}
            today={today}
            alternatives={alternatives}
            onOpenAlternative={setOpen}
          />
        </div>
      )}
    </section>
  );
}
