/**
 * The chart model: everything an SVG line chart needs, worked out without a DOM so it can be tested in Node.
 * Chart-specific builders (day, years) describe data, axes and words; this turns them into coordinates, path
 * strings and label positions. Coordinates are in viewBox units.
 */
import { t } from '../../i18n';
import { estimateTextWidth, spreadLabels } from './labels';
import { linePath, markerPath, type Point, stepPath } from './paths';
import { linearScale } from './scale';
import { DIMMED_OPACITY, HIGHLIGHT_WIDTH_FACTOR, type LineStyle } from './styles';

/** All charts share one viewBox, so text and strokes come out the same size in equal-width containers. */
export const VIEW_WIDTH = 440;
export const VIEW_HEIGHT = 250;
/** Text size in viewBox units: about 14 px when the chart is drawn 400 px wide. */
export const FONT_SIZE = 16;
export const LABEL_GAP = FONT_SIZE + 2;
export const MARKER_RADIUS = 4.5;

export interface Margins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly format: (value: number) => string;
}

export interface SeriesInput {
  readonly key: string;
  /** Data-space points, in x order. */
  readonly points: readonly Point[];
  readonly style: LineStyle;
  readonly width: number;
  readonly stepped?: boolean;
  /** Text at the line's end, or null for none. */
  readonly label: string | null;
  /** Put a marker each time the line passes a multiple of this many x units (and always at its end). */
  readonly markerEvery?: number;
}

export interface ChartInput {
  readonly title: string;
  readonly summary: string;
  readonly margins: Margins;
  readonly x: Axis;
  readonly y: Axis;
  readonly xCaption: string;
  readonly yCaption: string;
  readonly series: readonly SeriesInput[];
  readonly band?: { readonly from: number; readonly to: number; readonly label: string; readonly colour: string };
  readonly highlighted?: string | null;
}

export interface TickView {
  readonly value: number;
  readonly position: number;
  readonly label: string;
}

export interface LabelView {
  readonly text: string;
  readonly x: number;
  /** Centre line of the text. */
  readonly y: number;
  /** The line end the label belongs to, for a leader line when the label had to move. */
  readonly anchorX: number;
  readonly anchorY: number;
}

export interface SeriesView {
  readonly key: string;
  readonly path: string;
  readonly markers: string;
  readonly colour: string;
  readonly dash: string;
  readonly width: number;
  readonly opacity: number;
  readonly emphasis: 'normal' | 'highlighted' | 'dimmed';
  readonly label: LabelView | null;
}

export interface BandView {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly colour: string;
  readonly label: string;
  readonly labelX: number;
  readonly labelY: number;
}

export interface ChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: Rect;
  readonly xTicks: readonly TickView[];
  readonly yTicks: readonly TickView[];
  readonly xCaption: string;
  readonly yCaption: string;
  readonly series: readonly SeriesView[];
  readonly band: BandView | null;
  /** "No data yet" while there is nothing to draw, otherwise null. */
  readonly emptyText: string | null;
  /** Where the empty text is centred: mid-plot, or above a band that would otherwise run through it. */
  readonly emptyAt: Point;
  readonly title: string;
  readonly summary: string;
  /** Title and summary together, for the <svg>'s accessible name. */
  readonly ariaLabel: string;
}

/** How a series is drawn while `highlighted` (a key or null) is highlighted. */
export function emphasis(
  key: string,
  highlighted: string | null | undefined,
): { emphasis: SeriesView['emphasis']; opacity: number; widthFactor: number } {
  if (highlighted == null) return { emphasis: 'normal', opacity: 1, widthFactor: 1 };
  if (key === highlighted) return { emphasis: 'highlighted', opacity: 1, widthFactor: HIGHLIGHT_WIDTH_FACTOR };
  return { emphasis: 'dimmed', opacity: DIMMED_OPACITY, widthFactor: 1 };
}

