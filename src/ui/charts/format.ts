/** Numbers and times as the charts show them. Words come from the catalogue; only digits are produced here. */
import { formatNumber, t } from '../../i18n';

/** Milligrams with two significant figures below 10 mg, so the tiny artery amounts do not all read "0". */
export function formatMg(mg: number): string {
  const size = Math.abs(mg);
  if (!Number.isFinite(mg) || size >= 10 || size === 0) return formatNumber(Number.isFinite(mg) ? mg : 0);
  const digits = Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(size))));
  return formatNumber(mg, digits);
}

export function formatMmol(value: number): string {
  return formatNumber(value, 2, 2);
}

/** A time of day such as "06:00" from hours since midnight (24 stays "24:00": the end of the day). */
export function clockLabel(hours: number): string {
  const total = Math.round(hours * 60);
  const h = Math.floor(total / 60);
  const m = total - 60 * h;
  return t('chart.clock', { hours: String(h).padStart(2, '0'), minutes: String(m).padStart(2, '0') });
}
