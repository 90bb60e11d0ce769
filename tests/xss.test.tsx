import { parseHTML } from 'linkedom';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { FactsView } from '../components/FactsView';
import { OptionsApp } from '../components/options/OptionsApp';
import { VerdictBanner } from '../components/VerdictBanner';
import { makeOptionsModel } from './fixtures/options-model';
import { assess } from '../utils/verdict/assess';
import { EMPTY_BANNER_STATE } from '../utils/settings/banner-state';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';
import { coerceSettings } from '../utils/settings/repair';
import { XSS_PAYLOADS } from './fixtures/xss-payloads';

/**
 * Whatever reaches storage (an import that slipped through, a damaged
 * profile), every surface shows user text as text. Settings are read back
 * through the same repair the extension uses, then rendered.
 */
function settingsWith(payload: string) {
  return coerceSettings({
    organization: payload,
    approvals: [{ productId: 'custom-x', plan: payload, note: payload, by: 'organization' }],
    blocks: [{ productId: 'zoom', note: payload }],
    customVendors: [
      {
        id: 'custom-x',
        name: payload,
        sites: [{ host: 'video.lakeside-clinic.org' }],
        baa: 'offered',
        notes: payload,
        sources: [payload, 'https://example.org/'],
      },
    ],
  });
}

/** Parsed as a browser would: no element or attribute may come from the payload. */
function expectInert(html: string, payload: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  expect(document.querySelectorAll('script, img, svg, iframe, object, embed').length).toBe(0);
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
      // A link goes to the web over https, to a fragment, or to one of CallCheck's own pages (/privacy.html).
      if (attribute.name === 'href') expect(attribute.value).toMatch(/^(https:|#|chrome-extension:|\/[a-z-]+\.html$)/);
    }
  }
  // The text itself is there, for the person to read.
  expect(document.body.textContent).toContain(payload);
}

describe.each(XSS_PAYLOADS)('user text %s', (payload) => {
  const settings = settingsWith(payload);
  const match = assess('https://video.lakeside-clinic.org/room', dataset, settings);
  const custom = match.ok ? match.match! : null;

  it('is text in the popup facts view', () => {
    expect(custom?.entry.origin).toBe('custom');
    expectInert(
      render(<FactsView match={custom!} explainers={dataset.explainers} t={english} today="2026-11-24" />),
      payload,
    );
  });

  it('is text in the banner', () => {
    const html = render(
      <VerdictBanner
        match={custom!}
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
    expectInert(html, payload);
  });

  it('is text on the options page', () => {
    const model = makeOptionsModel(settings, {
      bannerState: { ...EMPTY_BANNER_STATE, snoozes: { 'custom-x': Date.now() + 60_000 } },
    });
    expectInert(render(<OptionsApp model={model} />), payload);
  });
});

it('never keeps a source link that is not a web address', () => {
  const settings = settingsWith('javascript:alert(1)');
  expect(settings.customVendors[0]!.sources).toEqual(['https://example.org/']);
});
