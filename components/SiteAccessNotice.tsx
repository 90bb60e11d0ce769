import { useState } from 'preact/hooks';
import type { SiteAccess } from '../extension/site-access';
import type { Translate } from '../utils/vocabulary/messages';

/**
 * "Site access is off for N of CallCheck's call sites": after someone turned
 * it off in the browser's extension settings, the badge and banner stop
 * there without a word. One button asks for exactly those sites again,
 * during the click (browsers allow the request only then).
 */
export function SiteAccessNotice({
  access,
  t,
  request,
}: {
  access: SiteAccess;
  t: Translate;
  request: (origins: string[]) => Promise<boolean>;
}) {
  const [outcome, setOutcome] = useState<'granted' | 'refused' | null>(null);
  if (access.lost.length === 0 || outcome === 'granted') return null;
  return (
    <section class="cc-access" aria-labelledby="cc-site-access-heading">
      <h2 id="cc-site-access-heading">
        {access.lost.length === access.total
          ? t('site_access_lost_all')
          : t('site_access_lost', [String(access.lost.length), String(access.total)])}
      </h2>
      <p>{t('site_access_why')}</p>
      <button
        type="button"
        onClick={() =>
          void request(access.lost).then(
            (ok) => setOutcome(ok ? 'granted' : 'refused'),
            () => setOutcome('refused'),
          )
        }
      >
        {t('site_access_button')}
      </button>
      {outcome === 'refused' && <p role="alert">{t('access_refused')}</p>}
    </section>
  );
}
