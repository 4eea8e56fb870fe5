/**
 * Makes the Simplified Chinese font the app ships: Noto Sans CJK SC cut down to the characters our Chinese text
 * uses (catalogues and scenes), as WOFF2, regular and bold. A full CJK font is 16 MB; the subset is about 130 kB
 * per weight and is only downloaded by a page that shows Chinese (its @font-face has a CJK unicode-range).
 *
 * Run after changing Chinese text: `npm run fonts:cjk`. It needs Debian's fonts-noto-cjk and python3-fonttools
 * (with python3-brotli for WOFF2); the results are committed, so nobody else needs them. A unit test fails when a
 * Chinese string uses a character the subset lacks (it reads the list written beside the fonts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets/fonts');
const SOURCES = [
  { weight: 400, file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  { weight: 700, file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' },
];
/** Index of "Noto Sans CJK SC" in Debian's collections (JP, KR, SC, TC, HK, …). */
const SC_FONT_NUMBER = 2;
/** The characters the subset font is for; Latin text keeps Atkinson Hyperlegible. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/gu;

/** Every CJK character in the Chinese catalogues and the scenes' Chinese text, sorted. */
export function chineseCharacters(root = ROOT): string[] {
  const texts: string[] = [];
  const catalogueDir = join(root, 'src/i18n/zh-Hans');
  for (const file of readdirSync(catalogueDir)) {
    texts.push(...Object.values(JSON.parse(readFileSync(join(catalogueDir, file), 'utf8')) as Record<string, string>));
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'zh-Hans' && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    }
  };
  const sceneDir = join(root, 'scenes');
  for (const file of readdirSync(sceneDir).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(sceneDir, file), 'utf8')));
  }
  const found = new Set<string>();
  // The language menu names Chinese in Chinese in every language.
  for (const text of [...texts, '简体中文']) for (const m of text.matchAll(CJK)) found.add(m[0]);
  return [...found].sort();
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const characters = chineseCharacters();
  writeFileSync(join(OUT, 'noto-sans-sc-subset.characters.txt'), `${characters.join('')}\n`);
  for (const { weight, file } of SOURCES) {
    const out = join(OUT, `noto-sans-sc-subset-${weight}.woff2`);
    execFileSync('/usr/bin/python3', [
      '-m',
      'fontTools.subset',
      file,
      `--font-number=${SC_FONT_NUMBER}`,
      `--text=${characters.join('')}`,
      '--flavor=woff2',
      // No OpenType layout features: the ones Noto CJK has are mostly other regions' glyph forms (locl), which
      // would add ~100 kB of glyphs simplified Chinese text never shows.
      '--layout-features=',
      '--no-hinting',
      `--output-file=${out}`,
    ]);
    console.log(`${out}: ${characters.length} characters`);
  }
}
