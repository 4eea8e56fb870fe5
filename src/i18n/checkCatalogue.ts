/**
 * Checks a translated catalogue against English before it is used. A translation is only usable when it is a
 * string with exactly English's placeholders: a dropped "{value}" would show a sentence without its number, an
 * extra one would show braces. Anything unusable is left out (English shows instead) and described.
 */
export interface CheckedCatalogue {
  readonly strings: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function placeholdersOf(text: string): string {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1])
    .sort()
    .join(',');
}

/** Problems are summarised per kind (a missing file would otherwise print hundreds of lines). */
export function checkCatalogue(
  english: Readonly<Record<string, string>>,
  translated: Readonly<Record<string, unknown>>,
  tag: string,
): CheckedCatalogue {
  const strings: Record<string, string> = {};
  const missing: string[] = [];
  const notText: string[] = [];
  const wrongPlaceholders: string[] = [];
  const unknown: string[] = [];
  for (const [key, source] of Object.entries(english)) {
    if (!Object.hasOwn(translated, key)) {
      missing.push(key);
      continue;
    }
    const value = translated[key];
    if (typeof value !== 'string' || value.trim() === '') notText.push(key);
    else if (placeholdersOf(value) !== placeholdersOf(source)) wrongPlaceholders.push(key);
    else strings[key] = value;
  }
  for (const key of Object.keys(translated)) if (!Object.hasOwn(english, key)) unknown.push(key);
  const problems: string[] = [];
  const list = (keys: string[]): string => keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
  if (missing.length > 0) problems.push(`${tag}: ${missing.length} strings missing (${list(missing)})`);
  if (notText.length > 0) problems.push(`${tag}: ${notText.length} strings empty or not text (${list(notText)})`);
  if (wrongPlaceholders.length > 0) {
    problems.push(
      `${tag}: ${wrongPlaceholders.length} strings with other placeholders than English (${list(wrongPlaceholders)})`,
    );
  }
  if (unknown.length > 0) problems.push(`${tag}: ${unknown.length} strings English does not have (${list(unknown)})`);
  return { strings, problems };
}
