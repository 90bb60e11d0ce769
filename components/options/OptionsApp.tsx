import { BannerSettings } from './BannerSettings';
import { CustomVendors } from './CustomVendors';
import { Decisions } from './Decisions';
import { Directory } from './Directory';
import { ImportExport } from './ImportExport';
import { OptionsContext, type OptionsModel } from './context';

/** The options page: one section per task, reachable from the top. */
export function OptionsApp({ model, preselect }: { model: OptionsModel; preselect?: string | undefined }) {
  const { t } = model;
  return (
    <OptionsContext.Provider value={model}>
      <header>
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('options_nav')}>
          <ul class="cc-nav">
            <li><a href="#decisions">{t('options_decisions_heading')}</a></li>
            <li><a href="#vendors">{t('custom_heading')}</a></li>
            <li><a href="#directory">{t('directory_heading')}</a></li>
            <li><a href="#banner">{t('banner_prefs_heading')}</a></li>
            <li><a href="#import">{t('io_heading')}</a></li>
          </ul>
        </nav>
      </header>
      <Decisions preselect={preselect} />
      <CustomVendors />
      <Directory />
      <BannerSettings />
      <ImportExport />
      <p class="cc-legal">{t('popup_not_legal_advice')}</p>
    </OptionsContext.Provider>
  );
}
