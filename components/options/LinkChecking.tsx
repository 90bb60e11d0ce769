import { useEffect, useState } from 'preact/hooks';
import { LINK_SITE_CHOICES, linkSiteOrigin, originsToGiveBack, withLinkSites } from '../../utils/links/link-sites';
import type { MessageKey } from '../../utils/vocabulary/messages';
import { Status } from './Status';
import { useOptions } from './context';

/**
 * "Check meeting links in": off by default. Turning a site on asks the
 * browser for that site's origin, at the click; turning it off gives the
 * access back (unless the organization lists the site) and the markers go at
 * once. The organization may list sites (each user grants them once) or
 * forbid link checking.
 */
export function LinkChecking() {
  const { t, linkSites, linkCheck, setLinkSites, requestOrigins, removeOrigins } = useOptions();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Shown at once on a click; the stored value follows when the background has saved it.
  const [shown, setShown] = useState(linkSites);
  useEffect(() => setShown(linkSites), [linkSites]);
  const forbidden = linkCheck.forbidden;
  const chosenHosts: readonly string[] = LINK_SITE_CHOICES.flatMap((choice) => choice.hosts);
  const others = shown.filter((host) => !chosenHosts.includes(host));

  const turnOn = async (hosts: readonly string[], label: string) => {
    // Asked first, while the click still counts as the person's gesture.
    const allowed = await requestOrigins(hosts.map(linkSiteOrigin)).catch(() => false);
    if (!allowed) return setStatus({ ok: false, text: t('links_refused') });
    const next = withLinkSites(shown, hosts, true);
    setShown(next);
    const error = await setLinkSites(next);
    if (error) setShown(linkSites);
    setStatus(
      error ? { ok: false, text: t('options_error_storage', [error]) } : { ok: true, text: t('links_on', [label]) },
    );
  };
  const turnOff = async (hosts: readonly string[], label: string) => {
    const next = withLinkSites(shown, hosts, false);
    setShown(next);
    const error = await setLinkSites(next);
    if (error) {
      setShown(linkSites);
      return setStatus({ ok: false, text: t('options_error_storage', [error]) });
    }
    // Least privilege: the access goes back too, unless the organization wants the site checked.
    await removeOrigins(originsToGiveBack(hosts, linkCheck.organization)).catch(() => false);
    setStatus({ ok: true, text: t('links_off', [label]) });
  };

  return (
    <section id="links" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('links_heading')}</h2>
      <p>{t('links_intro')}</p>
      {forbidden && <p class="cc-note">{t('links_forbidden')}</p>}
      <fieldset disabled={forbidden}>
        <legend>{t('links_heading')}</legend>
        {LINK_SITE_CHOICES.map((choice) => {
          const label = t(`links_choice_${choice.id}` as MessageKey);
          const on = choice.hosts.every((host) => shown.includes(host));
          return (
            <div class="cc-check" key={choice.id}>
              <input
                id={`links-${choice.id}`}
                type="checkbox"
                checked={on && !forbidden}
                onChange={(e) =>
                  void ((e.target as HTMLInputElement).checked
                    ? turnOn(choice.hosts, label)
                    : turnOff(choice.hosts, label))
                }
              />
              <label for={`links-${choice.id}`}>{label}</label>
            </div>
          );
        })}
      </fieldset>
      {others.length > 0 && !forbidden && (
        <>
          <p>{t('links_other', [others.join(', ')])}</p>
          <ul class="cc-list">
            {others.map((host) => (
              <li key={host}>
                <button type="button" onClick={() => void turnOff([host], host)}>
                  {t('links_remove_site', [host])}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {linkCheck.organization.length > 0 && !forbidden && (
        <p>
          {t('links_by_organization', [linkCheck.organization.join(', ')])}{' '}
          {linkCheck.missing.length > 0 && (
            <button
              type="button"
              onClick={() =>
                void requestOrigins(linkCheck.missing).then((ok) =>
                  setStatus(
                    ok
                      ? { ok: true, text: t('links_on', [linkCheck.organization.join(', ')]) }
                      : { ok: false, text: t('links_refused') },
                  ),
                )
              }
            >
              {t('links_grant')}
            </button>
          )}
        </p>
      )}
      <Status status={status} id="links-status" />
    </section>
  );
}