/** Points at which markers go: the first to reach each multiple of `every` past the start, and the last. */
export function markerPoints(points: readonly Point[], every: number | undefined, origin: number): Point[] {
  const usable = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const last = usable[usable.length - 1];
  if (!last) return [];
  const out: Point[] = [];
  if (every !== undefined && every > 0) {
    let next = origin + every;
    for (const p of usable) {
      if (p.x < next - 1e-9) continue;
      if (p !== last) out.push(p);
      while (next <= p.x + 1e-9) next += every;
    }
  }
  out.push(last);
  return out;
}

export function buildChart(input: ChartInput): ChartModel {
  const { margins } = input;
  const plot: Rect = {
    left: margins.left,
    top: margins.top,
    right: VIEW_WIDTH - margins.right,
    bottom: VIEW_HEIGHT - margins.bottom,
  };
  const sx = linearScale([input.x.min, input.x.max], [plot.left, plot.right]);
  const sy = linearScale([input.y.min, input.y.max], [plot.bottom, plot.top]);
  const toView = (p: Point): Point => ({ x: sx(p.x), y: sy(p.y) });

  const drawn = input.series.map((s) => {
    const view = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map(toView);
    return { input: s, view, end: view[view.length - 1] };
  });

  const labelled = drawn.filter((d) => d.end !== undefined && d.input.label !== null);
  const labelYs = spreadLabels(
    labelled.map((d) => ({ y: (d.end as Point).y })),
    LABEL_GAP,
    plot.top,
    plot.bottom,
  );
  const labels = new Map<string, LabelView>();
  labelled.forEach((d, i) => {
    const end = d.end as Point;
    const text = d.input.label as string;
    // Labels sit just past the line's current end; near the right edge they slide left rather than spill out.
    const x = Math.min(end.x + MARKER_RADIUS + 6, VIEW_WIDTH - 2 - estimateTextWidth(text, FONT_SIZE));
    labels.set(d.input.key, { text, x, y: labelYs[i] ?? end.y, anchorX: end.x, anchorY: end.y });
  });

  const series: SeriesView[] = drawn.map(({ input: s, view }) => {
    const look = emphasis(s.key, input.highlighted);
    const markers = markerPoints(s.points, s.markerEvery, input.x.min)
      .map((p) => markerPath(s.style.marker, sx(p.x), sy(p.y), MARKER_RADIUS * Math.sqrt(look.widthFactor)))
      .join('');
    return {
      key: s.key,
      path: s.stepped ? stepPath(view) : linePath(view),
      markers,
      colour: s.style.colour,
      dash: s.style.dash,
      width: s.width * look.widthFactor,
      opacity: look.opacity,
      emphasis: look.emphasis,
      label: labels.get(s.key) ?? null,
    };
  });

  const ticks = (axis: Axis, scale: (v: number) => number): TickView[] =>
    axis.ticks.map((value) => ({ value, position: scale(value), label: axis.format(value) }));

  let band: BandView | null = null;
  if (input.band) {
    const top = sy(Math.min(input.y.max, Math.max(input.band.from, input.band.to)));
    const bottom = sy(Math.max(input.y.min, Math.min(input.band.from, input.band.to)));
    band = {
      x: plot.left,
      y: top,
      width: plot.right - plot.left,
      height: Math.max(0, bottom - top),
      colour: input.band.colour,
      label: input.band.label,
      labelX: plot.left + 6,
      labelY: top + FONT_SIZE,
    };
  }

  const empty = drawn.every((d) => d.view.length === 0);
  const middle = (plot.top + plot.bottom) / 2;
  const bandCovers = band !== null && band.y - FONT_SIZE < middle && band.y + band.height + FONT_SIZE > middle;
  const emptyAt = { x: (plot.left + plot.right) / 2, y: bandCovers && band ? (plot.top + band.y) / 2 : middle };
  return {
    width: VIEW_WIDTH,
    height: VIEW_HEIGHT,
    plot,
    xTicks: ticks(input.x, sx),
    yTicks: ticks(input.y, sy),
    xCaption: input.xCaption,
    yCaption: input.yCaption,
    series,
    band,
    emptyText: empty ? t('chart.noData') : null,
    emptyAt,
    title: input.title,
    summary: input.summary,
    ariaLabel: t('chart.aria', { title: input.title, summary: input.summary }),
  };
}
