/**
 * Theme tokens meet WCAG contrast: read straight from src/ui/styles/themes.css (and the map palette in
 * src/render/palette.ts), every text colour reaches 4.5:1 and every meaningful non-text colour (control borders,
 * slider track, focus ring, chart series, map highlight and symbols) 3:1 against the backgrounds it is drawn on, in
 * each theme. Also: the first-paint fallbacks repeat the themes exactly, the map legend's CSS colours match the
 * canvas palette, and no stylesheet hard-codes a colour outside the token file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_THEMES, type MapTheme, PALETTES } from '../../src/render/palette';

const STYLES = new URL('../../src/ui/styles/', import.meta.url);
const CSS = readFileSync(new URL('themes.css', STYLES), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

type Tokens = ReadonlyMap<string, string>;

/** The custom properties declared in the first rule whose selector (after any at-rule prelude) matches `selector`. */
function block(selector: RegExp): Tokens {
  const match = selector.exec(CSS);
  if (!match) throw new Error(`themes.css has no block ${selector}`);
  const open = CSS.indexOf('{', match.index + match[0].length - 1);
  const close = CSS.indexOf('}', open);
  const tokens = new Map<string, string>();
  for (const m of CSS.slice(open + 1, close).matchAll(/(--[\w-]+|color-scheme)\s*:\s*([^;]+);/g)) {
    tokens.set(m[1] as string, (m[2] as string).trim());
  }
  return tokens;
}

