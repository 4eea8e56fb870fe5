/**
 * Draws a ChartModel into an <svg>. Elements are made once (tick elements and series groups on first need) and
 * afterwards only their attributes and text change, so updating a few times a second stays cheap and does not
 * disturb focus, hover or screen readers the way rebuilding the markup would.
 */
import { type ChartModel, FONT_SIZE, type SeriesView, type TickView } from './chartModel';
import { strokeWidth } from './styles';

const SVG_NS = 'http://www.w3.org/2000/svg';
type Attrs = Readonly<Record<string, string | number>>;

function svg<K extends keyof SVGElementTagNameMap>(name: K, attrs: Attrs, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  set(node, attrs);
  parent?.append(node);
  return node;
}

/** Writes only what changed: most attributes stay the same from one update to the next. */
function set(node: Element, attrs: Attrs): void {
  for (const [name, raw] of Object.entries(attrs)) {
    const value = typeof raw === 'number' ? String(Math.round(raw * 100) / 100) : raw;
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }
}

/**
 * Writes paint as style properties: series colours are var() expressions that follow the theme, which SVG
 * presentation attributes do not accept. Only what changed is written.
 */
const painted = new WeakMap<SVGElement, Record<string, string>>();
function paint(node: SVGElement, props: Readonly<Record<string, string>>): void {
  let last = painted.get(node);
  if (!last) {
    last = {};
    painted.set(node, last);
  }
  for (const [name, value] of Object.entries(props)) {
    if (last[name] === value) continue;
    last[name] = value;
    node.style.setProperty(name, value);
  }
}

function text(node: Element, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}

/** Text drawn over lines gets a halo in the page background colour, so it stays readable in light and dark mode. */
function halo(node: SVGTextElement): void {
  node.style.paintOrder = 'stroke';
  node.style.stroke = 'var(--chart-background, Canvas)';
  node.style.strokeWidth = '4px';
  node.style.strokeLinejoin = 'round';
}

interface TickElements {
  readonly line: SVGLineElement;
  readonly label: SVGTextElement;
}

/** A series is drawn in two groups: its line below every label, and its label above every line. */
interface SeriesElements {
  readonly group: SVGGElement;
  readonly line: SVGPathElement;
  readonly markers: SVGPathElement;
  readonly labelGroup: SVGGElement;
  readonly leader: SVGLineElement;
  readonly label: SVGTextElement;
}

export interface SvgChart {
  /** A <figure> holding the title and the <svg>. */
  readonly element: HTMLElement;
  render(model: ChartModel): void;
}

/**
 * `name` goes into data-chart for styling and tests. `onSeriesHover` hears the key of a series under the pointer
 * (null when it leaves), so the page can highlight the same destination elsewhere.
 */
