/**
 * The app's Content-Security-Policy, put into the built HTML as a <meta http-equiv> by two small Vite plugins:
 * one for the hosted site (every script and style is a file of our own: 'self' is enough) and one for the
 * single-file build (everything is inline: each inline <script> and <style> is allowed by its SHA-256 hash,
 * computed after inlining). Build only: the dev server injects inline code for hot reload and is left alone.
 *
 * No 'unsafe-eval' (Pixi's code generation is replaced by `pixi.js/unsafe-eval`, imported in
 * src/render/pixiStage.ts), no 'unsafe-inline' (element styles are set through the CSSOM, which CSP does not
 * govern: src/ui/dom.ts), no remote origin anywhere. `frame-ancestors` cannot be set from a <meta> (browsers
 * ignore it there and log an error), so hosts that want to limit framing send it as a header (docs/offline.md).
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export interface CspSources {
  /** Contents of inline <script> elements to allow (the single file). */
  readonly inlineScripts?: readonly string[];
  /** Contents of inline <style> elements to allow (the single file). */
  readonly inlineStyles?: readonly string[];
  /**
   * Allow fetch() of data: URLs. The single file carries its fonts as data: URLs, and the chart image export
   * reads the page's font files with fetch to embed them in the picture.
   */
  readonly fetchDataUrls?: boolean;
}

/** CSP source expression for an inline element's text: 'sha256-<base64>'. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** The policy as one header/meta value. */
export function contentSecurityPolicy(sources: CspSources = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...unique((sources.inlineScripts ?? []).map(hashSource))]],
    ['style-src', ["'self'", ...unique((sources.inlineStyles ?? []).map(hashSource))]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(sources.fetchDataUrls ? ['data:'] : [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

const CHARSET = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i;

/** Puts the policy's <meta> right after <meta charset> (before any script), or first in <head>. */
export function withCspMeta(html: string, policy: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) throw new Error('The page already has a CSP <meta>');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}" />`;
  const charset = CHARSET.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('No <head> to put the CSP <meta> in');
  const end = head.index + head[0].length;
  return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
}

/** Text of every inline (no src) <script> and of every <style> in the page, as the browser hashes it. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (!/\ssrc\s*=/i.test(attrs)) scripts.push(m[2] ?? '');
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(m[1] ?? '');
  return { scripts, styles };
}

/** The hosted build: the policy in index.html. Inline code in the page is an error (it would be blocked). */
export function hostedCsp(): Plugin {
  return {
    name: 'calcium-routes:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = inlineCode(html);
        if (inline.scripts.some((s) => s.trim()) || inline.styles.some((s) => s.trim())) {
          throw new Error('index.html has inline <script> or <style>, which the Content-Security-Policy blocks');
        }
        return withCspMeta(html, contentSecurityPolicy());
      },
    },
  };
}

/**
 * The single-file build: after vite-plugin-singlefile has inlined the code (list this plugin after it), hashes
 * each inline script and style into the policy, and renames the page to `fileName`.
 */
export function singleFileCsp(fileName: string): Plugin {
  return {
    name: 'calcium-routes:single-file-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const pages = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
        if (pages.length !== 1) this.error(`Expected one HTML page in the single-file build, found ${pages.length}`);
        const page = pages[0];
        if (page?.type !== 'asset') return;
        const html = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
        const leftOver = Object.keys(bundle).filter((name) => name !== page.fileName);
        if (leftOver.length > 0) this.error(`Not inlined into the single file: ${leftOver.join(', ')}`);
        const inline = inlineCode(html);
        const policy = contentSecurityPolicy({
          inlineScripts: inline.scripts,
          inlineStyles: inline.styles,
          fetchDataUrls: true,
        });
        delete bundle[page.fileName];
        this.emitFile({ type: 'asset', fileName, source: withCspMeta(html, policy) });
      },
    },
  };
}
