import { describe, expect, it } from 'vitest';
import { MAX_URLS, urlsInHtml, urlsInText } from '../utils/links/find-urls';

describe('finding links', () => {
  it('in text: stops at whitespace and brackets, trims sentence punctuation, lists each once', () => {
    expect(
      urlsInText(
        'Join: https://zoom.us/j/123. Or (https://doxy.me/drsmith), or <https://meet.google.com/abc-defg-hij>! https://zoom.us/j/123',
      ),
    ).toEqual(['https://zoom.us/j/123', 'https://doxy.me/drsmith', 'https://meet.google.com/abc-defg-hij']);
    expect(urlsInText('see https://en.wikipedia.org/wiki/HIPAA_(disambiguation) today')).toEqual([
      'https://en.wikipedia.org/wiki/HIPAA_(disambiguation)',
    ]);
    expect(urlsInText('ftp://files.example/x mailto:a@b.example javascript:alert(1)')).toEqual([]);
  });

  it('in HTML: link targets, entities decoded, and URLs in the text; never scripts or other schemes', () => {
    const html =
      '<a href="https://doxy.me/a?x=1&amp;y=2">join</a><a href="javascript:alert(1)">x</a><a href="mailto:a@b.example">m</a><p>or https://zoom.us/j/9</p><script>var u="https://evil.example/"</script>';
    expect(urlsInHtml(html)).toEqual(['https://doxy.me/a?x=1&y=2', 'https://zoom.us/j/9']);
  });

  it(`reads at most ${MAX_URLS} links from one file`, () => {
    const text = Array.from({ length: MAX_URLS + 50 }, (_, i) => `https://zoom.us/j/${i}`).join(' ');
    expect(urlsInText(text)).toHaveLength(MAX_URLS);
  });
});
