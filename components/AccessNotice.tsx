import { useState } from 'preact/hooks';
import type { Translate } from '../utils/vocabulary/messages';

/**
 * A notice that CallCheck cannot read some sites, with one button that asks
 * the browser for exactly those origins, during the click (browsers allow
 * the request only then). Shown in the popup and the options page until the
 * access is there: for the organization's vendors (OrganizationAccessNotice)
 * and for CallCheck's own call sites after someone turned access off
 * (SiteAccessNotice).
 */
export function AccessNotice({
  id,
  heading,
  why,
  button,
  origins,
  t,
  request,
}: {
  id: string;
  heading: string;
  why: string;
  button: string;
  origins: string[];
  t: Translate;
  request: (origins: string[]) => Promise<boolean>;
}) {
  const [outcome, setOutcome] = useState<'granted' | 'refused' | null>(null);
  if (origins.length === 0 || outcome === 'granted') return null;
  return (
    <section class="cc-access" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p>{why}</p>
      <button
        type="button"
        onClick={() =>
          void request(origins).then(
            (ok) => setOutcome(ok ? 'granted' : 'refused'),
            () => setOutcome('refused'),
          )
        }
      >
        {button}
      </button>
      {outcome === 'refused' && <p role="alert">{t('access_refused')}</p>}
    </section>
  );
}
