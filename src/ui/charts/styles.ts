/**
 * How each line looks. Colour never works alone: every series also has its own dash pattern, marker shape and a
 * text label at its end, so the charts survive colour-blindness, greyscale printing and washed-out projectors.
 * Colours are Okabe–Ito hues given as CSS custom properties (src/ui/styles/themes.css), so each theme has its own
 * variant: darkened just enough to reach 3:1 on white in the light theme, lighter on the dark theme, deeper for the
 * projector. The fallback after the comma is the light theme's value. Because the values are var() expressions, the
 * SVG takes them as style properties, not presentation attributes (see svgChart.ts); the chart-image export copies
 * the computed, resolved colours.
 * The table imports these too, so one destination looks the same everywhere.
 */
import type { DestinationKey } from '../outcomeTypes';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'plus' | 'none';

export interface LineStyle {
  /** Any CSS colour, usually a var() with a fallback; set it as a style property, not an SVG attribute. */
  readonly colour: string;
  /** An SVG stroke-dasharray value in viewBox units; 'none' for a solid line. */
  readonly dash: string;
  readonly marker: MarkerShape;
}

export const DESTINATION_STYLE: Readonly<Record<DestinationKey, LineStyle>> = Object.freeze({
  absorbed: { colour: 'var(--series-absorbed, #0072b2)', dash: 'none', marker: 'circle' },
  faeces: { colour: 'var(--series-faeces, #d55e00)', dash: '10 5', marker: 'square' },
  urine: { colour: 'var(--series-urine, #bf7f00)', dash: '3 4', marker: 'triangle' },
  boneIn: { colour: 'var(--series-bone-in, #009e73)', dash: '14 4 3 4', marker: 'diamond' },
  boneOut: { colour: 'var(--series-bone-out, #3d8fd1)', dash: '6 4', marker: 'triangleDown' },
  artery: { colour: 'var(--series-artery, #cc79a7)', dash: '16 3 3 3 3 3', marker: 'plus' },
});

/** What was eaten is a reference, not a destination: thin, neutral grey, and stepped because meals are events. */
export const EATEN_STYLE: LineStyle = Object.freeze({
  colour: 'var(--series-eaten, #767676)',
  dash: 'none',
  marker: 'none',
});

/** Blood calcium shares the "absorbed" blue: absorbed calcium is calcium that has reached the blood. */
export const SERUM_STYLE: LineStyle = Object.freeze({
  colour: 'var(--series-serum, #0072b2)',
  dash: 'none',
  marker: 'circle',
});
export const NORMAL_BAND_COLOUR = 'var(--series-band, #009e73)';

export type YearsSeriesKey = 'bone' | 'artery';
export const YEARS_STYLE: Readonly<Record<YearsSeriesKey, LineStyle>> = Object.freeze({
  bone: { colour: DESTINATION_STYLE.boneIn.colour, dash: 'none', marker: 'square' },
  artery: { colour: DESTINATION_STYLE.artery.colour, dash: '10 5', marker: 'diamond' },
});

/**
 * Stroke widths in viewBox units; the viewBox is sized so these stay legible when projected. The projector theme
 * multiplies them by --chart-line-scale (see strokeWidth).
 */
export const LINE_WIDTH = 3.5;
export const REFERENCE_LINE_WIDTH = 2;
/** How much thicker a highlighted series gets, and how faint the others become. */
export const HIGHLIGHT_WIDTH_FACTOR = 1.7;
export const DIMMED_OPACITY = 0.25;

/**
 * Compare mode: condition A and condition B. A is a solid blue line with round markers, B a dashed vermillion line
 * with triangles, and each line ends in its letter, so the two never rely on colour alone.
 */
export type CompareCondition = 'a' | 'b';
export const COMPARE_STYLE: Readonly<Record<CompareCondition, LineStyle>> = Object.freeze({
  a: { colour: 'var(--compare-a, #0072b2)', dash: 'none', marker: 'circle' },
  b: { colour: 'var(--compare-b, #d55e00)', dash: '9 5', marker: 'triangle' },
});
/** The light shading between A's and B's lines where they differ noticeably: neutral, so it reads as "the gap". */
export const COMPARE_GAP_COLOUR = 'var(--compare-gap, #767676)';
export const COMPARE_GAP_OPACITY = 0.22;

/** A stroke width as a CSS value that follows the theme's --chart-line-scale (1.5 in the projector theme). */
export function strokeWidth(width: number): string {
  return `calc(var(--chart-line-scale, 1) * ${Math.round(width * 100) / 100}px)`;
}
