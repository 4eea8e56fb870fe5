/**
 * The export toolbar under the charts: "Download data (CSV)" for the current view, and one "copy image" button per
 * visible chart, named by the chart's title, plus a polite status line that says what happened.
 *
 * Why a button per chart rather than one "Copy chart as image" button: each view shows two charts, and a single
 * button would need a second step (a menu or a "which chart?" question) that is slower for everyone and more to get
 * right for keyboard and screen-reader users. A button per chart is one press, its name says which chart it copies,
 * and it works for any number of charts. The buttons live in this toolbar, not inside the charts' figures, so the
 * chart components stay untouched and the export actions sit together in one place in the tab order.
 */
import { t } from '../../i18n';
import type { View } from '../../machines/clock';
import type { Inputs } from '../../model/inputs';
import type { YearPoint } from '../../model/years';
import { h, setText, uid } from '../dom';
import { chartTitle, copyChartImage } from './chartImage';
import { csvFileName, type DayCsvMeta, type DayRunsInput, dayCsv, type RunsInput, yearsCsv } from './csv';
import { downloadText } from './download';

export interface DayExport {
  /** Today's points (DayRecord.points), or labelled runs `[{ label: 'A', points }, …]` in compare mode. */
  readonly points: DayRunsInput;
  readonly meta: DayCsvMeta;
}

export interface ExportControlsOptions {
  getView(): View;
  /** The day series; read only when the data are downloaded in the day view. */
  getDay(): DayExport;
  /** The years series (LifeCourse.series), or labelled runs in compare mode. */
  getYears(): RunsInput<YearPoint>;
  /** The inputs behind the data, for file names: one set, or one per condition in compare mode. */
  getInputs(): Inputs | readonly Inputs[];
  /**
   * The charts' <svg> elements, e.g. `chartsBox.querySelectorAll('svg')`. Charts inside a hidden element (the other
   * view's) are skipped, so all of them may be passed every time.
   */
  getCharts(): Iterable<SVGSVGElement>;
}

export interface ExportControls {
  readonly element: HTMLElement;
  /** Brings the chart buttons in line with the visible charts; cheap when nothing changed, so call it freely. */
  refresh(): void;
}

/** Long enough for screen readers to notice the status was cleared before the same message comes again. */
const REANNOUNCE_DELAY_MS = 100;

function isShown(svg: SVGSVGElement): boolean {
  return svg.isConnected && svg.closest('[hidden]') === null;
}

function chartName(svg: SVGSVGElement): string | undefined {
  return (svg.closest('figure') as HTMLElement | null)?.dataset.chart;
}

export function createExportControls(opts: ExportControlsOptions): ExportControls {
  const csvButton = h('button', { type: 'button', class: 'btn btn-quiet', text: t('export.csv.button') });
  const chartsLabelId = uid('export-charts');
  const chartButtons = h('span', { class: 'export-chart-buttons' });
  const chartGroup = h(
    'div',
    { class: 'export-charts', role: 'group', 'aria-labelledby': chartsLabelId },
    h('span', { id: chartsLabelId, class: 'export-label', text: t('export.chart.label') }),
    chartButtons,
  );
  const status = h('p', { class: 'export-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const element = h(
    'div',
    { class: 'export-controls', role: 'group', 'aria-label': t('export.group') },
    h('div', { class: 'export-actions' }, csvButton, chartGroup),
    status,
  );

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const announce = (message: string): void => {
    // Clear first, so the same message twice in a row is announced twice.
    clearTimeout(announceTimer);
    setText(status, '');
    announceTimer = setTimeout(() => setText(status, message), REANNOUNCE_DELAY_MS);
  };

  csvButton.addEventListener('click', () => {
    try {
      const view = opts.getView();
      const inputs = opts.getInputs();
      let name: string;
      let text: string;
      if (view === 'day') {
        const { points, meta } = opts.getDay();
        text = dayCsv(points, meta);
        name = csvFileName('day', inputs, { day: meta.day });
      } else {
        text = yearsCsv(opts.getYears());
        name = csvFileName('years', inputs);
      }
      downloadText(name, text);
      announce(t('export.csv.done', { name }));
    } catch {
      announce(t('export.csv.failed'));
    }
  });

  const buttons = new Map<SVGSVGElement, HTMLButtonElement>();
  const busy = new Set<SVGSVGElement>();

  const copy = (svg: SVGSVGElement): void => {
    if (busy.has(svg)) return;
    busy.add(svg);
    const view = opts.getView();
    const chart = chartName(svg);
    const fileName = csvFileName(view, opts.getInputs(), { extension: 'png', ...(chart ? { chart } : {}) });
    // Started synchronously inside the click, as the clipboard requires.
    copyChartImage(svg, { fileName })
      .then((outcome) =>
        announce(outcome === 'copied' ? t('export.chart.copied') : t('export.chart.downloaded', { name: fileName })),
      )
      .catch(() => announce(t('export.chart.failed')))
      .finally(() => busy.delete(svg));
  };

  const buttonFor = (svg: SVGSVGElement): HTMLButtonElement => {
    let button = buttons.get(svg);
    if (!button) {
      button = h('button', { type: 'button', class: 'btn btn-quiet export-chart' });
      const target = svg;
      button.addEventListener('click', () => copy(target));
      buttons.set(svg, button);
    }
    return button;
  };

  const refresh = (): void => {
    const shown = [...opts.getCharts()].filter(isShown);
    shown.forEach((svg, i) => {
      const button = buttonFor(svg);
      const title = chartTitle(svg) || t('export.chart.untitled', { number: i + 1 });
      setText(button, title);
      // The visible title starts the name's second half, so voice control ("click Blood calcium") still works.
      const label = t('export.chart.button', { title });
      if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
    });
    const wanted = shown.map(buttonFor);
    const current = [...chartButtons.children];
    if (wanted.length !== current.length || wanted.some((b, i) => b !== current[i])) {
      // Only buttons that leave are removed; one that stays keeps focus.
      for (const child of current) if (!wanted.includes(child as HTMLButtonElement)) child.remove();
      for (const button of wanted) chartButtons.append(button);
    }
    for (const svg of [...buttons.keys()]) if (!svg.isConnected) buttons.delete(svg);
    chartGroup.hidden = wanted.length === 0;
  };
  refresh();

  return { element, refresh };
}
