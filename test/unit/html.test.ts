// escapeHtml: every user string shown as HTML goes through it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref } from '../../src/render/html';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['`tick`', '&#96;tick&#96;'],
    ['&amp;', '&amp;amp;'],
    ['plain text', 'plain text'],
    [42, '42'],
    [null, ''],
    [undefined, ''],
  ])('%s → %s', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });

  it('never leaves a raw markup character', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"'`]/);
      }),
    );
  });

  it('round-trips through an entity decoder', () => {
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&#96;/g, '`')
        .replace(/&amp;/g, '&');
    fc.assert(fc.property(fc.string(), (s) => decode(escapeHtml(s)) === s));
  });
});

describe('safeHref', () => {
  it('keeps http(s) and mailto, refuses script and data links', () => {
    expect(safeHref('https://docs.google.com/x#gid=1&range=A2')).toBe(
      'https://docs.google.com/x#gid=1&amp;range=A2',
    );
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref(' data:text/html,x')).toBe('#');
  });
});
