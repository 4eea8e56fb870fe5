/**
 * Which theme is on screen: the stored preference, or for "auto" the device's settings (more contrast → projector,
 * else dark mode → dark, else light). The theme is written to <html data-theme="…">, which selects the CSS tokens
 * (src/ui/styles/themes.css), and handed to a callback so the Pixi maps can redraw in it (MapScene.setTheme and
 * PixiStage.setBackground). Before this runs, the CSS itself follows the device, so the first paint is right.
 */
import type { MapTheme } from '../render/palette';
import type { PreferenceStore } from './preferenceStore';
import type { Theme } from './preferences';

export type ResolvedTheme = MapTheme;

export interface ThemeMedia {
  /** prefers-color-scheme: dark */
  readonly dark: boolean;
  /** prefers-contrast: more */
  readonly moreContrast: boolean;
}

export const DARK_QUERY = '(prefers-color-scheme: dark)';
export const MORE_CONTRAST_QUERY = '(prefers-contrast: more)';

/** The theme to show for a preference and the device's settings. */
export function resolveTheme(preference: Theme, media: ThemeMedia): ResolvedTheme {
  if (preference !== 'auto') return preference;
  if (media.moreContrast) return 'projector';
  return media.dark ? 'dark' : 'light';
}

/** What installTheme touches; the page's own by default (tests pass stand-ins). */
export interface ThemeEnvironment {
  matchMedia(query: string): Pick<MediaQueryList, 'matches' | 'addEventListener'>;
  readonly root: HTMLElement;
}

function pageEnvironment(): ThemeEnvironment {
  return { matchMedia: (query) => window.matchMedia(query), root: document.documentElement };
}

/**
 * Sets data-theme on the root element now and whenever the preference or the device's settings change, and calls
 * `onTheme` with the theme each time it changes (once straight away with the starting theme).
 */
export function installTheme(
  store: PreferenceStore,
  onTheme: (theme: ResolvedTheme) => void,
  env: ThemeEnvironment = pageEnvironment(),
): void {
  const dark = env.matchMedia(DARK_QUERY);
  const moreContrast = env.matchMedia(MORE_CONTRAST_QUERY);
  let shown: ResolvedTheme | null = null;
  const apply = (): void => {
    const theme = resolveTheme(store.get().theme, { dark: dark.matches, moreContrast: moreContrast.matches });
    if (theme === shown) return;
    shown = theme;
    env.root.dataset.theme = theme;
    onTheme(theme);
  };
  dark.addEventListener('change', apply);
  moreContrast.addEventListener('change', apply);
  store.listen(apply);
  apply();
}

/** The theme on screen now (data-theme), or what the CSS falls back to before installTheme has run. */
export function documentTheme(env: ThemeEnvironment = pageEnvironment()): ResolvedTheme {
  const set = env.root.dataset.theme;
  if (set === 'light' || set === 'dark' || set === 'projector') return set;
  return resolveTheme('auto', {
    dark: env.matchMedia(DARK_QUERY).matches,
    moreContrast: env.matchMedia(MORE_CONTRAST_QUERY).matches,
  });
}