export function createSvgChart(name: string, onSeriesHover?: (key: string | null) => void): SvgChart {
  const element = document.createElement('figure');
  element.className = 'calcium-chart';
  element.dataset.chart = name;
  const caption = document.createElement('figcaption');
  caption.className = 'calcium-chart__title';
  const root = svg('svg', { class: 'calcium-chart__svg', role: 'img', 'font-size': FONT_SIZE });
  // Scale with the container's width whatever the page's CSS says; the viewBox fixes the aspect ratio.
  root.style.display = 'block';
  root.style.width = '100%';
  root.style.height = 'auto';
  element.append(caption, root);

  const band = svg('rect', { class: 'calcium-chart__band', 'fill-opacity': 0.16 }, root);
  const bandLabel = svg('text', { class: 'calcium-chart__band-label', fill: 'currentColor' }, root);
  const grid = svg('g', { class: 'calcium-chart__grid', stroke: 'currentColor', 'stroke-opacity': 0.18 }, root);
  const axes = svg('g', { class: 'calcium-chart__axes', fill: 'currentColor' }, root);
  const xAxis = svg('line', { stroke: 'currentColor', 'stroke-width': 1.5 }, axes);
  const yAxis = svg('line', { stroke: 'currentColor', 'stroke-width': 1.5 }, axes);
  const xCaption = svg('text', { 'text-anchor': 'middle' }, axes);
  const yCaption = svg('text', { 'text-anchor': 'start' }, axes);
  const seriesLayer = svg('g', { class: 'calcium-chart__series' }, root);
  const labelLayer = svg('g', { class: 'calcium-chart__labels' }, root);
  const empty = svg(
    'text',
    { class: 'calcium-chart__empty', fill: 'currentColor', 'text-anchor': 'middle', dy: '0.35em' },
    root,
  );

  const xTicks: TickElements[] = [];
  const yTicks: TickElements[] = [];
  const series = new Map<string, SeriesElements>();

  function tickPool(pool: TickElements[], count: number): void {
    while (pool.length < count) {
      pool.push({ line: svg('line', {}, grid), label: svg('text', {}, axes) });
    }
    pool.forEach((tick, i) => {
      const visibility = i < count ? 'visible' : 'hidden';
      set(tick.line, { visibility });
      set(tick.label, { visibility });
    });
  }

  function drawTicks(model: ChartModel): void {
    const { plot } = model;
    tickPool(xTicks, model.xTicks.length);
    model.xTicks.forEach((tick: TickView, i) => {
      const el = xTicks[i] as TickElements;
      set(el.line, { x1: tick.position, x2: tick.position, y1: plot.top, y2: plot.bottom });
      set(el.label, { x: tick.position, y: plot.bottom + FONT_SIZE + 4, 'text-anchor': 'middle' });
      text(el.label, tick.label);
    });
    tickPool(yTicks, model.yTicks.length);
    model.yTicks.forEach((tick: TickView, i) => {
      const el = yTicks[i] as TickElements;
      set(el.line, { x1: plot.left, x2: plot.right, y1: tick.position, y2: tick.position });
      set(el.label, { x: plot.left - 6, y: tick.position, dy: '0.35em', 'text-anchor': 'end' });
      text(el.label, tick.label);
    });
  }

  function seriesElements(key: string): SeriesElements {
    let found = series.get(key);
    if (!found) {
      const group = svg('g', { class: 'calcium-chart__line', 'data-key': key }, seriesLayer);
      const line = svg('path', { fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'butt' }, group);
      const markers = svg('path', { stroke: 'none' }, group);
      const labelGroup = svg('g', { class: 'calcium-chart__end-label', 'data-key': key }, labelLayer);
      const leader = svg('line', { 'stroke-width': 1.5 }, labelGroup);
      const label = svg('text', { class: 'calcium-chart__label', fill: 'currentColor', dy: '0.35em' }, labelGroup);
      halo(label);
      if (onSeriesHover) {
        for (const target of [group, labelGroup]) {
          target.addEventListener('pointerenter', () => onSeriesHover(key));
          target.addEventListener('pointerleave', () => onSeriesHover(null));
        }
      }
      found = { group, line, markers, labelGroup, leader, label };
      series.set(key, found);
    }
    return found;
  }

  function drawSeries(view: SeriesView): void {
    const el = seriesElements(view.key);
    set(el.group, { opacity: view.opacity, 'data-emphasis': view.emphasis });
    set(el.labelGroup, { opacity: view.opacity, 'data-emphasis': view.emphasis });
    set(el.line, { d: view.path, 'stroke-dasharray': view.dash });
    paint(el.line, { stroke: view.colour, 'stroke-width': strokeWidth(view.width) });
    set(el.markers, { d: view.markers });
    paint(el.markers, { fill: view.colour });
    const label = view.label;
    // A leader line only when the label had to move away from its line's end.
    const moved = label !== null && Math.abs(label.y - label.anchorY) > 3;
    set(el.leader, {
      visibility: moved ? 'visible' : 'hidden',
      x1: label?.anchorX ?? 0,
      y1: label?.anchorY ?? 0,
      x2: (label?.x ?? 2) - 2,
      y2: label?.y ?? 0,
    });
    paint(el.leader, { stroke: view.colour });
    set(el.label, {
      visibility: label ? 'visible' : 'hidden',
      x: label?.x ?? 0,
      y: label?.y ?? 0,
      'font-weight': view.emphasis === 'highlighted' ? 'bold' : 'normal',
    });
    text(el.label, label?.text ?? '');
  }

  function render(model: ChartModel): void {
    const { plot } = model;
    set(root, { viewBox: `0 0 ${model.width} ${model.height}`, 'aria-label': model.ariaLabel });
    text(caption, model.title);
    set(xAxis, { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom });
    set(yAxis, { x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom });
    set(xCaption, { x: (plot.left + plot.right) / 2, y: model.height - 6 });
    text(xCaption, model.xCaption);
    set(yCaption, { x: 4, y: plot.top - 12 });
    text(yCaption, model.yCaption);

    const b = model.band;
    set(band, {
      visibility: b ? 'visible' : 'hidden',
      x: b?.x ?? 0,
      y: b?.y ?? 0,
      width: b?.width ?? 0,
      height: b?.height ?? 0,
    });
    paint(band, { fill: b?.colour ?? 'none' });
    set(bandLabel, { visibility: b ? 'visible' : 'hidden', x: b?.labelX ?? 0, y: b?.labelY ?? 0 });
    text(bandLabel, b?.label ?? '');

    drawTicks(model);
    for (const view of model.series) drawSeries(view);

    set(empty, { visibility: model.emptyText ? 'visible' : 'hidden', x: model.emptyAt.x, y: model.emptyAt.y });
    text(empty, model.emptyText ?? '');
  }

  return { element, render };
}
