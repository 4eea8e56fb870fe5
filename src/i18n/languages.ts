/**
 * The languages the app speaks, how the device's language picks one on a first visit, and loading a language's
 * catalogues on demand. English is bundled (it is every other language's fallback); the others are separate chunks
 * fetched only when chosen, so a class working in English never downloads Chinese.
 */
import { checkCatalogue } from './checkCatalogue';
import { englishCatalogue, useCatalogue } from './index';

export interface Language {
  /** BCP 47 tag, e.g. "zh-Hans". */
  readonly tag: string;
  /** The language's name in that language, as its speakers look for it in a list. */
  readonly name: string;
}

export const LANGUAGES: readonly Language[] = Object.freeze([
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
  { tag: 'zh-Hans', name: '简体中文' },
]);

/**
 * A test locale, never offered in the menu: every English string said twice. Translations run up to about twice
 * the length of English (German, Finnish, some Spanish labels), so a layout that survives this survives them.
 */
export const LONG_TEST_LANGUAGE = 'en-XA';

/** The preference value that means "use the device's language". */
export const AUTO_LANGUAGE = 'auto';

/**
 * The supported language that best fits the device's list (navigator.languages, most wanted first): an exact tag,
 * then the same base language ("es-MX" → "es"; any Chinese → Simplified Chinese, the only Chinese script we have).
 * English when nothing fits.
 */
export function matchLanguage(wanted: readonly string[]): string {
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    const exact = LANGUAGES.find((l) => l.tag.toLowerCase() === lower);
    if (exact) return exact.tag;
    const base = lower.split('-')[0];
    const sameBase = LANGUAGES.find((l) => l.tag.toLowerCase().split('-')[0] === base);
    if (sameBase) return sameBase.tag;
  }
  return 'en';
}

/** The tag to show for a stored preference: "auto" follows the device; an unknown tag falls back to English. */
export function resolveLanguage(preference: string, deviceLanguages: readonly string[]): string {
  if (preference === AUTO_LANGUAGE) return matchLanguage(deviceLanguages);
  if (preference === LONG_TEST_LANGUAGE) return preference;
  return LANGUAGES.some((l) => l.tag === preference) ? preference : 'en';
}

type CatalogueModule = { readonly default: unknown };
// One lazy chunk per catalogue file; English is imported statically by ./index.
const FILES = import.meta.glob<CatalogueModule>(['./*/*.json', '!./en/*.json']);

export interface LoadedLanguage {
  readonly tag: string;
  /** What was wrong with the language's files (each bad or missing string falls back to English). */
  readonly problems: readonly string[];
}

/**
 * Loads a language's catalogues and makes it current. Never rejects: a file that fails to load or parse, a
 * missing string, a wrong placeholder — each is listed in `problems` and English is used in its place.
 */
export async function loadLanguage(tag: string): Promise<LoadedLanguage> {
  if (tag === LONG_TEST_LANGUAGE) {
    useCatalogue(tag, doubled(englishCatalogue()), 'en');
    return { tag, problems: [] };
  }
  if (tag === 'en' || !LANGUAGES.some((l) => l.tag === tag)) {
    useCatalogue('en', {});
    return { tag: 'en', problems: tag === 'en' ? [] : [`No language "${tag}"; English is used.`] };
  }
  const prefix = `./${tag}/`;
  const loaders = Object.entries(FILES).filter(([path]) => path.startsWith(prefix));
  const problems: string[] = [];
  const merged: Record<string, unknown> = {};
  await Promise.all(
    loaders.map(async ([path, load]) => {
      try {
        const module = await load();
        const data = module.default;
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
          problems.push(`${path.slice(2)}: not an object of strings`);
          return;
        }
        Object.assign(merged, data);
      } catch (error) {
        problems.push(`${path.slice(2)}: could not be loaded (${error instanceof Error ? error.message : error})`);
      }
    }),
  );
  const checked = checkCatalogue(englishCatalogue(), merged, tag);
  useCatalogue(tag, checked.strings);
  return { tag, problems: [...problems, ...checked.problems] };
}

/** Every string twice, placeholders included, so numbers appear where they would. */
function doubled(strings: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) out[key] = `${value} ${value}`;
  return out;
}
