/**
 * Fixed notices the app must show (DESIGN.md §1 honesty rules; SCIENCE.md §5): the teaching-model notice, the
 * warfarin message, the "beyond studied intakes" note, the vitamin D toxicity note, and the labels that mark the
 * artery wall as illustrative and its day-view deposits as exaggerated.
 *
 * The warfarin main text is SCIENCE.md §5.3's suggested wording, verbatim: it is the project's spec, and a test
 * compares it word for word. Everything else is in our own words.
 */
import { formatNumber, t } from '../../i18n';
import { INPUT_RANGES } from '../../model/inputs';
import type { SourceKey } from '../../model/sources';
import type { FoodInput } from './foods';

export const NOTICE_KEYS = [
  'teachingModel',
  'warfarin',
  'beyondStudied',
  'd3Toxicity',
  'arteryIllustrative',
  'arteryExaggerated',
  'trueScale',
] as const;

export type NoticeKey = (typeof NOTICE_KEYS)[number];

/** The sources behind each notice, for the sources panel (the teaching-model notice is a framing, not a claim). */
export const NOTICE_SOURCES: Readonly<Record<NoticeKey, readonly SourceKey[]>> = Object.freeze({
  teachingModel: [],
  // §5.3 and the evidence for it: MK-7 at 10-20 µg/day shifted anticoagulation (THEUWISSEN_2013); MK-7 stays in
  // blood for days, so spacing doses cannot help (SCHURGERS_2007); warfarin blocks VKORC1 (IOM_2001).
  warfarin: ['THEUWISSEN_2013', 'SCHURGERS_2007', 'IOM_2001'],
  beyondStudied: ['IOM_2011', 'AVADEC_2022', 'BINKLEY_2002'],
  d3Toxicity: ['PRICE_2000', 'IOM_2011'],
  arteryIllustrative: ['ILLUSTRATIVE', 'LUO_1997', 'PRICE_1998'],
  arteryExaggerated: ['ILLUSTRATIVE'],
  trueScale: ['ILLUSTRATIVE'],
});

export interface Notice {
  readonly title: string;
  /** One or more paragraphs, in order. */
  readonly paragraphs: readonly string[];
}

/** "A teaching model, not medical advice" (SCIENCE.md §5.1), for the start screen and the about panel. */
export function teachingModelNotice(): Notice {
  return { title: t('notice.teachingModel.title'), paragraphs: [t('notice.teachingModel.body')] };
}

/**
 * The warfarin message: the §5.3 wording as the main text, then how real treatment is managed (INR blood tests)
 * and that other anticoagulants work differently, so a clinician should be asked. Shown wherever warfarin or
 * vitamin K intake comes up; the UI should keep it prominent.
 */
export function warfarinNotice(): Notice {
  return {
    title: t('notice.warfarin.title'),
    paragraphs: [t('notice.warfarin.body'), t('notice.warfarin.management')],
  };
}

/**
 * The note for a slider value above its "beyond studied intakes" mark (INPUT_RANGES), naming the mark and why it
 * is there. Undefined for an input without a mark.
 */
export function beyondStudiedNotice(input: FoodInput): Notice | undefined {
  const from = INPUT_RANGES[input].beyondStudied?.from;
  if (from === undefined) return undefined;
  const limit = t(`notice.beyondStudied.limit.${input}`, { value: formatNumber(from) });
  return {
    title: t('notice.beyondStudied.title'),
    paragraphs: [t('notice.beyondStudied.body', { limit }), t(`notice.beyondStudied.why.${input}`)],
  };
}

/** Shown with high vitamin D intakes and in the toxicity scenario: more is not always better (SCIENCE.md §5.2). */
export function d3ToxicityNotice(): Notice {
  return { title: t('notice.d3Toxicity.title'), paragraphs: [t('notice.d3Toxicity.body')] };
}

/** The short label beside every artery-wall number and chart. */
export function arteryIllustrativeLabel(): string {
  return t('notice.arteryIllustrative.label');
}

/** The longer explanation behind the illustrative label (tooltip or panel). */
export function arteryIllustrativeExplanation(): string {
  return t('notice.arteryIllustrative.body');
}

/**
 * The on-screen label while day-view artery deposits are drawn faster than the model's rate. `factor` is the
 * session's artery exaggeration; at 1 (true scale) use trueScaleLabel() instead.
 */
export function arteryExaggeratedLabel(factor: number): string {
  return t('notice.arteryExaggerated.label', { factor: formatNumber(factor) });
}

/** The toggle's name, and the line shown while it is on. */
export function trueScaleLabel(): string {
  return t('notice.trueScale.label');
}

export function trueScaleExplanation(): string {
  return t('notice.trueScale.body');
}

/** Every string key this module uses, for the catalogue test. */
export function noticeStringKeys(): string[] {
  const inputs = Object.keys(INPUT_RANGES).filter(
    (k) => INPUT_RANGES[k as keyof typeof INPUT_RANGES].beyondStudied,
  ) as FoodInput[];
  return [
    'notice.teachingModel.title',
    'notice.teachingModel.body',
    'notice.warfarin.title',
    'notice.warfarin.body',
    'notice.warfarin.management',
    'notice.beyondStudied.title',
    'notice.beyondStudied.body',
    ...inputs.flatMap((input) => [`notice.beyondStudied.limit.${input}`, `notice.beyondStudied.why.${input}`]),
    'notice.d3Toxicity.title',
    'notice.d3Toxicity.body',
    'notice.arteryIllustrative.label',
    'notice.arteryIllustrative.body',
    'notice.arteryExaggerated.label',
    'notice.trueScale.label',
    'notice.trueScale.body',
  ];
}
