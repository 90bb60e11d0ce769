import { describe, expect, it } from 'vitest';
import { isExtensionPage, parseSettingsRequest } from '../extension/settings-api';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('who may change settings', () => {
  it.each([
    [
      'the options page in a tab',
      { id: ID, url: `${ORIGIN}options.html`, tab: { url: `${ORIGIN}options.html` } },
      true,
    ],
    ['the popup', { id: ID, url: `${ORIGIN}popup.html` }, true],
    [
      'a content script on a call page',
      { id: ID, url: 'https://zoom.us/j/1', tab: { url: 'https://zoom.us/j/1' } },
      false,
    ],
    [
      'a content script claiming an extension URL',
      { id: ID, url: `${ORIGIN}options.html`, tab: { url: 'https://evil.example/' } },
      false,
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/page.html' }, false],
    ['a web page (no id)', { url: 'https://evil.example/' }, false],
  ])('%s: %s', (_who, sender, allowed) => {
    expect(isExtensionPage(sender, ID, ORIGIN)).toBe(allowed);
  });
});

describe('settings requests', () => {
  it('accepts a well-formed save', () => {
    expect(
      parseSettingsRequest({ type: 'callcheck:save-settings', settings: { approvals: [{ productId: 'zoom' }] } }),
    ).toMatchObject({
      type: 'callcheck:save-settings',
      settings: { approvals: [{ productId: 'zoom', by: 'user' }], blocks: [], customVendors: [] },
    });
  });

  it.each([
    [{ type: 'callcheck:save-settings', settings: { approvals: 'all' } }],
    [{ type: 'callcheck:save-settings', settings: { approvals: [{ productId: 'Zoom!' }] } }],
    [{ type: 'callcheck:save-settings', settings: {}, preferences: { bannerVerdicts: ['everything'] } }],
    [{ type: 'callcheck:reset', extra: true }],
  ])('refuses a malformed payload %j', (raw) => {
    expect(parseSettingsRequest(raw)).toHaveProperty('invalid');
  });

  it('ignores messages that are not about settings', () => {
    expect(parseSettingsRequest({ type: 'callcheck:facts', productId: 'zoom' })).toBeNull();
    expect(parseSettingsRequest('reset')).toBeNull();
  });
});
