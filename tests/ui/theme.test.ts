/**
 * Choosing the theme: a stored choice wins; "auto" follows the device (more contrast → projector, else dark mode →
 * dark, else light); installTheme keeps <html data-theme> and the maps in step with both. Node, with stand-ins
 * for matchMedia and the root element.
 */
import { describe, expect, it } from 'vitest';
import type { PreferenceStore } from '../../src/ui/preferenceStore';
import { DEFAULT_PREFERENCES, type Preferences, type Theme } from '../../src/ui/preferences';
import {
  DARK_QUERY,
  documentTheme,
  installTheme,
  MORE_CONTRAST_QUERY,
  type ResolvedTheme,
  resolveTheme,
  type ThemeEnvironment,
} from '../../src/ui/theme';

describe('resolveTheme', () => {
  it.each<[Theme, boolean, boolean, ResolvedTheme]>([
    ['auto', false, false, 'light'],
    ['auto', true, false, 'dark'],
    ['auto', false, true, 'projector'],
    ['auto', true, true, 'projector'],
    ['light', true, true, 'light'],
    ['dark', false, true, 'dark'],
    ['projector', true, false, 'projector'],
    ['projector', false, false, 'projector'],
  ])('%s with dark=%s, more contrast=%s → %s', (preference, dark, moreContrast, expected) => {
    expect(resolveTheme(preference, { dark, moreContrast })).toBe(expected);
  });
});

/** A matchMedia whose answers the test can change, telling listeners as a browser would. */
function fakeEnvironment(initial: Record<string, boolean>) {
  const matches = { ...initial };
  const listeners = new Map<string, (() => void)[]>();
  const root = { dataset: {} as DOMStringMap } as HTMLElement;
  const env: ThemeEnvironment = {
    root,
    matchMedia(query) {
      return {
        get matches() {
          return matches[query] ?? false;
        },
        addEventListener(_type: string, listener: () => void) {
          listeners.set(query, [...(listeners.get(query) ?? []), listener]);
        },
      } as Pick<MediaQueryList, 'matches' | 'addEventListener'>;
    },
  };
  const set = (query: string, value: boolean): void => {
    matches[query] = value;
    for (const listener of listeners.get(query) ?? []) listener();
  };
  return { env, root, set };
}

function memoryStore(theme: Theme): PreferenceStore {
  let prefs: Preferences = { ...DEFAULT_PREFERENCES, theme };
  const listeners: ((p: Preferences) => void)[] = [];
  return {
    problems: [],
    get: () => prefs,
    set(next) {
      prefs = next;
      for (const listener of listeners) listener(prefs);
    },
    listen: (listener) => void listeners.push(listener),
  };
}

describe('installTheme', () => {
  it('sets data-theme at once and follows the device settings and the preference', () => {
    const { env, root, set } = fakeEnvironment({ [DARK_QUERY]: false, [MORE_CONTRAST_QUERY]: false });
    const store = memoryStore('auto');
    const seen: ResolvedTheme[] = [];
    installTheme(store, (theme) => seen.push(theme), env);
    expect(root.dataset.theme).toBe('light');
    expect(documentTheme(env)).toBe('light');

    set(DARK_QUERY, true);
    expect(root.dataset.theme).toBe('dark');
    set(MORE_CONTRAST_QUERY, true);
    expect(root.dataset.theme).toBe('projector');
    // A stored choice wins over the device.
    store.set({ ...store.get(), theme: 'dark' });
    expect(root.dataset.theme).toBe('dark');
    // No change, no call.
    set(DARK_QUERY, false);
    store.set({ ...store.get(), speed: 'fast' });
    store.set({ ...store.get(), theme: 'light' });

    expect(seen).toEqual(['light', 'dark', 'projector', 'dark', 'light']);
  });

  it('before installTheme, documentTheme reports what the CSS falls back to', () => {
    const { env } = fakeEnvironment({ [DARK_QUERY]: true, [MORE_CONTRAST_QUERY]: false });
    expect(documentTheme(env)).toBe('dark');
  });
});