const ALIASES = block(/(?:^|\n)\s*:root\s*\{/);
const THEMES: Record<MapTheme, Tokens> = {
  light: block(/:root,\s*:root\[data-theme="light"\]\s*\{/),
  dark: block(/:root\[data-theme="dark"\]\s*\{/),
  projector: block(/:root\[data-theme="projector"\]\s*\{/),
};
const FALLBACK_DARK = block(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-theme\]\)\s*\{/);
const FALLBACK_PROJECTOR = block(/@media \(prefers-contrast: more\)\s*\{\s*:root:not\(\[data-theme\]\)\s*\{/);

type Rgba = readonly [number, number, number, number];

function parseColour(value: string): Rgba {
  const v = value.trim().toLowerCase();
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (m) {
    const hex = (m[1] as string).length === 3 ? [...(m[1] as string)].map((c) => c + c).join('') : (m[1] as string);
    return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).concat(1) as unknown as Rgba;
  }
  m = /^rgb\(\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*(?:\/\s*([\d.]+)\s*)?\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  throw new Error(`not a colour this test reads: ${value}`);
}

/** A token's value in a theme, following var() aliases. */
function token(theme: MapTheme, name: string): string {
  const value = THEMES[theme].get(name) ?? ALIASES.get(name);
  if (value === undefined) throw new Error(`--${name} is not set for ${theme}`);
  const alias = /^var\((--[\w-]+)\)$/.exec(value);
  return alias ? token(theme, alias[1] as string) : value;
}

/** A colour drawn over an opaque background (alpha composited). */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] as number) * a + (under[i] as number) * (1 - a)).concat(1) as unknown as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (n: number): string => `#${n.toString(16).padStart(6, '0')}`;
/** A colour given as a token name (starting "--"), a palette number or a CSS colour string. */
type Paint = string | number;
function resolve(theme: MapTheme, paint: Paint): Rgba {
  if (typeof paint === 'number') return parseColour(hex(paint));
  return parseColour(paint.startsWith('--') ? token(theme, paint) : paint);
}

interface Pair {
  readonly what: string;
  readonly fg: Paint;
  /** Backgrounds it sits on; a translucent foreground or background is composited over the next opaque one. */
  readonly bg: readonly Paint[];
  readonly min: 4.5 | 3;
}

/** Ratio of fg on bg; a translucent bg (a label plate) is laid over `base` first. */
function ratio(theme: MapTheme, fg: Paint, bg: Paint, base: Paint): number {
  const back = over(resolve(theme, bg), resolve(theme, base));
  return contrast(over(resolve(theme, fg), back), back);
}

/** Fills of the map a label plate or symbol can sit on, per theme. */
function mapFills(theme: MapTheme): number[] {
  const p = PALETTES[theme];
  return [p.background, p.panel, p.boneFluid, p.boneMatrix, p.arteryWall, p.kidney, p.filtrate, p.bloodFill, p.lumen];
}

const PAGE = ['--bg', '--panel'];
const TEXT: readonly Pair[] = [
  {
    what: 'body text',
    fg: '--ink',
    bg: [...PAGE, '--hover-bg', '--warn-bg', '--summary-bg', '--notable-bg'],
    min: 4.5,
  },
  {
    what: 'body text on tints',
    fg: '--ink',
    bg: ['--row-highlight', '--done-bg', '--answer-bg', '--meal-bg'],
    min: 4.5,
  },
  { what: 'muted text', fg: '--muted', bg: [...PAGE, '--summary-bg', '--notable-bg', '--row-highlight'], min: 4.5 },
  { what: 'muted text on notices', fg: '--muted', bg: ['--warn-bg', '--answer-bg'], min: 4.5 },
  { what: 'chosen segment', fg: '--ink-inverse', bg: ['--ink'], min: 4.5 },
  { what: 'primary button', fg: '--accent-ink', bg: ['--accent', '--accent-hover'], min: 4.5 },
  { what: 'current lesson step', fg: '--accent-ink', bg: ['--accent'], min: 4.5 },
  { what: 'warnings', fg: '--danger', bg: [...PAGE, '--warn-bg'], min: 4.5 },
  { what: 'established badge', fg: '--grade-established', bg: PAGE, min: 4.5 },
  { what: 'partly supported verdict', fg: '--grade-partly', bg: PAGE, min: 4.5 },
  { what: 'debated badge', fg: '--grade-debated', bg: PAGE, min: 4.5 },
  { what: 'hypothesis badge', fg: '--grade-hypothesis', bg: PAGE, min: 4.5 },
  { what: 'contradicted verdict', fg: '--grade-contradicted', bg: PAGE, min: 4.5 },
  { what: 'unverified verdict', fg: '--grade-unverified', bg: PAGE, min: 4.5 },
];

const NON_TEXT: readonly Pair[] = [
  { what: 'control borders', fg: '--ink', bg: [...PAGE, '--hover-bg'], min: 3 },
  { what: 'focus ring', fg: '--focus', bg: [...PAGE, '--warn-bg'], min: 3 },
  // Sliders sit only on panels (the controls column, the compare editor).
  { what: 'slider track', fg: '--slider-track', bg: ['--panel'], min: 3 },
  { what: 'slider thumb and checked switch', fg: '--accent', bg: PAGE, min: 3 },
  { what: 'switch knob (off)', fg: '--ink', bg: ['--track-off'], min: 3 },
  { what: 'switch knob (on)', fg: '--accent-ink', bg: ['--accent'], min: 3 },
  { what: 'toxic zone stripes', fg: '--zone-toxic', bg: ['--zone-toxic-bg', '--panel'], min: 3 },
  { what: 'correct answer frame', fg: '--answer', bg: PAGE, min: 3 },
  { what: 'gauge outline', fg: '--gauge-edge', bg: ['--plate'], min: 3 },
  { what: 'gauge marker', fg: '--ink', bg: ['--gauge-bg', '--band', '--band-stripe'], min: 3 },
  { what: 'normal band edge', fg: '--band-edge', bg: ['--gauge-bg'], min: 3 },
  ...['absorbed', 'faeces', 'urine', 'bone-in', 'bone-out', 'artery', 'eaten', 'serum'].map(
    (key): Pair => ({ what: `chart series ${key}`, fg: `--series-${key}`, bg: ['--chart-background'], min: 3 }),
  ),
  { what: 'compare A', fg: '--compare-a', bg: ['--chart-background'], min: 3 },
  { what: 'compare B', fg: '--compare-b', bg: ['--chart-background'], min: 3 },
];

describe.each(MAP_THEMES)('the %s theme', (theme) => {
  const check = (pairs: readonly Pair[], base: Paint = '--panel') => {
    const failures: string[] = [];
    for (const pair of pairs) {
      for (const bg of pair.bg) {
        const r = ratio(theme, pair.fg, bg, base);
        if (r < pair.min) failures.push(`${pair.what}: ${pair.fg} on ${bg} is ${r.toFixed(2)}:1 (needs ${pair.min})`);
      }
    }
    return failures;
  };

  it('has text at 4.5:1 or more on every background it uses', () => {
    expect(check(TEXT)).toEqual([]);
  });

  it('has meaningful non-text colours at 3:1 or more', () => {
    expect(check(NON_TEXT)).toEqual([]);
  });

  it('keeps map words readable on their plates and on bare tissue, and the map symbols visible', () => {
    const failures: string[] = [];
    const p = PALETTES[theme];
    for (const fill of mapFills(theme)) {
      const plate = over(resolve(theme, '--plate'), resolve(theme, fill));
      const need = (what: string, fg: Paint, back: Rgba, min: number): void => {
        const r = contrast(over(resolve(theme, fg), back), back);
        if (r < min) failures.push(`${what} over ${hex(fill)}: ${r.toFixed(2)}:1 (needs ${min})`);
      };
      need('region name on its plate', '--ink', plate, 4.5);
      need('sub-label on its plate', '--map-ink-soft', plate, 4.5);
      need('evidence badge on a plate', '--grade-debated', plate, 4.5);
      need('highlighted label frame', '--highlight', plate, 3);
    }
    // Sub-labels with no plate sit on the gut panel and in the kidney.
    for (const fill of [p.panel, p.kidney, p.filtrate]) {
      const back = resolve(theme, fill);
      const r = contrast(resolve(theme, '--map-ink-soft'), back);
      if (r < 4.5) failures.push(`bare sub-label on ${hex(fill)}: ${r.toFixed(2)}:1`);
    }
    const visible = (what: string, colours: readonly Paint[], fills: readonly number[]): void => {
      for (const fill of fills) {
        const best = Math.max(...colours.map((c) => contrast(resolve(theme, c), resolve(theme, fill))));
        if (best < 3) failures.push(`${what} on ${hex(fill)}: ${best.toFixed(2)}:1`);
      }
    };
    visible('packet (fill or rim)', [p.packet, p.packetRim], mapFills(theme));
    // The Glu triangle is a vermilion outline with a thin packetRim edge each side (textures.ts).
    visible(
      'Glu marker (outline or rim)',
      [p.glu, p.packetRim],
      [p.boneFluid, p.boneMatrix, p.arteryWall, p.smoothMuscle],
    );
    visible(
      'Gla marker (fill or rim)',
      [p.gla, p.packetRim],
      [p.boneFluid, p.boneMatrix, p.arteryWall, p.smoothMuscle],
    );
    visible('artery crystal (fill or edge)', [p.crystal, p.crystalEdge], [p.arteryWall, p.smoothMuscle]);
    visible('region highlight ring', [p.highlight], [p.background]);
    visible('panel outlines', [p.panelEdge], [p.background]);
    visible('blood vessel edge', [p.bloodEdge], [p.background, p.bloodFill]);
    expect(failures).toEqual([]);
  });

  it('gives the HTML legend and stage the same colours as the canvas palette', () => {
    const p = PALETTES[theme];
    const same = (name: string, value: string | number) =>
      expect(resolve(theme, name), name).toEqual(resolve(theme, value));
    same('--map-bg', p.background);
    same('--highlight', p.highlight);
    same('--packet', p.packet);
    same('--packet-rim', p.packetRim);
    same('--glu', p.glu);
    same('--gla', p.gla);
    same('--crystal', p.crystal);
    same('--crystal-edge', p.crystalEdge);
  });

  it('sets every token the light theme sets', () => {
    expect([...THEMES[theme].keys()].sort()).toEqual([...THEMES.light.keys()].sort());
  });
});

describe('theme details', () => {
  it('tells the browser which scheme each theme is, for native controls and scrollbars', () => {
    expect(THEMES.light.get('color-scheme')).toBe('light');
    expect(THEMES.dark.get('color-scheme')).toBe('dark');
    expect(THEMES.projector.get('color-scheme')).toBe('light');
  });

  it('draws the projector theme with thick lines and larger type', () => {
    const px = (name: string): number => Number.parseFloat(token('projector', name));
    expect(px('--line')).toBeGreaterThanOrEqual(3);
    expect(px('--focus-width')).toBeGreaterThanOrEqual(3);
    expect(Number(token('projector', '--font-scale'))).toBeGreaterThanOrEqual(1.2);
    expect(Number(token('projector', '--chart-line-scale'))).toBeGreaterThan(1);
    expect(PALETTES.projector.strokeScale).toBeGreaterThanOrEqual(1.8);
    expect(PALETTES.projector.packetRimWidth).toBeGreaterThan(PALETTES.light.packetRimWidth);
    // A light background with near-black ink.
    expect(luminance(resolve('projector', '--bg'))).toBeGreaterThan(0.9);
    expect(luminance(resolve('projector', '--ink'))).toBeLessThan(0.01);
  });

  it('falls back, before the script runs, to exactly the dark and projector tokens', () => {
    expect(Object.fromEntries(FALLBACK_DARK)).toEqual(Object.fromEntries(THEMES.dark));
    expect(Object.fromEntries(FALLBACK_PROJECTOR)).toEqual(Object.fromEntries(THEMES.projector));
  });

  it('keeps colours in the token file: no other stylesheet hard-codes one (the QR code box is white on purpose)', () => {
    const found: string[] = [];
    for (const file of readdirSync(STYLES).filter((f) => f.endsWith('.css') && f !== 'themes.css')) {
      const css = readFileSync(new URL(file, STYLES), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        const selector = (rule[1] as string).trim();
        for (const colour of (rule[2] as string).matchAll(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi)) {
          if (selector === '.share-qr-box' && colour[0].toLowerCase() === '#ffffff') continue;
          found.push(`${file}: ${selector} uses ${colour[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
