/**
 * The one-sentence outcome summary under the table. It changes at most once every few seconds, so it can be read
 * while the simulation runs. It is not a live region: the narrator (./narration) speaks the changes that matter,
 * and two voices would talk over each other.
 */
import { formatPercent, t } from '../i18n';
import type { YearPoint } from '../model/years';
import type { DaySummary } from '../session/dayRecord';
import { h } from './dom';
import { formatMg, formatSerum } from './format';

/** Shortest gap between two announcements, ms of real time. */
export const SUMMARY_INTERVAL_MS = 5000;

export interface LiveSummary {
  readonly element: HTMLElement;
  /** Offers a new sentence; it is shown and announced when the throttle allows. `now` is real time in ms. */
  offer(sentence: string, now: number): void;
}

export function daySentence(today: DaySummary): string {
  if (today.eaten <= 0) return t('summary.day.beforeMeals', { serum: formatSerum(today.serumNow) });
  const share = Number.isNaN(today.absorbedShare) ? 0 : today.absorbedShare;
  return t('summary.day', {
    eaten: formatMg(today.eaten),
    absorbed: formatMg(today.absorbed),
    share: formatPercent(share),
    urine: formatMg(today.urine),
    serum: formatSerum(today.serumNow),
  });
}

export function yearsSentence(latest: YearPoint | null, startAge: number): string {
  if (!latest) return t('summary.years.start', { age: startAge });
  return t('summary.years', {
    age: latest.ageYears,
    bone: formatPercent(latest.bonePercentOfStart / 100, 1),
    artery: formatMg(latest.arteryMg),
  });
}

export function createLiveSummary(): LiveSummary {
  const element = h('p', { class: 'live-summary' });
  let shown = '';
  let pending = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    element,
    offer(sentence, now) {
      pending = sentence;
      if (pending === shown || now - lastAt < SUMMARY_INTERVAL_MS) return;
      shown = pending;
      lastAt = now;
      element.textContent = shown;
    },
  };
}
