/**
 * Vite plugin for the hosted build: makes the site an installable app that works offline after the first visit.
 *
 * - index.html gets the web app manifest link, theme colours, an Apple touch icon and the service worker's
 *   registration (src/pwa/registerServiceWorker.ts, bundled with the app);
 * - dist/manifest.webmanifest names the app and its icons (assets/icons/*.png, made from assets/icon.svg by
 *   scripts/app-icons.ts and committed);
 * - dist/sw.js is src/pwa/serviceWorker.js with this build's list of files and a version computed from their
 *   contents, so every release that changes a byte installs a fresh cache and drops the old one.
 *
 * Build only: the dev server and the browser tests' dev server never register a worker (it would serve stale
 * modules). Everything is same-origin.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const MANIFEST_FILE = 'manifest.webmanifest';
export const SERVICE_WORKER_FILE = 'sw.js';
/** The light and dark page backgrounds (--bg in src/ui/styles/themes.css). */
const LIGHT_BG = '#f7f4ee';
const DARK_BG = '#121519';
const REGISTER_MODULE = './src/pwa/registerServiceWorker.ts';
const TEMPLATE_BUILD = "const BUILD = { version: 'dev', files: [] };";

interface Icon {
  readonly file: string;
  readonly sizes: string;
  readonly purpose: 'any' | 'maskable';
}
const ICONS: readonly Icon[] = [
  { file: 'icon-192.png', sizes: '192x192', purpose: 'any' },
  { file: 'icon-512.png', sizes: '512x512', purpose: 'any' },
  { file: 'icon-maskable-512.png', sizes: '512x512', purpose: 'maskable' },
];

export interface PwaOptions {
  /** The project root (where assets/ and src/ are). */
  readonly root: string;
}

/** Files the service worker downloads on install: the whole built app but source maps. */
export function precacheFiles(fileNames: readonly string[]): string[] {
  return fileNames.filter((name) => !name.endsWith('.map') && name !== SERVICE_WORKER_FILE).sort();
}

export function installableApp({ root }: PwaOptions): Plugin {
  const iconRefs = new Map<string, string>();
  return {
    name: 'calcium-routes:pwa',
    apply: 'build',
    transformIndexHtml: {
      // "pre", so Vite bundles the registration module with the app like any script in index.html.
      order: 'pre',
      handler: () => [
        { tag: 'script', attrs: { type: 'module', src: REGISTER_MODULE }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'theme-color', content: LIGHT_BG }, injectTo: 'head' },
        {
          tag: 'meta',
          attrs: { name: 'theme-color', content: DARK_BG, media: '(prefers-color-scheme: dark)' },
          injectTo: 'head',
        },
      ],
    },
    buildStart() {
      for (const icon of ICONS) {
        const source = readFileSync(join(root, 'assets/icons', icon.file));
        iconRefs.set(icon.file, this.emitFile({ type: 'asset', name: icon.file, source }));
      }
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const iconUrl = (file: string): string => {
          const ref = iconRefs.get(file);
          if (!ref) throw new Error(`Icon ${file} was not emitted`);
          return this.getFileName(ref);
        };
        const manifest = {
          id: './',
          name: 'Calcium Routes',
          short_name: 'Calcium',
          description:
            'An interactive teaching simulation of where dietary calcium goes in the body, and how vitamin D3 and vitamin K shape it.',
          lang: 'en',
          dir: 'ltr',
          start_url: './',
          scope: './',
          display: 'standalone',
          background_color: LIGHT_BG,
          theme_color: LIGHT_BG,
          categories: ['education'],
          icons: ICONS.map((icon) => ({
            src: iconUrl(icon.file),
            sizes: icon.sizes,
            type: 'image/png',
            purpose: icon.purpose,
          })),
        };
        const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
        this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: manifestText });

        // The page links the manifest and the touch icon here, after Vite has written its own tags.
        const page = bundle['index.html'];
        if (page?.type !== 'asset') this.error('The hosted build has no index.html');
        const links =
          `    <link rel="manifest" href="./${MANIFEST_FILE}" />\n` +
          `    <link rel="apple-touch-icon" href="./${iconUrl('icon-maskable-512.png')}" />\n`;
        const html = String(page.source);
        const head = /\n?([ \t]*)<\/head>/.exec(html);
        if (!head) this.error('index.html has no </head>');
        page.source = `${html.slice(0, head.index)}\n${links}${head[1] ?? ''}</head>${html.slice(head.index + head[0].length)}`;

        const contents = new Map<string, string | Uint8Array>();
        for (const file of Object.values(bundle)) {
          contents.set(file.fileName, file.type === 'chunk' ? file.code : file.source);
        }
        contents.set(MANIFEST_FILE, manifestText);
        const files = precacheFiles([...contents.keys()]);
        const hash = createHash('sha256');
        for (const name of files)
          hash
            .update(name)
            .update('\0')
            .update(contents.get(name) ?? '')
            .update('\0');
        const version = hash.digest('hex').slice(0, 16);

        const template = readFileSync(join(root, 'src/pwa/serviceWorker.js'), 'utf8');
        if (!template.includes(TEMPLATE_BUILD)) this.error('src/pwa/serviceWorker.js has lost its BUILD line');
        const worker = template.replace(TEMPLATE_BUILD, `const BUILD = ${JSON.stringify({ version, files })};`);
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: worker });
      },
    },
  };
}
