import { describe, expect, it } from 'vitest';
import { parseCallUrl, withAssumedScheme } from '../utils/matching/call-url';

describe('parseCallUrl normalises like the browser', () => {
  it.each([
    ['https://ZOOM.US/j/1', 'zoom.us', '/j/1'],
    ['https://zoom.us./j/1', 'zoom.us', '/j/1'],
    ['https://zoom.us:8443/j/1', 'zoom.us', '/j/1'],
    ['http://user:pass@zoom.us/j/1', 'zoom.us', '/j/1'],
    ['https://zoom.us@evil.com/j/1', 'evil.com', '/j/1'],
    ['https://bücher.example/x', 'xn--bcher-kva.example', '/x'],
    ['https://zооm.us/', 'xn--zm-fmca.us', '/'],
    ['  https://doxy.me/room  ', 'doxy.me', '/room'],
    ['https://doxy.me', 'doxy.me', '/'],
  ])('%s → host %s path %s', (input, host, path) => {
    expect(parseCallUrl(input)).toMatchObject({ kind: 'web', host, path });
  });

  it.each(['ftp://zoom.us/', 'javascript:alert(1)', 'mailto:a@zoom.us', 'file:///tmp/x', 'chrome://settings'])(
    '%s is a URL but not a web page',
    (input) => {
      expect(parseCallUrl(input).kind).toBe('not-web');
    },
  );

  it.each(['', 'zoom', 'hello world', 'https://', 'http://[::1', '//zoom.us/j/1'])('%j is not a URL', (input) => {
    expect(parseCallUrl(input).kind).toBe('invalid');
  });

  it('refuses a URL without a scheme, and knows the https URL it would be', () => {
    expect(parseCallUrl('zoom.us/j/123')).toEqual({ kind: 'invalid', error: 'not a URL' });
    expect(withAssumedScheme('zoom.us/j/123')).toBe('https://zoom.us/j/123');
    expect(withAssumedScheme('hello world')).toBeNull();
  });
});
