import type { SiteAccess } from '../extension/site-access';
import type { Translate } from '../utils/vocabulary/messages';
import { AccessNotice } from './AccessNotice';

/**
 * "Site access is off for N of CallCheck's call sites": after someone turned
 * it off in the browser's extension settings, the badge and banner stop
 * there without a word.
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
  return (
    <AccessNotice
      id="cc-site-access-heading"
      heading={
        access.lost.length === access.total
          ? t('site_access_lost_all')
          : t('site_access_lost', [String(access.lost.length), String(access.total)])
      }
      why={t('site_access_why')}
      button={t('site_access_button')}
      origins={access.lost}
      t={t}
      request={request}
    />
  );
}
