/**
 * The build helpers behind the Content-Security-Policy, the service worker's file list and the single file's font
 * trimming. The browser test (tests/e2e/offline.test.ts) proves the built pages; these pin the pieces.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hashSource, inlineCode, withCspMeta } from '../../src/build/csp';
import { precacheFiles } from '../../src/build/pwa';
import { parseUnicodeRange } from '../../vite.single.config';

describe('Content-Security-Policy', () => {
  it('allows only the app itself: no eval, no inline code, no other origin', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
    // Ignored (with an error in the console) when delivered by <meta>.
    expect(policy).not.toContain('frame-ancestors');
  });

  it('adds a hash for each inline script and style, and data: fetches when asked', () => {
    const policy = contentSecurityPolicy({ inlineScripts: ['a()', 'a()'], inlineStyles: ['b{}'], fetchDataUrls: true });
    const sha = (text: string) => createHash('sha256').update(text).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${sha('a()')}';`);
    expect(policy).toContain(`style-src 'self' 'sha256-${sha('b{}')}';`);
    expect(policy).toContain("connect-src 'self' data:;");
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('finds inline scripts and styles, not external ones', () => {
    const html =
      '<head><script type="module" crossorigin src="./a.js"></script><script type="module">x()</script>' +
      '<style>p{}</style><link rel="stylesheet" href="b.css"></head>';
    expect(inlineCode(html)).toEqual({ scripts: ['x()'], styles: ['p{}'] });
  });

  it('puts the <meta> right after the charset, before any script', () => {
    const html = '<html><head>\n<meta charset="utf-8" />\n<script src="a.js"></script></head></html>';
    const out = withCspMeta(html, "default-src 'self'");
    expect(out.indexOf('Content-Security-Policy')).toBeGreaterThan(out.indexOf('charset'));
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
    expect(() => withCspMeta(out, "default-src 'self'")).toThrow(/already/);
  });
});

describe('service worker files', () => {
  it('caches the whole build but source maps and the worker itself, in a stable order', () => {
    expect(precacheFiles(['sw.js', 'index.html', 'assets/b.js', 'assets/b.js.map', 'assets/a.woff2'])).toEqual([
      'assets/a.woff2',
      'assets/b.js',
      'index.html',
    ]);
  });
});

describe('unicode-range', () => {
  it('reads single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+??, U+131,U+152-153')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x152, 0x153],
    ]);
  });
});
