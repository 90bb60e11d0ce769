import { STORAGE_KEYS, touches } from '../../extension/storage-keys';
import { loadAll } from '../../extension/merged-settings';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { readSiteAccess } from '../../extension/site-access';
import '../../components/page.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { OptionsModel } from '../../components/options/context';
import { t } from '../../extension/i18n';
import { lastPolicyItem, loadLinkCheck, loadLinkSites, readManaged, STORED_KEYS } from '../../extension/storage';
import { sendSettings } from '../../extension/send-settings';
import { MANAGED_PATIENCE_MS, policyOrLastKnown, samePolicy } from '../../extension/policy-or-last-known';
import { newestWins } from '../../extension/newest-wins';
import { loadEffective } from '../../extension/stored';
import { assessAll } from '../../utils/verdict/assess';
import { packagedDataset } from '../../extension/packaged-facts';
import { localDate } from '../../utils/dataset/dates';
import { exportSettingsFile } from '../../utils/settings/file';

/**
 * Options: wiring only. Reads the stored settings, renders, and sends every
 * change to the background, which validates it and writes it.
 * `#record=<product id>` preselects a product to record a BAA for.
 */
let grantedOnce: Promise<Set<string>> | undefined;
/** Read once, from the start, while the settings are read. */
const facts = packagedDataset();
/** Read again whenever the policy changes; right after a browser start, it can take seconds to answer. */
let managed = readManaged();

const draw = newestWins(loadModel, showModel);

async function loadModel(): Promise<OptionsModel> {
  grantedOnce = undefined;
  const policyNow = await policyOrLastKnown(managed, MANAGED_PATIENCE_MS, () => lastPolicyItem.getValue());
  // Drawn from the last known policy: when the real one answers and differs, draw again.
  if (policyNow.lastKnown) void managed.then((real) => (samePolicy(real, policyNow.value) ? undefined : draw()));
  const [{ user: bundle, effective, bannerState, policy, problems }, { access }, linkSites, linkCheck, siteAccess] =
    await Promise.all([
      loadAll(Promise.resolve(policyNow.value)),
      loadEffective(browser.storage.local),
      loadLinkSites(),
      loadLinkCheck(),
      readSiteAccess(),
    ]);
  const dataset = await facts;
  const all = assessAll(dataset, effective.settings);
  const names = new Map(all.map((m) => [m.entry.id, m.entry.name]));
  const model: OptionsModel = {
    t,
    dataset,
    bundle,
    effective,
    policy,
    problems,
    bannerState,
    all,
    nameOf: (id) => names.get(id) ?? id,
    save: (next) =>
      sendSettings({ type: 'callcheck:save-settings', settings: next.settings, preferences: next.preferences }),
    clearSnoozes: () => sendSettings({ type: 'callcheck:clear-snoozes' }),
    reset: () => sendSettings({ type: 'callcheck:reset' }),
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    access,
    siteAccess,
    // One read of what is granted serves every vendor in the list.
    hasOrigins: async (origins) => {
      const granted = await (grantedOnce ??= browser.permissions
        .getAll()
        .then(({ origins: list = [] }) => new Set(list)));
      return origins.every((origin) => granted.has(origin));
    },
    exportFile: () => exportSettingsFile(bundle, new Date()),
    today: localDate(),
    linkSites,
    linkCheck,
    setLinkSites: (sites) => sendSettings({ type: 'callcheck:set-link-sites', sites }),
    removeOrigins: (origins) =>
      origins.length === 0 ? Promise.resolve(true) : browser.permissions.remove({ origins }),
  };
  return model;
}

function showModel(model: OptionsModel): void {
  const hash = new URLSearchParams(location.hash.slice(1));
  const preselect = hash.get('record') ?? undefined;
  const openFacts = hash.get('facts') ?? undefined;
  render(<OptionsApp model={model} preselect={preselect} openFacts={openFacts} />, document.getElementById('app')!);
  // Arriving from "We have a BAA": straight to the product chosen; from the banner's list of
  // platforms, to that platform's facts; otherwise the page's heading.
  if (!document.body.dataset.ready) {
    const target = preselect ? 'baa-product' : openFacts ? 'directory-detail' : 'options-title';
    (document.getElementById(target) ?? document.getElementById('options-title') ?? document.body).focus();
  }
  document.body.dataset.ready = 'true';
}

void draw();
// Whatever changed the settings (this page, another tab, an import), draw again.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') managed = readManaged();
  if (
    area === 'managed' ||
    (area === 'local' && touches(changes, ...STORED_KEYS, STORAGE_KEYS.linkSites, STORAGE_KEYS.linkCheck))
  )
    void draw();
});
