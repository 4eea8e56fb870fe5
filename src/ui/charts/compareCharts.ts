/**
 * Compare mode's charts: A against B. Day view: calcium absorbed since midnight, and blood calcium; years view: bone
 * mineral and the illustrative artery-wall index. Above them a key says which line is which condition (line style,
 * marker and the inputs that differ), so nothing depends on colour. The gap between the lines is shaded by a path
 * this module adds under each chart's lines; everything else is drawn by the shared SVG chart.
 */
import { t } from '../../i18n';
import type { YearPoint } from '../../model/years';
import type { CompareView, ConditionLabels } from '../compare/differences';
import { h, setText } from '../dom';
import type { DayPoint } from '../outcomeTypes';
import {
  buildCompareAbsorbedChart,
  buildCompareArteryChart,
  buildCompareBoneChart,
  buildCompareSerumChart,
  type CompareAges,
  type CompareChartModel,
  type GapView,
} from './compareChartModel';
import { markerPath } from './paths';
import {
  COMPARE_GAP_COLOUR,
  COMPARE_GAP_OPACITY,
  COMPARE_STYLE,
  type CompareCondition,
  LINE_WIDTH,
  strokeWidth,
} from './styles';
import { createSvgChart } from './svgChart';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface CompareCharts {
  readonly element: HTMLElement;
  /** Day view: both runs' `day.points` (today's samples). Shows the day charts and hides the years charts. */
  update(view: 'day', a: readonly DayPoint[], b: readonly DayPoint[]): void;
  /**
   * Years view: both runs' life-course series. `startAge` is the age the runs began, `endAge` where the axis ends;
   * `startAgeB` only when B began at another age. Shows the years charts and hides the day charts.
   */
  update(
    view: 'years',
    a: readonly YearPoint[],
    b: readonly YearPoint[],
    startAge: number,
    endAge: number,
    startAgeB?: number,
  ): void;
  /** The key's condition descriptions (see conditionLabels); call when either condition's inputs change. */
  setLabels(labels: ConditionLabels): void;
  /** Draws one condition's line thicker and fades the other; null for both alike. */
  highlight(condition: CompareCondition | null): void;
  destroy(): void;
}

export interface CompareChartOptions {
  /** Called when the pointer enters (condition) or leaves (null) a line or its end label. */
  onHover?: (condition: CompareCondition | null) => void;
  /** Initial key descriptions; defaults to plain "A" and "B". */
  labels?: ConditionLabels;
}

interface GapChart {
  readonly element: HTMLElement;
  render(model: CompareChartModel): void;
}

/** A shared SVG chart plus the gap shading, drawn under the lines and over the grid. */
function createGapChart(name: string, onHover?: (key: string | null) => void): GapChart {
  const chart = createSvgChart(name, onHover);
  const root = chart.element.querySelector('svg');
  const gap = document.createElementNS(SVG_NS, 'path');
  gap.setAttribute('class', 'calcium-chart__gap');
  gap.setAttribute('stroke', 'none');
  gap.setAttribute('aria-hidden', 'true');
  root?.insertBefore(gap, root.querySelector('.calcium-chart__series'));
  let gapFill = '';
  const drawGap = (view: GapView): void => {
    const attrs: Record<string, string> = {
      d: view.path,
      'fill-opacity': String(view.opacity),
      visibility: view.path ? 'visible' : 'hidden',
    };
    for (const [key, value] of Object.entries(attrs)) if (gap.getAttribute(key) !== value) gap.setAttribute(key, value);
    // A var() colour that follows the theme: a style property, since SVG attributes do not take var().
    if (gapFill !== view.colour) {
      gapFill = view.colour;
      gap.style.fill = view.colour;
    }
  };
  return {
    element: chart.element,
    render(model) {
      chart.render(model.chart);
      drawGap(model.gap);
    },
  };
}

/** A short sample of a condition's line (dash and marker), for the key. */
function lineSample(condition: CompareCondition): SVGSVGElement {
  const style = COMPARE_STYLE[condition];
  const sample = document.createElementNS(SVG_NS, 'svg');
  sample.setAttribute('viewBox', '0 0 40 12');
  sample.setAttribute('width', '40');
  sample.setAttribute('height', '12');
  sample.setAttribute('aria-hidden', 'true');
  sample.setAttribute('class', 'compare-key__sample');
  const line = document.createElementNS(SVG_NS, 'path');
  line.setAttribute('d', 'M1 6H39');
  line.setAttribute('fill', 'none');
  line.style.stroke = style.colour;
  line.style.strokeWidth = strokeWidth(LINE_WIDTH * 0.8);
  line.setAttribute('stroke-dasharray', style.dash === 'none' ? 'none' : '6 3');
  const marker = document.createElementNS(SVG_NS, 'path');
  marker.setAttribute('d', markerPath(style.marker, 20, 6, 4));
  marker.style.fill = style.colour;
  sample.append(line, marker);
  return sample;
}

