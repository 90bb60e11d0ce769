import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JudgedProduct, Match } from '../utils/verdict/assess';
import type { Explainer } from '../utils/dataset/schema';
import type { Translate } from '../utils/vocabulary/messages';
import { OrganizationAccessNotice } from './OrganizationAccessNotice';
import { SiteAccessNotice } from './SiteAccessNotice';
import type { SiteAccess } from '../extension/site-access';
import { LinkSiteOffer } from './LinkSiteOffer';
import { FactsView } from './FactsView';
import type { OrganizationAccess } from '../utils/policy/read';
import { familyOf, verdictKey } from '../utils/verdict/verdict-text';
import { alternativeRows, baaAlternatives } from '../utils/verdict/alternatives';
import type { Product } from '../utils/dataset/schema';

export interface PopupProps {
  /** The current tab's match, or null when it is not a call platform. */
  match: Match | null;
  /** Every known product and custom vendor, judged, for the search (names, hosts and verdicts only). */
  all: Match<JudgedProduct>[];
  /** The facts of a search result, when it is picked (read from the package). */
  loadFacts: (match: Match<JudgedProduct>) => Promise<Match | null>;
  explainers: readonly Explainer[];
  t: Translate;
  today: string;
  onRecordBaa: (productId: string) => void;
  supportContact?: string | undefined;
  /** The organization's vendors waiting for access to their sites, and how to ask for it. */
  access?: OrganizationAccess;
  /** CallCheck's own call sites whose access was turned off after install. */
  siteAccess?: SiteAccess;
  requestOrigins?: (origins: string[]) => Promise<boolean>;
  /** The tab's site, when link checking could be turned on or off there (not a call platform, not forbidden). */
  linkSite?: { host: string; on: boolean; toggle: (on: boolean) => Promise<string | null> };
}

export function Popup({
  match,
  all,
  loadFacts,
  explainers,
  t,
  today,
  onRecordBaa,
  supportContact,
  access,
  siteAccess,
  requestOrigins,
  linkSite,
}: PopupProps) {
  const [picked, setPicked] = useState<Match | null>(null);
  const pick = (result: Match<JudgedProduct>) => {
    void loadFacts(result).then((facts) => {
      chose.current = true;
      setPicked(facts);
    });
  };
  // Focus follows the person: to the facts they chose, and back to the search box.
  const chose = useRef(false);
  // A layout effect: focus moves in the same frame as the view, never after the person has moved on.
  useLayoutEffect(() => {
    if (!chose.current) return;
    const target = picked ? document.querySelector<HTMLElement>('.cc-headline') : document.getElementById('cc-q');
    target?.focus();
  }, [picked]);
  const shown = picked ?? match;
  // After a red verdict, the platforms that sign a BAA, with their facts (the judged list has names and verdicts only).
  const alternatives = useMemo(() => {
    if (!shown) return undefined;
    const judged = all.find((m) => m.entry.id === shown.entry.id) ?? (shown as Match<JudgedProduct>);
    const listed = baaAlternatives(judged, all);
    return {
      count: listed.length,
      load: async () =>
        alternativeRows((await Promise.all(listed.map(loadFacts))).flatMap((m) => m ?? []) as Match<Product>[], t),
    };
  }, [shown, all]);
  const openAlternative = (id: string) => {
    const found = all.find((m) => m.entry.id === id);
    if (found) pick(found);
  };
  const notice = requestOrigins ? (
    <>
      {siteAccess && <SiteAccessNotice access={siteAccess} t={t} request={requestOrigins} />}
      {access && <OrganizationAccessNotice access={access} t={t} request={requestOrigins} />}
    </>
  ) : null;
  if (shown) {
    return (
      <>
        {notice}
        {picked && (
          <button type="button" class="cc-back" onClick={() => setPicked(null)}>
            ← {t('popup_back')}
          </button>
        )}
        <FactsView
          match={shown}
          explainers={explainers}
          t={t}
          today={today}
          onRecordBaa={onRecordBaa}
          supportContact={supportContact}
          alternatives={alternatives}
          onOpenAlternative={openAlternative}
        />
      </>
    );
  }
  return (
    <>
      {notice}
      <VendorSearch all={all} t={t} onPick={pick} />
      {linkSite && <LinkSiteOffer host={linkSite.host} on={linkSite.on} t={t} toggle={linkSite.toggle} />}
    </>
  );
}

export function VendorSearch({
  all,
  t,
  onPick,
}: {
  all: Match<JudgedProduct>[];
  t: Translate;
  onPick: (m: Match<JudgedProduct>) => void;
}) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return all
      .filter(({ entry }) => {
        const hosts = entry.origin === 'dataset' ? entry.product.sites : entry.custom.sites;
        return [entry.name, entry.vendor, ...hosts.map((s) => s.host)].some((text) => text.toLowerCase().includes(q));
      })
      .slice(0, 12);
  }, [query, all]);
  return (
    <section class="cc-search">
      <h1 class="cc-title">{t('popup_title')}</h1>
      <p class="cc-notcall">{t('popup_not_call')}</p>
      <label for="cc-q">{t('popup_search_label')}</label>
      <input
        id="cc-q"
        type="search"
        autoComplete="off"
        placeholder={t('popup_search_placeholder')}
        value={query}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
      />
      <ul class="cc-results" aria-live="polite">
        {results.map((m) => (
          <li key={m.entry.id}>
            <button type="button" class={`cc-result cc-${familyOf(m.verdict)}`} onClick={() => onPick(m)}>
              <span class="cc-dot" aria-hidden="true" />
              <bdi class="cc-result-name">{m.entry.name}</bdi>
              <span class="cc-result-verdict">{t(verdictKey('verdict', m.verdict))}</span>
            </button>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && results.length === 0 && <p role="status">{t('popup_no_results', [query.trim()])}</p>}
      <p class="cc-legal">{t('popup_not_legal_advice')}</p>
    </section>
  );
}
