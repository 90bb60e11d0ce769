import { OrganizationAccessNotice } from '../OrganizationAccessNotice';
import { SiteAccessNotice } from '../SiteAccessNotice';
import { BannerSettings } from './BannerSettings';
import { CustomVendors } from './CustomVendors';
import { Decisions } from './Decisions';
import { Directory } from './Directory';
import { ImportExport } from './ImportExport';
import { LinkChecking } from './LinkChecking';
import { OptionsContext, type OptionsModel } from './context';

/** The options page: one section per task, reachable from the top. */
export function OptionsApp({
  model,
  preselect,
  openFacts,
}: {
  model: OptionsModel;
  preselect?: string | undefined;
  openFacts?: string | undefined;
}) {
  const { t, effective, policy, problems } = model;
  const { managed, locked, supportContact } = effective.controls;
  // Values the policy reader dropped, and conflicts it applied with their precedence.
  const ignored = problems.filter((p) => p.severity !== 'warning');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <OptionsContext.Provider value={model}>
      <header>
        <h1 id="options-title" tabIndex={-1}>
          {t('options_title')}
        </h1>
        <nav aria-label={t('options_nav')}>
          <ul class="cc-nav">
            <li>
              <a href="#decisions">{t('options_decisions_heading')}</a>
            </li>
            <li>
              <a href="#vendors">{t('custom_heading')}</a>
            </li>
            <li>
              <a href="#directory">{t('directory_heading')}</a>
            </li>
            <li>
              <a href="#banner">{t('banner_prefs_heading')}</a>
            </li>
            <li>
              <a href="#links">{t('links_heading')}</a>
            </li>
            <li>
              <a href="#import">{t('io_heading')}</a>
            </li>
          </ul>
        </nav>
      </header>
      {model.siteAccess && <SiteAccessNotice access={model.siteAccess} t={t} request={model.requestOrigins} />}
      {model.access && <OrganizationAccessNotice access={model.access} t={t} request={model.requestOrigins} />}
      {(managed || problems.length > 0) && (
        <section class="cc-managed" aria-labelledby="managed-heading">
          <h2 id="managed-heading">
            {policy.organization ? t('managed_by', [policy.organization]) : t('managed_by_unnamed')}
          </h2>
          {locked && <p>{t('managed_locked')}</p>}
          {supportContact && <p>{t('support_contact', [supportContact])}</p>}
          {ignored.length > 0 && (
            <>
              <p>{t('managed_problems_heading')}</p>
              <ul>
                {ignored.map((problem, i) => (
                  <li key={i}>{t(problem.message.key, problem.message.args)}</li>
                ))}
              </ul>
            </>
          )}
          {warnings.map((problem, i) => (
            <p key={i}>{t(problem.message.key, problem.message.args)}</p>
          ))}
        </section>
      )}
      {/* A locked policy disables every control the user could change; the directory stays. */}
      <fieldset class="cc-lock" disabled={locked}>
        <Decisions preselect={preselect} />
        <CustomVendors />
      </fieldset>
      <Directory initialOpen={openFacts} />
      <fieldset class="cc-lock" disabled={locked}>
        <BannerSettings />
        <ImportExport />
      </fieldset>
      {/* Not locked by LockSettings: the organization decides link checking with its own two settings. */}
      <LinkChecking />
      <p class="cc-legal">
        {t('popup_not_legal_advice')} <a href="/privacy.html">{t('privacy_link')}</a>
      </p>
    </OptionsContext.Provider>
  );
}
