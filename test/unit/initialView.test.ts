import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from '../../src/entry/workbook';

describe('the first Account view templated into Sidebar.html', () => {
  it('cannot close its <script> element or start markup, and parses back to the same value', () => {
    const value = { name: '</script><img src=x onerror=alert(1)>&amp;', line: 'a\u2028b' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
