import type { OrganizationAccess } from '../utils/policy/read';
import type { Translate } from '../utils/vocabulary/messages';
import { AccessNotice } from './AccessNotice';

/** "Your organization added N vendors; CallCheck needs access to their sites." */
export function OrganizationAccessNotice({
  access,
  t,
  request,
}: {
  access: OrganizationAccess;
  t: Translate;
  request: (origins: string[]) => Promise<boolean>;
}) {
  if (access.vendors === 0) return null;
  return (
    <AccessNotice
      id="cc-access-heading"
      heading={access.vendors === 1 ? t('access_needed_one') : t('access_needed', [String(access.vendors)])}
      why={t('access_why')}
      button={t('access_button')}
      origins={access.origins}
      t={t}
      request={request}
    />
  );
}
