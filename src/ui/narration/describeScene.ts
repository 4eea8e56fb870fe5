/**
 * The described scene: what a sighted student takes in at a glance, in a few sentences a screen reader can read
 * at any moment — the places on the map, whether time is running, the habit being tried, today's flows so far and
 * what vitamin K has switched on. Pure: it turns a snapshot into sentences; the page decides when to show them.
 */
import { formatPercent, t } from '../../i18n';
import type { Inputs } from '../../model/inputs';
import { serumStatus } from '../../model/physiology';
import type { YearPoint } from '../../model/years';
import type { DaySummary } from '../../session/dayRecord';
import { formatMg, formatSerum } from '../format';

export interface SceneSnapshot {
  readonly view: 'day' | 'years';
  readonly running: boolean;
  readonly speed: 'slow' | 'normal' | 'fast';
  /** "Day 2, 07:30" or "Age 52", as the toolbar shows it. */
  readonly clock: string;
  readonly inputs: Inputs;
  /** B's habit while comparing, else null. */
  readonly compare: Inputs | null;
  readonly packetMg: number;
  readonly carboxylatedOsteocalcin: number;
  readonly activeMgp: number;
  readonly today?: DaySummary | undefined;
  readonly latestYear?: YearPoint | null | undefined;
  readonly startAge?: number | undefined;
}

export function describeScene(s: SceneSnapshot): string[] {
  const sentences = [t('describe.map', { packetMg: formatMg(s.packetMg) })];
  sentences.push(
    t(s.running ? 'describe.running' : 'describe.paused', { clock: s.clock, speed: t(`time.speed.${s.speed}`) }),
  );
  sentences.push(t(s.compare ? 'describe.habitA' : 'describe.habit', { habit: describeHabit(s.inputs) }));
  if (s.compare) sentences.push(t('describe.habitB', { habit: describeHabit(s.compare) }));
  if (s.view === 'day' && s.today) {
    const today = s.today;
    const status = serumStatus(today.serumNow);
    sentences.push(
      today.eaten > 0
        ? t('describe.today', {
            eaten: formatMg(today.eaten),
            absorbed: formatMg(today.absorbed),
            urine: formatMg(today.urine),
            bone: formatMg(today.boneIn - today.boneOut),
          })
        : t('describe.today.noMeal'),
    );
    sentences.push(t(`describe.serum.${status}`, { serum: formatSerum(today.serumNow) }));
  }
  if (s.view === 'years') {
    const latest = s.latestYear;
    sentences.push(
      latest
        ? t('describe.years', {
            age: latest.ageYears,
            bone: formatPercent(latest.bonePercentOfStart / 100, 1),
            artery: formatMg(latest.arteryMg),
          })
        : t('describe.years.start', { age: s.startAge ?? s.inputs.ageYears }),
    );
  }
  sentences.push(
    s.inputs.mgpAbsent
      ? t('describe.proteins.noMgp', { osteocalcin: formatPercent(s.carboxylatedOsteocalcin) })
      : t('describe.proteins', {
          mgp: formatPercent(s.activeMgp),
          osteocalcin: formatPercent(s.carboxylatedOsteocalcin),
        }),
  );
  return sentences;
}

/** "1,000 mg/day calcium, vitamin D3 1,000 IU/day, …" — every setting, in the order of the sliders. */
export function describeHabit(inputs: Inputs): string {
  const parts = [
    t('describe.part.calcium', { value: t('unit.mgPerDay', { value: inputs.calciumMgPerDay }) }),
    t('describe.part.d3', { value: t('unit.iuPerDay', { value: inputs.d3IuPerDay }) }),
    t('describe.part.k2', {
      value: t('unit.ugPerDay', { value: inputs.k2UgPerDay }),
      form: t(`control.k2Form.${inputs.k2Form}`),
    }),
    t('describe.part.k1', { value: t('unit.ugPerDay', { value: inputs.k1UgPerDay }) }),
    t('describe.part.person', { age: inputs.ageYears, sex: t(`control.sex.${inputs.sex}`) }),
  ];
  if (inputs.warfarin) parts.push(t('describe.part.warfarin'));
  if (inputs.mgpAbsent) parts.push(t('describe.part.noMgp'));
  return parts.join(t('describe.separator'));
}
