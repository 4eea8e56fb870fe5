/**
 * The language files: Spanish and Simplified Chinese are complete (every English key, the same placeholders, no
 * extra keys) in the app's strings and in every scene; loading a language switches strings and number formats;
 * a broken catalogue falls back to English string by string and says what was wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chineseCharacters } from '../../scripts/subset-cjk-font';
import { checkCatalogue } from '../../src/i18n/checkCatalogue';
import { currentLocale, englishCatalogue, formatNumber, t, useCatalogue } from '../../src/i18n/index';
import { LANGUAGES, LONG_TEST_LANGUAGE, loadLanguage, matchLanguage, resolveLanguage } from '../../src/i18n/languages';

const I18N = join(import.meta.dirname, '../../src/i18n');
const SCENES = join(import.meta.dirname, '../../scenes');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

afterEach(() => useCatalogue('en', {}));

describe('catalogues', () => {
  const englishFiles = readdirSync(join(I18N, 'en')).sort();
  for (const { tag } of LANGUAGES.filter((l) => l.tag !== 'en')) {
    it(`${tag} has every English file and string, with English's placeholders`, () => {
      expect(readdirSync(join(I18N, tag)).sort()).toEqual(englishFiles);
      for (const file of englishFiles) {
        const english = readJson(join(I18N, 'en', file)) as Record<string, string>;
        const translated = readJson(join(I18N, tag, file)) as Record<string, unknown>;
        expect(checkCatalogue(english, translated, `${tag}/${file}`).problems).toEqual([]);
        // A "translation" that is still the English sentence is a gap too (codes and names may stay).
        const same = Object.keys(english).filter(
          (k) => english[k] === translated[k] && /[a-z]{4,} [a-z]{4,}/.test(english[k] ?? ''),
        );
        expect(same, `${tag}/${file} strings left in English`).toEqual([]);
      }
    });
  }

  it('gives every scene text a Spanish and a Chinese version', () => {
    const gaps: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.en === 'string') {
          for (const tag of ['es', 'zh-Hans']) {
            if (typeof record[tag] !== 'string' || record[tag] === '') gaps.push(`${path}.${tag}`);
          }
          return;
        }
        for (const [key, v] of Object.entries(record)) walk(v, `${path}.${key}`);
      }
    };
    const files = readdirSync(SCENES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) walk(readJson(join(SCENES, file)), file);
    expect(gaps).toEqual([]);
  });
});

describe('checkCatalogue', () => {
  const english = { a: 'Hello {name}', b: 'Plain', c: 'Two {x} {y}' };
  it('keeps good strings and drops, with a reason, missing, empty, non-text and mis-placeheld ones', () => {
    const result = checkCatalogue(english, { a: 'Hola {nombre}', b: '  ', c: 'Dos {y} {x}', z: 'extra' }, 'xx');
    expect(result.strings).toEqual({ c: 'Dos {y} {x}' });
    expect(result.problems).toEqual([
      'xx: 1 strings empty or not text (b)',
      'xx: 1 strings with other placeholders than English (a)',
      'xx: 1 strings English does not have (z)',
    ]);
    expect(checkCatalogue(english, { a: 'Hola {name}', c: 7 }, 'yy').problems).toEqual([
      'yy: 1 strings missing (b)',
      'yy: 1 strings empty or not text (c)',
    ]);
  });
});

describe('choosing a language', () => {
  it('matches the device list by tag, then by base language, else English', () => {
    expect(matchLanguage(['es-MX', 'en'])).toBe('es');
    expect(matchLanguage(['fr', 'zh-CN'])).toBe('zh-Hans');
    expect(matchLanguage(['zh-Hans-SG'])).toBe('zh-Hans');
    expect(matchLanguage(['fr', 'de'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
    expect(resolveLanguage('auto', ['es'])).toBe('es');
    expect(resolveLanguage('zh-Hans', ['es'])).toBe('zh-Hans');
    expect(resolveLanguage('tlh', ['es'])).toBe('en');
    expect(resolveLanguage(LONG_TEST_LANGUAGE, [])).toBe(LONG_TEST_LANGUAGE);
  });

  it('loads Spanish and Chinese with their words and number formats, and back to English', async () => {
    expect(await loadLanguage('es')).toEqual({ tag: 'es', problems: [] });
    expect(currentLocale()).toBe('es');
    expect(t('scenes.open')).toBe('Escenas');
    expect(formatNumber(12345.6, 1)).toBe('12.345,6');
    expect(await loadLanguage('zh-Hans')).toEqual({ tag: 'zh-Hans', problems: [] });
    expect(t('scenes.open')).toBe('情景');
    expect(t('unit.percent', { value: 45 })).toBe('45%');
    expect(await loadLanguage('en')).toEqual({ tag: 'en', problems: [] });
    expect(t('scenes.open')).toBe('Scenes');
    expect(formatNumber(12345.6, 1)).toBe('12,345.6');
  });

  it('doubles every string in the long-string test locale, placeholders and all', async () => {
    await loadLanguage(LONG_TEST_LANGUAGE);
    expect(t('scenes.open')).toBe('Scenes Scenes');
    expect(t('unit.mg', { value: 5 })).toBe('5 mg 5 mg');
    const english = englishCatalogue();
    expect(Object.entries(english).every(([key, text]) => t(key) === `${text} ${text}`)).toBe(true);
  });

  it('falls back to English, with a reason, for a language it does not have', async () => {
    const loaded = await loadLanguage('fr');
    expect(loaded.tag).toBe('en');
    expect(loaded.problems).toEqual(['No language "fr"; English is used.']);
    expect(t('scenes.open')).toBe('Scenes');
  });
});

describe('the Chinese font subset', () => {
  it('has every character the Chinese text uses (run `npm run fonts:cjk` after changing Chinese text)', () => {
    const covered = new Set(readFileSync(join(I18N, '../../assets/fonts/noto-sans-sc-subset.characters.txt'), 'utf8'));
    const missing = chineseCharacters().filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
  });
});
