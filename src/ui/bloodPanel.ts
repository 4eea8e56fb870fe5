/**
 * The readouts inside the blood loop: blood calcium against its normal band, the two hormones that hold it there,
 * vitamin D status and how much osteocalcin and MGP vitamin K has switched on. In the years view: age, bone and
 * the artery index. Numbers and words in HTML; the gauges also carry their value in text.
 */
import { formatNumber, formatPercent, t } from '../i18n';
import { P } from '../model/params';
import { type SerumStatus, serumStatus } from '../model/physiology';
import { type VitaminDStatus, vitaminDStatus } from '../model/vitaminD';
import type { YearPoint } from '../model/years';
import { arteryIllustrativeLabel } from './content/notices';
import { h, setText } from './dom';
import { evidenceBadge } from './evidenceBadges';
import { formatMg, formatSerum } from './format';

export interface BloodReadings {
  readonly serum: number;
  readonly pth: number;
  readonly calcitriol: number;
  readonly d25: number;
  readonly carboxylated: number;
  readonly mgpAbsent: boolean;
  /** "Lunch: 350 mg of calcium eaten", shown for a while after each meal; empty otherwise. */
  readonly meal: string;
}

export interface BloodPanel {
  readonly element: HTMLElement;
  showDay(r: BloodReadings): void;
  showYears(latest: YearPoint | null, startAge: number): void;
}

const SERUM_SCALE = { low: P.serumModelLow.value, high: P.serumModelHigh.value };

function gauge(): { element: HTMLElement; set(share: number): void } {
  const marker = h('span', { class: 'gauge-marker' });
  const element = h('span', { class: 'gauge', 'aria-hidden': 'true' }, marker);
  return {
    element,
    set(share) {
      marker.style.left = `${Math.min(100, Math.max(0, share * 100)).toFixed(1)}%`;
    },
  };
}

export function createBloodPanel(): BloodPanel {
  const serumValue = h('strong', { class: 'big-value' });
  const serumStatusText = h('span', { class: 'status' });
  const serumGauge = gauge();
  const band = h('span', { class: 'gauge-band' });
  const bandLeft = (P.serumNormalLow.value - SERUM_SCALE.low) / (SERUM_SCALE.high - SERUM_SCALE.low);
  const bandWidth = (P.serumNormalHigh.value - P.serumNormalLow.value) / (SERUM_SCALE.high - SERUM_SCALE.low);
  band.style.left = `${bandLeft * 100}%`;
  band.style.width = `${bandWidth * 100}%`;
  serumGauge.element.prepend(band);

  const pthValue = h('span', { class: 'reading-value' });
  const calcitriolValue = h('span', { class: 'reading-value' });
  const d25Value = h('span', { class: 'reading-value' });
  const kValue = h('span', { class: 'reading-value' });
  const meal = h('p', { class: 'meal', hidden: true });

  const reading = (label: string, value: HTMLElement, extra: Node | null, badge: HTMLElement): HTMLElement =>
    h('div', { class: 'reading' }, h('span', { class: 'reading-label', text: label }), value, extra, badge);

  const dayBox = h(
    'div',
    { class: 'blood-day' },
    h(
      'div',
      { class: 'serum' },
      h('span', { class: 'reading-label', text: t('blood.serum') }),
      h('span', { class: 'serum-line' }, serumValue, serumStatusText),
      serumGauge.element,
      h('span', {
        class: 'gauge-caption',
        text: t('blood.serum.band', {
          low: formatNumber(P.serumNormalLow.value, 1, 1),
          high: formatNumber(P.serumNormalHigh.value, 1, 1),
        }),
      }),
    ),
    reading(t('blood.pth'), pthValue, null, evidenceBadge('pthFeedback', t('blood.pth'))),
    reading(t('blood.calcitriol'), calcitriolValue, null, evidenceBadge('activeAbsorption', t('blood.calcitriol'))),
    reading(t('blood.d25'), d25Value, null, evidenceBadge('vitaminDActivation', t('blood.d25'))),
    reading(t('blood.vitaminK'), kValue, null, evidenceBadge('vitaminKCycle', t('blood.vitaminK'))),
    meal,
  );

  const ageValue = h('strong', { class: 'big-value' });
  const boneValue = h('span', { class: 'reading-value' });
  const arteryValue = h('span', { class: 'reading-value' });
  const yearsBox = h(
    'div',
    { class: 'blood-years', hidden: true },
    h('div', { class: 'serum' }, h('span', { class: 'reading-label', text: t('years.age') }), ageValue),
    reading(t('years.bone'), boneValue, null, evidenceBadge('boneRemodelling', t('years.bone'))),
    reading(
      t('years.artery'),
      arteryValue,
      h('span', { class: 'row-note', text: arteryIllustrativeLabel() }),
      evidenceBadge('mgpInhibits', t('years.artery')),
    ),
    h('p', { class: 'muted', text: t('years.note') }),
  );

  const element = h('div', { class: 'blood-panel' }, dayBox, yearsBox);
  return {
    element,
    showDay(r) {
      dayBox.hidden = false;
      yearsBox.hidden = true;
      setText(serumValue, formatSerum(r.serum));
      setText(serumStatusText, t(`blood.serum.status.${serumStatus(r.serum) satisfies SerumStatus}`));
      serumGauge.set((r.serum - SERUM_SCALE.low) / (SERUM_SCALE.high - SERUM_SCALE.low));
      setText(pthValue, t('blood.relative', { value: formatNumber(r.pth, 1, 1) }));
      setText(calcitriolValue, t('blood.relative', { value: formatNumber(r.calcitriol, 1, 1) }));
      const status: VitaminDStatus = vitaminDStatus(r.d25);
      setText(d25Value, t('blood.d25.value', { value: formatNumber(r.d25), status: t(`blood.d25.status.${status}`) }));
      setText(
        kValue,
        r.mgpAbsent
          ? t('blood.vitaminK.valueNoMgp', { value: formatPercent(r.carboxylated) })
          : t('blood.vitaminK.value', { value: formatPercent(r.carboxylated) }),
      );
      setText(meal, r.meal);
      meal.hidden = r.meal === '';
    },
    showYears(latest, startAge) {
      dayBox.hidden = true;
      yearsBox.hidden = false;
      setText(ageValue, t('years.ageValue', { age: formatNumber(latest?.ageYears ?? startAge) }));
      setText(boneValue, formatPercent((latest?.bonePercentOfStart ?? 100) / 100, 1));
      setText(arteryValue, formatMg(latest?.arteryMg ?? 0));
    },
  };
}
