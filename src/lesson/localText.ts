/** Scene text in the current language, falling back to its base language and then to English. */
import { currentLocale } from '../i18n';
import { LONG_TEST_LANGUAGE } from '../i18n/languages';
import type { LocalText } from './sceneSchema';

export function localText(text: LocalText, locale = currentLocale()): string {
  // The long-string test locale doubles scene text too, so lesson panels are tried at twice English's length.
  if (locale === LONG_TEST_LANGUAGE) return `${text.en} ${text.en}`;
  const base = locale.split('-')[0] ?? 'en';
  return text[locale] ?? text[base] ?? text.en;
}
