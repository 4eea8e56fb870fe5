/**
 * The "What's simplified?" panel: short, honest statements of where the model departs from the body, taken from
 * what the model actually does (docs/model.md §5 and §6, "Known limitations"). Numbers that the model defines
 * (packet size, skeleton, meal times, menopause age) are read from the model, not retyped, so the panel cannot
 * drift from the code.
 *
 * Words: simplified.<key>.title and simplified.<key>.body in content.json.
 */
import { currentLocale, formatNumber, formatPercent, t } from '../../i18n';
import { MEALS } from '../../model/meals';
import { P } from '../../model/params';
import { DEFAULT_PACKET_MG } from '../../model/world';

export const SIMPLIFIED_KEYS = [
  'packets',
  'skeletonReservoir',
  'arteryExaggerated',
  'arteryIllustrative',
  'steadyState',
  'oneCarboxylationCurve',
  'leftOut',
  'simplePools',
  'noAim',
  'meals',
  'longRuns',
  'averagePerson',
] as const;

export type SimplifiedKey = (typeof SIMPLIFIED_KEYS)[number];

export interface SimplifiedItem {
  readonly key: SimplifiedKey;
  readonly title: string;
  readonly body: string;
}

export interface SimplifiedOptions {
  /** Calcium per drawn packet, mg, when the running session uses a size other than the default. */
  readonly packetMg?: number;
}

/** Rounds to two significant figures: "about 200,000 packets", not "199,601". */
function roughly(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** "07:30" for minute 450, in the current locale's 24-hour style. */
function clockTime(minuteOfDay: number): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, 0, 1, 0, minuteOfDay)));
}

/** Placeholder values each body needs, from the model. */
function bodyParams(key: SimplifiedKey, packetMg: number): Record<string, string | number> | undefined {
  switch (key) {
    case 'packets':
      return { packetMg: formatNumber(packetMg, 1) };
    case 'skeletonReservoir': {
      const skeletonMg = P.skeletonCalcium.value * P.mgPerMmolCalcium.value;
      return {
        skeletonKg: formatNumber(skeletonMg / 1e6, 1),
        skeletonPackets: formatNumber(roughly(skeletonMg / packetMg)),
      };
    }
    case 'meals': {
      const params: Record<string, string> = {};
      for (const meal of MEALS) {
        params[`${meal.name}Time`] = clockTime(meal.minute);
        params[`${meal.name}Share`] = formatPercent(meal.share);
      }
      return params;
    }
    case 'averagePerson':
      return { menopauseAge: formatNumber(P.menopauseAge.value) };
    default:
      return undefined;
  }
}

/** The panel's entries, in display order. */
export function simplifiedItems(options: SimplifiedOptions = {}): SimplifiedItem[] {
  const packetMg = options.packetMg ?? DEFAULT_PACKET_MG;
  return SIMPLIFIED_KEYS.map((key) => ({
    key,
    title: t(`simplified.${key}.title`),
    body: t(`simplified.${key}.body`, bodyParams(key, packetMg)),
  }));
}

/** Every string key this module uses, for the catalogue test. */
export function simplifiedStringKeys(): string[] {
  return SIMPLIFIED_KEYS.flatMap((key) => [`simplified.${key}.title`, `simplified.${key}.body`]);
}
