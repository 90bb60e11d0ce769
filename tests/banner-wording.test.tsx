import { parseHTML } from 'linkedom';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { OptionsApp } from '../components/options/OptionsApp';
import { VerdictBanner } from '../components/VerdictBanner';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { makeOptionsModel } from './fixtures/options-model';
import { dataset } from '../utils/dataset/bundled';
import { assess } from '../utils/verdict/assess';
import { english } from '../utils/vocabulary/english';

/** What the banner offers and says, as a clinician reads it. */
function bannerFor(url: string) {
  const result = assess(url, dataset);
  if (!result.ok || !result.match) throw new Error(`no match for ${url}`);
  const html = render(
    <VerdictBanner
      match={result.match}
      initialMode="full"
      t={english}
      loadFacts={async () => null}
      onOpenFacts={() => {}}
      onDismiss={() => {}}
      onSnooze={() => {}}
      onRecordBaa={() => {}}
      onSeen={() => {}}
    />,
  );
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return {
    text: document.body.textContent ?? '',
    buttons: [...document.querySelectorAll('button')].map(
      (b) => b.getAttribute('aria-label') ?? (b.textContent ?? '').trim(),
    ),
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
    expect(reason('https://teams.live.com/meet/1')).toMatch(
      /^Microsoft does not sign a BAA for Microsoft Teams \(free\)/,
    );
  });
});

describe('recording a BAA in the options page', () => {
  const optionsFor = (preselect: string) => {
    const model = makeOptionsModel(EMPTY_SETTINGS, { today: '2026-12-01' });
    const { document } = parseHTML(
      `<!doctype html><html><body>${render(<OptionsApp model={model} preselect={preselect} />)}</body></html>`,
    );
    const form = document.querySelector('#baa-product')!.closest('form')!;
    return {
      note: form.querySelector('#baa-no-effect')?.textContent ?? null,
      saveDisabled: form.querySelector('button[type=submit]')!.hasAttribute('disabled'),
    };
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

describe('text from users and policies is isolated', () => {
  const RLO = '\u202E';

  it('keeps an unterminated right-to-left override in a vendor name from mirroring the verdict sentence', async () => {
    const { t } = await import('../extension/i18n');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { formatMessage } = await import('../utils/vocabulary/messages');
    const en = (await import('../public/_locales/en/messages.json')).default;
    fakeBrowser.i18n.getMessage = ((key: string, args?: string[]) =>
      formatMessage(en as never, key, args ?? [])) as never;
    const sentence = t('reason_no_baa', [`Evil${RLO}Corp`, 'Video']);
    // The name, override and all, sits between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
    expect(sentence).toContain(`\u2068Evil${RLO}Corp\u2069`);
    expect(sentence.indexOf('\u2069')).toBeLessThan(sentence.indexOf('does not sign'));
  });

  it("renders a custom vendor's name, notes and source links inside <bdi> in the facts view", async () => {
    const { FactsView } = await import('../components/FactsView');
    const { parseSettings } = await import('../utils/settings/schema');
    const settings = parseSettings({
      customVendors: [
        {
          id: 'rlo',
          name: `Clinic${RLO}evil`,
          sites: [{ host: 'rlo.example' }],
          baa: 'offered',
          notes: `note${RLO}x`,
          sources: ['https://rlo.example/baa'],
        },
      ],
    });
    const result = assess('https://rlo.example/room', dataset, settings);
    if (!result.ok || !result.match) throw new Error('no match');
    const { document } = parseHTML(
      `<!doctype html><html><body>${render(<FactsView match={result.match} explainers={[]} t={english} today="2026-12-01" />)}</body></html>`,
    );
    const isolated = [...document.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toEqual(expect.arrayContaining([`Clinic${RLO}evil`, `note${RLO}x`, 'https://rlo.example/baa']));
  });
});

describe('isolate', () => {
  it('isolates only text that could reorder its surroundings', async () => {
    const { isolate } = await import('../utils/vocabulary/messages');
    expect(isolate('Zoom Workplace')).toBe('Zoom Workplace');
    expect(isolate('Evil\u202ECorp')).toBe('\u2068Evil\u202ECorp\u2069');
    expect(isolate('עיאדה קליניק')).toBe('\u2068עיאדה קליניק\u2069');
  });
});
