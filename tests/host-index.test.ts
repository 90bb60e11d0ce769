import { describe, expect, it } from 'vitest';
import { buildHostIndex } from '../utils/matching/host-index';

describe('buildHostIndex', () => {
  const index = buildHostIndex([
    { host: 'zoom.us', value: 'zoom' },
    { host: 'clinic.zoom.us', value: 'clinic' },
    { host: 'facebook.com', paths: ['/messages', '/live/'], value: 'fb-path' },
    { host: 'facebook.com', paths: ['/messages/t'], value: 'fb-thread' },
    { host: 'live.facebook.com', value: 'fb-live-host' },
  ]);

  it.each([
    ['zoom.us', '/', 'zoom'],
    ['us02web.zoom.us', '/j/1', 'zoom'],
    ['clinic.zoom.us', '/j/1', 'clinic'],
    ['room.clinic.zoom.us', '/j/1', 'clinic'],
    ['facebook.com', '/messages', 'fb-path'],
    ['www.facebook.com', '/messages/', 'fb-path'],
    ['www.facebook.com', '/Messages/t/1', 'fb-thread'],
    ['www.facebook.com', '/live', 'fb-path'],
    ['www.facebook.com', '/live/videos', 'fb-path'],
    ['live.facebook.com', '/', 'fb-live-host'],
  ])('%s%s → %s (most specific host and path win)', (host, path, expected) => {
    expect(index.lookup(host, path)).toBe(expected);
  });

  it.each([
    ['evilzoom.us', '/'],
    ['zoom.us.evil.com', '/'],
    ['us', '/'],
    ['www.facebook.com', '/'],
    ['www.facebook.com', '/messagesx'],
    ['www.facebook.com', '/lively'],
    ['', '/'],
  ])('%s%s matches nothing', (host, path) => {
    expect(index.lookup(host, path)).toBeUndefined();
  });

  it('falls back to the parent domain when no path prefix of a host matches', () => {
    const nested = buildHostIndex([
      { host: 'example.com', value: 'whole' },
      { host: 'app.example.com', paths: ['/call'], value: 'call' },
    ]);
    expect(nested.lookup('app.example.com', '/call/1')).toBe('call');
    expect(nested.lookup('app.example.com', '/settings')).toBe('whole');
  });

  it('lets a later rule for the same host and prefix replace an earlier one', () => {
    const replaced = buildHostIndex([
      { host: 'zoom.us', value: 'bundled' },
      { host: 'zoom.us', value: 'custom' },
    ]);
    expect(replaced.lookup('zoom.us', '/')).toBe('custom');
    expect(replaced.size).toBe(1);
  });
});
