/** The years view's two charts: bone mineral and the illustrative artery-wall index. */
import type { YearPoint } from '../../model/years';
import type { YearsSeriesKey } from './styles';
import { createSvgChart } from './svgChart';
import { buildArteryChart, buildBoneChart } from './yearsChartModel';

export interface YearsCharts {
  readonly element: HTMLElement;
  /** `startAge` is the age when the run began (the YearPoints start a year later); `endAge` where it will stop. */
  update(series: readonly YearPoint[], startAge: number, endAge: number): void;
  highlight(key: YearsSeriesKey | null): void;
  destroy(): void;
}

export interface YearsChartOptions {
  onHover?: (key: YearsSeriesKey | null) => void;
}

export function createYearsCharts(container: HTMLElement, options: YearsChartOptions = {}): YearsCharts {
  const element = document.createElement('div');
  element.className = 'calcium-charts calcium-charts--years';
  const { onHover } = options;
  const hover = onHover ? (key: string | null) => onHover(key === 'bone' || key === 'artery' ? key : null) : undefined;
  const bone = createSvgChart('years-bone', hover);
  const artery = createSvgChart('years-artery', hover);
  element.append(bone.element, artery.element);

  let series: readonly YearPoint[] = [];
  let start = 0;
  let end = 1;
  let highlighted: YearsSeriesKey | null = null;
  const render = (): void => {
    bone.render(buildBoneChart(series, start, end, highlighted));
    artery.render(buildArteryChart(series, start, end, highlighted));
  };
  render();
  container.append(element);

  return {
    element,
    update(next, startAge, endAge) {
      series = next;
      start = startAge;
      end = endAge;
      render();
    },
    highlight(key) {
      if (key === highlighted) return;
      highlighted = key;
      render();
    },
    destroy() {
      element.remove();
    },
  };
}