function gapSample(): HTMLElement {
  return h('span', {
    class: 'compare-key__gap',
    style: `--gap-colour:${COMPARE_GAP_COLOUR};--gap-opacity:${COMPARE_GAP_OPACITY}`,
    'aria-hidden': 'true',
  });
}

export function createCompareCharts(container: HTMLElement, options: CompareChartOptions = {}): CompareCharts {
  const { onHover } = options;
  const hover = onHover ? (key: string | null) => onHover(key === 'a' || key === 'b' ? key : null) : undefined;

  const keyText: Record<CompareCondition, HTMLElement> = {
    a: h('span', {}),
    b: h('span', {}),
  };
  const key = h(
    'ul',
    { class: 'compare-key', 'aria-label': t('compare.chart.key.title') },
    h('li', {}, lineSample('a'), keyText.a),
    h('li', {}, lineSample('b'), keyText.b),
    h('li', {}, gapSample(), h('span', { text: t('compare.chart.gap') })),
  );

  const absorbed = createGapChart('compare-absorbed', hover);
  const serum = createGapChart('compare-serum', hover);
  const bone = createGapChart('compare-bone', hover);
  const artery = createGapChart('compare-artery', hover);
  const dayBox = h('div', { class: 'calcium-charts calcium-charts--compare-day' }, absorbed.element, serum.element);
  const yearsBox = h(
    'div',
    { class: 'calcium-charts calcium-charts--compare-years', hidden: true },
    bone.element,
    artery.element,
  );
  const element = h('div', { class: 'compare-charts' }, key, dayBox, yearsBox);

  let view: CompareView = 'day';
  let dayA: readonly DayPoint[] = [];
  let dayB: readonly DayPoint[] = [];
  let yearsA: readonly YearPoint[] = [];
  let yearsB: readonly YearPoint[] = [];
  let ages: CompareAges = { startAge: 0, endAge: 1 };
  let highlighted: CompareCondition | null = null;

  const render = (): void => {
    dayBox.hidden = view !== 'day';
    yearsBox.hidden = view !== 'years';
    if (view === 'day') {
      absorbed.render(buildCompareAbsorbedChart(dayA, dayB, highlighted));
      serum.render(buildCompareSerumChart(dayA, dayB, highlighted));
    } else {
      bone.render(buildCompareBoneChart(yearsA, yearsB, ages, highlighted));
      artery.render(buildCompareArteryChart(yearsA, yearsB, ages, highlighted));
    }
  };

  const setLabels = (labels: ConditionLabels): void => {
    setText(keyText.a, t('compare.chart.key.item', { label: labels.a, look: t('compare.chart.key.a') }));
    setText(keyText.b, t('compare.chart.key.item', { label: labels.b, look: t('compare.chart.key.b') }));
  };
  setLabels(options.labels ?? { a: t('compare.name.a'), b: t('compare.name.b') });

  function update(next: 'day', a: readonly DayPoint[], b: readonly DayPoint[]): void;
  function update(
    next: 'years',
    a: readonly YearPoint[],
    b: readonly YearPoint[],
    startAge: number,
    endAge: number,
    startAgeB?: number,
  ): void;
  function update(
    next: CompareView,
    a: readonly DayPoint[] | readonly YearPoint[],
    b: readonly DayPoint[] | readonly YearPoint[],
    startAge?: number,
    endAge?: number,
    startAgeB?: number,
  ): void {
    view = next;
    if (next === 'day') {
      dayA = a as readonly DayPoint[];
      dayB = b as readonly DayPoint[];
    } else {
      yearsA = a as readonly YearPoint[];
      yearsB = b as readonly YearPoint[];
      ages = { startAge: startAge ?? 0, endAge: endAge ?? (startAge ?? 0) + 1, startAgeB };
    }
    render();
  }

  // Both views' charts start drawn (empty), so switching views never shows a blank frame.
  absorbed.render(buildCompareAbsorbedChart([], []));
  serum.render(buildCompareSerumChart([], []));
  bone.render(buildCompareBoneChart([], [], ages));
  artery.render(buildCompareArteryChart([], [], ages));
  container.append(element);

  return {
    element,
    update,
    setLabels,
    highlight(condition) {
      if (condition === highlighted) return;
      highlighted = condition;
      render();
    },
    destroy() {
      element.remove();
    },
  };
}
