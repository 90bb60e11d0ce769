import { describe, expect, it } from 'vitest';
import { customScriptPatterns, originsFor } from '../extension/custom-scripts';
import { dataset } from '../utils/dataset/bundled';
import { parseSettings } from '../utils/settings/schema';

describe('origins asked for custom vendors', () => {
  it('asks for https and http of the host and its subdomains, each inside the optional permissions', () => {
    expect(originsFor(['video.lakeside-clinic.org'])).toEqual([
      'https://*.video.lakeside-clinic.org/*',
      'http://*.video.lakeside-clinic.org/*',
    ]);
    expect(originsFor(['10.0.0.5'])).toEqual(['https://10.0.0.5/*', 'http://10.0.0.5/*']);
  });

  it('leaves out hosts the bundled content script already covers', () => {
    const settings = parseSettings({
      customVendors: [
        { id: 'custom-a', name: 'Clinic Zoom', sites: [{ host: 'clinic.zoom.us' }], baa: 'offered' },
        { id: 'custom-b', name: 'Our Jitsi', sites: [{ host: 'video.lakeside-clinic.org' }], baa: 'unknown' },
      ],
    });
    expect(customScriptPatterns(settings, dataset)).toEqual([
      'http://*.video.lakeside-clinic.org/*',
      'https://*.video.lakeside-clinic.org/*',
    ]);
  });
});
