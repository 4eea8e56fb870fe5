/** The day view's two charts side by side (or stacked, as the page's CSS decides). */
import { type DayPoint, DESTINATIONS, type DestinationKey } from '../outcomeTypes';
import { buildAmountsChart, buildSerumChart } from './dayChartModel';
import { createSvgChart } from './svgChart';

export interface DayCharts {
  readonly element: HTMLElement;
  update(points: readonly DayPoint[]): void;
  highlight(key: DestinationKey | null): void;
  destroy(): void;
}

export interface DayChartOptions {
  /** Called when the pointer enters (key) or leaves (null) a destination's line or label. */
  onHover?: (key: DestinationKey | null) => void;
}

function isDestination(key: string | null): key is DestinationKey {
  return (DESTINATIONS as readonly (string | null)[]).includes(key);
}

export function createDayCharts(container: HTMLElement, options: DayChartOptions = {}): DayCharts {
  const element = document.createElement('div');
  element.className = 'calcium-charts calcium-charts--day';
  const { onHover } = options;
  const amounts = createSvgChart(
    'day-amounts',
    onHover ? (key) => onHover(isDestination(key) ? key : null) : undefined,
  );
  const serum = createSvgChart('day-serum');
  element.append(amounts.element, serum.element);

  let points: readonly DayPoint[] = [];
  let highlighted: DestinationKey | null = null;
  amounts.render(buildAmountsChart(points, highlighted));
  serum.render(buildSerumChart(points));
  container.append(element);

  return {
    element,
    update(next) {
      points = next;
      amounts.render(buildAmountsChart(points, highlighted));
      serum.render(buildSerumChart(points));
    },
    highlight(key) {
      if (key === highlighted) return;
      highlighted = key;
      amounts.render(buildAmountsChart(points, highlighted));
    },
    destroy() {
      element.remove();
    },
  };
}
