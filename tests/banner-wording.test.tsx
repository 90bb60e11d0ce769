import { parseHTML } from 'linkedom';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { OptionsApp } from '../components/options/OptionsApp';
import type { OptionsModel } from '../components/options/context';
import { VerdictBanner } from '../components/VerdictBanner';
import { EMPTY_POLICY, mergeSettings } from '../utils/policy/read';
import { DEFAULT_BANNER_PREFERENCES, EMPTY_BANNER_STATE } from '../utils/settings/banner-state';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { assessAll } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { assess } from '../utils/verdict/assess';
import { english } from '../utils/vocabulary/english';

/** What the banner offers and says, as a clinician reads it. */
function bannerFor(url: string) {
  const result = assess(url, dataset);
  if (!result.ok || !result.match) throw new Error(`no match for ${url}`);
  const html = render(
    <VerdictBanner match={result.match} initialMode="full" t={english} loadFacts={async () => null} onDismiss={() => {}} onSnooze={() => {}} onRecordBaa={() => {}} onSeen={() => {}} />,
  );
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return {
    text: document.body.textContent ?? '',
    buttons: [...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? (b.textContent ?? '').trim()),
  };
}

describe('banner wording', () => {
  it.each([
    ['https://dashboard.twitch.tv/u/x/stream-manager', 'a public broadcast tool'],
    ['https://join.skype.com/hbWmzgjmJF1H', 'a retired product'],
  ])('does not offer "We have a BAA" on %s (%s): a BAA would change nothing', (url) => {
    expect(bannerFor(url).buttons).not.toContain('We have a BAA');
  });

  it('offers "We have a BAA" where a BAA changes the verdict', () => {
    expect(bannerFor('https://us02web.zoom.us/j/5551112222').buttons).toContain('We have a BAA');
    expect(bannerFor('https://teams.live.com/meet/1').buttons).toContain('We have a BAA');
  });

  it('names in the snooze button exactly what it covers: the product, not its vendor', () => {
    const { buttons } = bannerFor('https://www.messenger.com/groupcall/room/1');
    expect(buttons).toContain('Snooze 7 days (Facebook Messenger)');
    expect(buttons.join()).not.toMatch(/\(Meta\)/);
  });

  it('says a name once when vendor and product share it', () => {
    const reason = (url: string) => {
      const result = assess(url, dataset);
      return result.ok && result.match ? english(result.match.reason.key, result.match.reason.args) : '';
    };
    expect(reason('https://discord.com/channels/745961266149064774/747413163510857761')).toBe(
      'Discord does not sign a BAA, so it is not for patient sessions, whatever its encryption.',
    );
    expect(reason('https://teams.live.com/meet/1')).toMatch(/^Microsoft does not sign a BAA for Microsoft Teams \(free\)/);
  });
});

describe('recording a BAA in the options page', () => {
  const optionsFor = (preselect: string) => {
    const all = assessAll(dataset, EMPTY_SETTINGS);
    const model: OptionsModel = {
      t: english,
      dataset,
      bundle: { settings: EMPTY_SETTINGS, preferences: DEFAULT_BANNER_PREFERENCES },
      effective: mergeSettings(EMPTY_SETTINGS, DEFAULT_BANNER_PREFERENCES, EMPTY_POLICY),
      policy: EMPTY_POLICY,
      problems: [],
      bannerState: EMPTY_BANNER_STATE,
      all,
      nameOf: (id) => all.find((m) => m.entry.id === id)?.entry.name ?? id,
      save: async () => null,
      clearSnoozes: async () => null,
      reset: async () => null,
      requestOrigins: async () => false,
      hasOrigins: async () => false,
      exportFile: () => '',
      today: '2026-12-01',
    };
    const { document } = parseHTML(`<!doctype html><html><body>${render(<OptionsApp model={model} preselect={preselect} />)}</body></html>`);
    const form = document.querySelector('#baa-product')!.closest('form')!;
    return { note: form.querySelector('#baa-no-effect')?.textContent ?? null, saveDisabled: form.querySelector('button[type=submit]')!.hasAttribute('disabled') };
  };

  it.each([
    ['tiktok-live', /public broadcast tool/],
    ['skype', /has been retired/],
  ])('explains why a BAA for %s would change nothing, and does not save one', (id, why) => {
    const { note, saveDisabled } = optionsFor(id);
    expect(note).toMatch(why);
    expect(saveDisabled).toBe(true);
  });

  it('records a BAA for a product where it matters', () => {
    expect(optionsFor('zoom')).toEqual({ note: null, saveDisabled: false });
  });
});
