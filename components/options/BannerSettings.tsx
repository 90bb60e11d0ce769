import { useEffect, useState } from 'preact/hooks';
import { VERDICTS, type Verdict } from '../../utils/verdict/assess';
import { verdictKey } from '../../utils/verdict/verdict-text';
import { Status } from './Status';
import { useOptions } from './context';

/** Which verdicts show a banner, the snoozes in force, and starting over. */
export function BannerSettings() {
  const { t, bundle, bannerState, nameOf, save, clearSnoozes, reset } = useOptions();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Shown at once on a click; the stored value follows when the background has saved it.
  const [shown, setShown] = useState(bundle.preferences.bannerVerdicts);
  useEffect(() => setShown(bundle.preferences.bannerVerdicts), [bundle.preferences.bannerVerdicts]);
  const now = Date.now();
  const snoozes = Object.entries(bannerState.snoozes).filter(([, until]) => until > now);

  const toggle = async (verdict: Verdict, on: boolean) => {
    const bannerVerdicts = VERDICTS.filter((v) => (v === verdict ? on : shown.includes(v)));
    setShown(bannerVerdicts);
    const error = await save({ ...bundle, preferences: { bannerVerdicts } });
    if (error) setShown(bundle.preferences.bannerVerdicts);
    setStatus(
      error ? { ok: false, text: t('options_error_storage', [error]) } : { ok: true, text: t('banner_prefs_saved') },
    );
  };

  return (
    <section id="banner" aria-labelledby="banner-heading">
      <h2 id="banner-heading">{t('banner_prefs_heading')}</h2>
      <fieldset>
        <legend>{t('banner_prefs_legend')}</legend>
        {VERDICTS.map((verdict) => (
          <div class="cc-check" key={verdict}>
            <input
              id={`show-${verdict}`}
              type="checkbox"
              checked={shown.includes(verdict)}
              onChange={(e) => void toggle(verdict, (e.target as HTMLInputElement).checked)}
            />
            <label for={`show-${verdict}`}>{t(verdictKey('verdict', verdict))}</label>
          </div>
        ))}
      </fieldset>

      <h3>{t('snoozes_heading')}</h3>
      {snoozes.length === 0 ? (
        <p>{t('snoozes_none')}</p>
      ) : (
        <>
          <ul class="cc-list">
            {snoozes.map(([id, until]) => (
              <li key={id}>{t('snooze_until', [nameOf(id), new Date(until).toLocaleString()])}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={async () => {
              const error = await clearSnoozes();
              setStatus(
                error
                  ? { ok: false, text: t('options_error_storage', [error]) }
                  : { ok: true, text: t('snoozes_cleared') },
              );
            }}
          >
            {t('snoozes_clear')}
          </button>
        </>
      )}

      <h3>{t('reset_heading')}</h3>
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('reset_button')}
        </button>
      ) : (
        <div role="group" aria-labelledby="reset-question" class="cc-confirm">
          <p id="reset-question">{t('reset_confirm')}</p>
          <button
            type="button"
            class="cc-danger"
            onClick={async () => {
              const error = await reset();
              setConfirming(false);
              setStatus(
                error ? { ok: false, text: t('options_error_storage', [error]) } : { ok: true, text: t('reset_done') },
              );
            }}
          >
            {t('reset_yes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('reset_cancel')}
          </button>
        </div>
      )}
      <Status status={status} />
    </section>
  );
}
