/** Scene text in the current language, falling back to its base language and then to English. */
import { currentLocale } from '../i18n';
import type { LocalText } from './sceneSchema';

export function localText(text: LocalText, locale = currentLocale()): string {
  const base = locale.split('-')[0] ?? 'en';
  return text[locale] ?? text[base] ?? text.en;
}
