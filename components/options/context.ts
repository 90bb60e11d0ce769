import type { SiteAccess } from '../../extension/site-access';
import type { OrganizationAccess } from '../../utils/policy/read';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Match } from '../../utils/verdict/assess';
import type { BannerState } from '../../utils/settings/banner-state';
import type { Dataset } from '../../utils/dataset/schema';
import type { Translate } from '../../utils/vocabulary/messages';
import type { Effective, Policy, PolicyProblem } from '../../utils/policy/read';
import type { SettingsBundle } from '../../utils/settings/file';
import type { LinkCheckState } from '../../utils/links/link-check';

/** What every section of the options page reads, and the one way to change it. */
export interface OptionsModel {
  t: Translate;
  /** Every product's facts (read from the package) and the explainers. */
  dataset: Pick<Dataset, 'products' | 'explainers'>;
  /** The user's own settings, which this page edits. */
  bundle: SettingsBundle;
  /** What applies once the organization's policy is merged in. */
  effective: Effective;
  policy: Policy;
  problems: PolicyProblem[];
  bannerState: BannerState;
  /** Every product and custom vendor, judged with the current settings. */
  all: Match[];
  nameOf: (id: string) => string;
  /** Saves through the background; resolves to an error text, or null when saved. */
  save: (next: SettingsBundle) => Promise<string | null>;
  clearSnoozes: () => Promise<string | null>;
  reset: () => Promise<string | null>;
  /** Asks the browser for these origins; must run inside a click. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  /** The organization's vendors waiting for access to their sites (from the background). */
  access?: OrganizationAccess;
  /** CallCheck's own call sites whose access was turned off after install. */
  siteAccess?: SiteAccess;
  hasOrigins: (origins: string[]) => Promise<boolean>;
  exportFile: () => string;
  today: string;
  /** The sites where the user turned link checking on, and where it runs now (the background's word). */
  linkSites: string[];
  linkCheck: LinkCheckState;
  setLinkSites: (sites: string[]) => Promise<string | null>;
  /** Gives access back to the browser. */
  removeOrigins: (origins: string[]) => Promise<boolean>;
}

export const OptionsContext = createContext<OptionsModel | null>(null);

export function useOptions(): OptionsModel {
  const model = useContext(OptionsContext);
  if (!model) throw new Error('OptionsContext missing');
  return model;
}
