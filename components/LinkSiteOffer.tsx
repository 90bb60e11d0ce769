import { useState } from 'preact/hooks';
import type { Translate } from '../utils/vocabulary/messages';

/**
 * "Check meeting links on this site", in the popup, for a portal or a
 * scheduling page: asks the browser for that one origin at the click. The
 * same button turns it off again.
 */
export function LinkSiteOffer({
  host,
  on,
  t,
  toggle,
}: {
  host: string;
  on: boolean;
  t: Translate;
  toggle: (on: boolean) => Promise<string | null>;
}) {
  const [state, setState] = useState<{ on: boolean; message: string | null; ok: boolean }>({
    on,
    message: null,
    ok: true,
  });
  return (
    <section class="cc-link-offer" aria-label={t('links_heading')}>
      <button
        type="button"
        onClick={async () => {
          const error = await toggle(!state.on);
          setState(
            error
              ? { on: state.on, message: error, ok: false }
              : { on: !state.on, message: t(state.on ? 'links_off' : 'links_on', [host]), ok: true },
          );
        }}
      >
        {t(state.on ? 'popup_stop_links' : 'popup_check_links', [host])}
      </button>
      <p role={state.ok ? 'status' : 'alert'} class="cc-status">
        {state.message}
      </p>
    </section>
  );
}
