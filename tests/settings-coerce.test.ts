import { describe, expect, it } from 'vitest';
import { coerceSettings, EMPTY_SETTINGS } from '../utils/settings/repair';
import { parseSettings } from '../utils/settings/schema';

describe('coerceSettings (reading stored settings)', () => {
  it('keeps well-formed settings exactly as the strict schema reads them', () => {
    const input = {
      organization: 'Lakeside Clinic',
      approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Business', by: 'organization' }],
      blocks: [{ productId: 'facetime', by: 'user' }],
      customVendors: [
        {
          id: 'our-jitsi',
          name: 'Our Jitsi',
          sites: [{ host: 'video.lakeside.example' }],
          baa: 'not-applicable',
          e2ee: 'optional',
          sources: [],
        },
      ],
    };
    expect(coerceSettings(input)).toEqual(parseSettings(input));
  });

  it('drops each malformed entry and keeps the rest', () => {
    const repaired = coerceSettings({
      approvals: [{ productId: 'zoom' }, { productId: '<script>' }, 'junk', { productId: 42 }],
      blocks: 'not a list',
      customVendors: [
        { id: 'ok', name: 'OK', sites: [{ host: 'ok.example' }], baa: 'maybe' },
        { id: 'no-sites', name: 'No sites', sites: [] },
        { id: 'bad-host', name: 'Bad', sites: [{ host: 'EVIL COM' }] },
      ],
    });
    expect(repaired.approvals).toEqual([{ productId: 'zoom', by: 'user' }]);
    expect(repaired.blocks).toEqual([]);
    expect(repaired.customVendors).toEqual([
      { id: 'ok', name: 'OK', sites: [{ host: 'ok.example' }], baa: 'unknown', e2ee: 'unknown', sources: [] },
    ]);
  });

  it.each([undefined, null, 'junk', 42, []])('reads %j as empty settings', (raw) => {
    expect(coerceSettings(raw)).toEqual(EMPTY_SETTINGS);
  });
});
