/**
 * The single-file build: `npm run build` runs it after the site build, writing dist/calcium-routes.html, one HTML
 * file with all the JavaScript (language catalogues and Pixi's renderer included: no lazy chunks), the CSS, the
 * Latin fonts and the icon inlined. It opens from disk (file://) with no network: a teacher can copy it to a USB
 * stick or a shared drive. Its Content-Security-Policy allows each inline script and style by hash.
 *
 * Left out: the Simplified Chinese font subsets (about 270 kB; Chinese text uses the device's own CJK font), the
 * Latin Extended font faces no text uses, and parts of Pixi the map does not use (see the plugins below).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { singleFileCsp } from './src/build/csp';
import { leanPixi } from './src/build/leanPixi';
import { appPlugins, BUILD_TARGET } from './vite.config';

export const SINGLE_FILE = 'calcium-routes.html';

type Range = readonly [number, number];

/** "U+??,U+131,U+152-153" → the code point ranges it names. */
export function parseUnicodeRange(list: string): Range[] {
  return list.split(',').map((part) => {
    const p = part.trim().replace(/^U\+/i, '');
    if (p.includes('?'))
      return [Number.parseInt(p.replaceAll('?', '0'), 16), Number.parseInt(p.replaceAll('?', 'F'), 16)];
    const [from = '', to = from] = p.split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
}

const covers = (ranges: readonly Range[], code: number): boolean => ranges.some(([a, b]) => code >= a && code <= b);

/**
 * Drops @font-face rules from the bundled CSS (fonts.css reaches the bundle through @import, so this works on the
 * output; the dropped files then never get inlined):
 * - the CJK subsets: "Noto Sans SC Subset" in the font lists falls through to the device's CJK font;
 * - the Latin Extended faces of Atkinson Hyperlegible Next (about 20 kB): no text of the app (catalogues, scenes,
 *   code) uses a character only they draw. The build checks that, so text that starts to need them fails it.
 */
function withoutUnusedFonts(): Plugin {
  return {
    name: 'calcium-routes:without-unused-fonts',
    // "post": after Vite has written the CSS file; still before vite-plugin-singlefile (enforce: 'post') inlines it.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        let cjk = 0;
        const kept: Range[] = [];
        const dropped: Range[] = [];
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
          file.source = String(file.source).replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
            if (rule.includes('Noto Sans SC Subset')) {
              cjk++;
              return '';
            }
            const ranges = parseUnicodeRange(/unicode-range:\s*([^;}]+)/.exec(rule)?.[1] ?? 'U+0-10FFFF');
            if (covers(ranges, 'a'.charCodeAt(0))) {
              kept.push(...ranges);
              return rule;
            }
            dropped.push(...ranges);
            return '';
          });
        }
        if (cjk === 0) this.error('No CJK @font-face found to drop: update vite.single.config.ts');
        const needed = new Set<string>();
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk') continue;
          for (const ch of file.code) {
            const code = ch.codePointAt(0) ?? 0;
            if (code > 0xff && covers(dropped, code) && !covers(kept, code)) needed.add(ch);
          }
        }
        if (needed.size > 0) {
          this.error(
            `Text uses characters of the Latin Extended font, left out of the single file: ${[...needed].join(' ')}`,
          );
        }
      },
    },
  };
}

/**
 * Stores the Spanish and Chinese catalogues without their keys (about 37 kB less): each becomes a list of strings
 * in the order of the English catalogue's keys (bundled anyway), zipped back into the same object when the
 * language loads. A file that is not a flat object of strings is left as it is, so the app reports it as before.
 */
function compactCatalogues(): Plugin {
  const prefix = '\0calcium-routes:catalogue:';
  const catalogue = /[\\/]src[\\/]i18n[\\/](?!en[\\/])[^\\/]+[\\/]([^\\/]+\.json)$/;
  return {
    name: 'calcium-routes:compact-catalogues',
    enforce: 'pre',
    resolveId: {
      filter: { id: /\.json$/ },
      async handler(source, importer, options) {
        if (!importer) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || !catalogue.test(resolved.id)) return null;
        return `${prefix}${resolved.id}.js`;
      },
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const file = id.slice(prefix.length, -'.js'.length);
      const english = join(dirname(dirname(file)), 'en', basename(file));
      const text = readFileSync(file, 'utf8');
      const data: unknown = JSON.parse(text);
      const flat = (o: unknown): o is Record<string, string> =>
        typeof o === 'object' &&
        o !== null &&
        !Array.isArray(o) &&
        Object.values(o).every((v) => typeof v === 'string');
      if (!flat(data) || !existsSync(english)) return `export default ${text};`;
      const keys = Object.keys(JSON.parse(readFileSync(english, 'utf8')) as object);
      // 0 marks a string this language lacks (the app then uses English, as with the plain file).
      const values = keys.map((k) => (Object.hasOwn(data, k) ? data[k] : 0));
      const extra = Object.fromEntries(Object.entries(data).filter(([k]) => !keys.includes(k)));
      return [
        `import en from ${JSON.stringify(english)};`,
        `const v = ${JSON.stringify(values)};`,
        'const out = {};',
        'Object.keys(en).forEach((k, i) => { if (v[i] !== 0) out[k] = v[i]; });',
        `export default Object.assign(out, ${JSON.stringify(extra)});`,
      ].join('\n');
    },
  };
}

/** Puts the favicon into the page as a data: URL (Vite leaves files linked from index.html as files). */
function inlineIcon(): Plugin {
  const href = './assets/icon.svg';
  return {
    name: 'calcium-routes:inline-icon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(`href="${href}"`))
          throw new Error(`index.html no longer links ${href}: update vite.single.config.ts`);
        const svg = readFileSync(new URL(href, import.meta.url), 'utf8').trim();
        return html.replace(`href="${href}"`, `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    ...appPlugins(),
    leanPixi(),
    compactCatalogues(),
    withoutUnusedFonts(),
    inlineIcon(),
    viteSingleFile(),
    singleFileCsp(SINGLE_FILE),
  ],
  // Written beside the site (which `vite build` has just made), so the hosted site can offer it as a download.
  publicDir: false,
  build: {
    target: BUILD_TARGET,
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    // One file has nothing to preload.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
