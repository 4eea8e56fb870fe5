/**
 * Words shown to people. Every string lives in a locale catalogue (src/i18n/<locale>/*.json), looked up by key,
 * with named placeholders ("{value} mg") so translators can reorder a sentence; code never glues words together.
 * Catalogues are split by area so that separate parts of the app can grow their strings without touching each
 * other's files.
 */
import access from './en/access.json';
import charts from './en/charts.json';
import claims from './en/claims.json';
import compare from './en/compare.json';
import content from './en/content.json';
import exportStrings from './en/export.json';
import lesson from './en/lesson.json';
import share from './en/share.json';
import ui from './en/ui.json';

export type Params = Readonly<Record<string, string | number>>;
type Catalogue = Readonly<Record<string, string>>;

const ENGLISH: Catalogue = Object.freeze({
  ...ui,
  ...content,
  ...charts,
  ...claims,
  ...exportStrings,
  ...lesson,
  ...share,
  ...compare,
  ...access,
});

let catalogue: Catalogue = ENGLISH;
let locale = 'en';
let numberLocale = 'en';

/** The BCP 47 tag of the language on screen (the page's `lang`). */
export function currentLocale(): string {
  return locale;
}

/** The English strings, the fallback for every other language. */
export function englishCatalogue(): Catalogue {
  return ENGLISH;
}

/**
 * Makes a language current: its strings, with English for any key it lacks. `formatAs` is the locale for numbers
 * and lists when the tag itself is not one Intl knows (the long-string test locale formats as English).
 */
export function useCatalogue(tag: string, strings: Catalogue, formatAs = tag): void {
  locale = tag;
  numberLocale = formatAs;
  catalogue = Object.freeze({ ...ENGLISH, ...strings });
}

export function hasKey(key: string): boolean {
  return key in catalogue;
}

/**
 * The string for `key` with `{name}` placeholders filled from `params`. Numbers are formatted for the current
 * locale. An unknown key returns the key itself in brackets, so a gap is visible on screen and in tests, never a
 * crash.
 */
export function t(key: string, params?: Params): string {
  const template = catalogue[key];
  if (template === undefined) return `⟦${key}⟧`;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A number for people: grouped thousands, at most `maxDigits` decimals, formatted for the current locale. */
export function formatNumber(value: number, maxDigits = 0, minDigits = 0): string {
  const id = `${numberLocale}|${maxDigits}|${minDigits}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale, {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
    });
    formatters.set(id, format);
  }
  return format.format(value);
}

/** A share (0–1) as a whole-number percentage for the current locale, e.g. "27 %" in English house style. */
export function formatPercent(share: number, digits = 0): string {
  return t('unit.percent', { value: formatNumber(100 * share, digits, digits) });
}
