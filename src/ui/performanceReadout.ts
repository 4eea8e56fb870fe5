/**
 * The "Performance" section of the Preferences dialog: how fast this device draws the map and what the adaptive
 * budget is drawing, in words. Made once by main.ts and handed to each page built (a language switch rebuilds the
 * page), so it re-renders its words from the catalogue on every update.
 */
import { formatNumber, formatPercent, t } from '../i18n';
import type { BudgetLevel } from '../render/frameBudget';
import { h } from './dom';

export interface PerformanceState {
  /** Median frame time of the last measured window, ms; NaN before one has been measured. */
  readonly medianMs: number;
  readonly level: BudgetLevel;
  /** Calcium per model packet, mg. */
  readonly packetMg: number;
  /** True when the packet size was fixed by the address (?packetMg=…): the budget is then off. */
  readonly fixed: boolean;
}

export interface PerformanceReadout {
  readonly element: HTMLElement;
  show(state: PerformanceState): void;
}

export function createPerformanceReadout(): PerformanceReadout {
  const title = h('h3', { class: 'prefs-legend' });
  const speed = h('p', {});
  const detail = h('p', {});
  const note = h('p', { class: 'prefs-note muted' });
  const element = h('section', { class: 'prefs-group prefs-performance' }, title, speed, detail, note);
  return {
    element,
    show(state) {
      title.textContent = t('perf.title');
      speed.textContent = Number.isNaN(state.medianMs)
        ? t('perf.notMeasured')
        : t('perf.frames', { fps: formatNumber(Math.min(240, 1000 / state.medianMs)) });
      const { packetStride, resolutionScale } = state.level;
      detail.textContent = t(packetStride === 1 ? 'perf.allPackets' : 'perf.somePackets', {
        stride: packetStride,
        mg: formatNumber(state.packetMg * packetStride),
        resolution: formatPercent(resolutionScale),
      });
      note.textContent = t(state.fixed ? 'perf.fixed' : 'perf.note');
    },
  };
}
