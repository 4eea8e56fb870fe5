/** Vitamin K kinetics per form (SCHURGERS_2007, SATO_2012): shape over the day, and what drives carboxylation. */
import { describe, expect, it } from 'vitest';
import { serumVitaminK, vitaminKExposure } from '../../src/model/vitaminK';
import { scenario } from '../helpers';

const overDay = (f: (hour: number) => number) => Array.from({ length: 24 * 12 }, (_, i) => f(i / 12));
const peakToTrough = (xs: number[]) => Math.max(...xs) / Math.min(...xs);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('serum vitamin K over a day', () => {
  it('rises and falls within hours for K1 but stays almost flat for MK-7', () => {
    const k1 = overDay((h) => serumVitaminK(scenario({ k2UgPerDay: 0 }), h).k1);
    const mk7 = overDay((h) => serumVitaminK(scenario({ k2UgPerDay: 100, k2Form: 'mk7' }), h).k2);
    expect(peakToTrough(k1)).toBeGreaterThan(5);
    expect(peakToTrough(mk7)).toBeLessThan(1.3);
  });

  it('averages to the exposure that drives carboxylation', () => {
    const inputs = scenario({ k1UgPerDay: 0, k2UgPerDay: 100, k2Form: 'mk7' });
    expect(mean(overDay((h) => serumVitaminK(inputs, h).k2))).toBeCloseTo(vitaminKExposure(inputs), -1);
  });

  it('shows 7-8 times more MK-7 than K1 in blood on equal intakes, and hardly any MK-4', () => {
    const mk7 = mean(overDay((h) => serumVitaminK(scenario({ k1UgPerDay: 0, k2UgPerDay: 100, k2Form: 'mk7' }), h).k2));
    const k1Tablet = 100; // exposure is in K1-tablet equivalents, so 100 µg of tablet K1 averages 100
    expect(mk7 / k1Tablet).toBeGreaterThan(7);
    expect(mk7 / k1Tablet).toBeLessThan(8);
    const mk4 = mean(overDay((h) => serumVitaminK(scenario({ k1UgPerDay: 0, k2UgPerDay: 100, k2Form: 'mk4' }), h).k2));
    expect(mk4).toBeLessThan(mk7 / 50);
  });
});
