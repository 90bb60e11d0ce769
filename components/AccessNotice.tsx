import { useState } from 'preact/hooks';
import type { OrganizationAccess } from '../utils/policy/read';
import type { Translate } from '../utils/vocabulary/messages';

/**
 * "Your organization added N vendors; CallCheck needs access to their sites",
 * with one button that asks the browser for exactly those origins, during the
 * click (browsers allow the request only then). Shown in the popup and the
 * options page until the access is there.
 */
export function AccessNotice({
  access,
  t,
  request,
}: {
  access: OrganizationAccess;
  t: Translate;
  request: (origins: string[]) => Promise<boolean>;
}) {
  const [outcome, setOutcome] = useState<'granted' | 'refused' | null>(null);
  if (access.vendors === 0 || outcome === 'granted') return null;
  return (
    <section class="cc-access" aria-labelledby="cc-access-heading">
      <h2 id="cc-access-heading">
        {access.vendors === 1 ? t('access_needed_one') : t('access_needed', [String(access.vendors)])}
      </h2>
      <p>{t('access_why')}</p>
      <button
        type="button"
        onClick={() =>
          void request(access.origins).then(
            (ok) => setOutcome(ok ? 'granted' : 'refused'),
            () => setOutcome('refused'),
          )
        }
      >
        {t('access_button')}
      </button>
      {outcome === 'refused' && <p role="alert">{t('access_refused')}</p>}
    </section>
  );
}
