/** Number wording shared by the panels. */
import { formatNumber, formatPercent, t } from '../i18n';

/** An amount in mg: whole numbers normally, two significant figures for the tiny artery amounts. */
export function formatMg(mg: number): string {
  if (!Number.isFinite(mg)) return t('value.none');
  const abs = Math.abs(mg);
  if (abs === 0) return t('unit.mg', { value: formatNumber(0) });
  if (abs < 1) {
    const digits = Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(abs))));
    return t('unit.mg', { value: formatNumber(mg, digits) });
  }
  return t('unit.mg', { value: formatNumber(mg) });
}

/** A share of intake; a dash while there is no intake to divide by. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return t('value.none');
  const share = part / whole;
  return formatPercent(share, share > 0 && share < 0.01 ? 1 : 0);
}

export function formatSerum(mmolL: number): string {
  return t('unit.mmolL', { value: formatNumber(mmolL, 2, 2) });
}

/** "Day 2, 07:30" from a tick count (one tick is one simulated minute). */
export function formatDayClock(tick: number): string {
  const day = Math.floor(tick / 1440) + 1;
  const minute = tick % 1440;
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return t('time.clock.day', { day, time: `${hh}:${mm}` });
}
