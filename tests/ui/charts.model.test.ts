/** The day and years chart models: axes, series, labels, highlighting and trend sentences built from data. */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import type { ChartModel } from '../../src/ui/charts/chartModel';
import { LABEL_GAP, VIEW_WIDTH } from '../../src/ui/charts/chartModel';
import { buildAmountsChart, buildSerumChart } from '../../src/ui/charts/dayChartModel';
import { estimateTextWidth } from '../../src/ui/charts/labels';
import { DESTINATION_STYLE } from '../../src/ui/charts/styles';
import { amountsSummary, arterySummary, boneSummary, serumSummary } from '../../src/ui/charts/summaries';
import { boneAxisFloor, buildArteryChart, buildBoneChart } from '../../src/ui/charts/yearsChartModel';
import { DESTINATIONS } from '../../src/ui/outcomeTypes';
import { dayPoints, yearPoints } from './charts.helpers';

function expectDrawable(model: ChartModel): void {
  const everything = JSON.stringify(model);
  expect(everything).not.toContain('NaN');
  expect(everything).not.toContain('Infinity');
  expect(everything).not.toContain('⟦'); // a missing catalogue key
  for (const tick of [...model.xTicks, ...model.yTicks]) expect(Number.isFinite(tick.position)).toBe(true);
}

function labelsOf(model: ChartModel) {
  return model.series.flatMap((s) => (s.label ? [{ key: s.key, ...s.label }] : []));
}

describe('where the calcium went today', () => {
  it('draws axes and says "no data yet" before the day has any data', () => {
    const model = buildAmountsChart([]);
    expectDrawable(model);
    expect(model.emptyText).toBe(t('chart.noData'));
    expect(model.xTicks.map((tick) => tick.label)).toEqual(['00:00', '06:00', '12:00', '18:00', '24:00']);
    expect(model.yTicks.at(-1)?.value).toBe(100);
    for (const s of model.series) {
      expect(s.path).toBe('');
      expect(s.label).toBeNull();
    }
  });

  it('has one line per destination plus the eaten reference, each with its own dash and marker', () => {
    const model = buildAmountsChart(dayPoints(14 * 60));
    expectDrawable(model);
    expect(model.emptyText).toBeNull();
    expect(model.series.map((s) => s.key)).toEqual(['eaten', ...DESTINATIONS]);
    for (const s of model.series) expect(s.path.startsWith(`M${model.plot.left} `)).toBe(true);
    expect(model.series[0]?.path).toMatch(/V/); // stepped at meals
    const looks = DESTINATIONS.map((k) => DESTINATION_STYLE[k]);
    expect(new Set(looks.map((l) => l.dash)).size).toBe(DESTINATIONS.length);
    expect(new Set(looks.map((l) => l.marker)).size).toBe(DESTINATIONS.length);
    expect(new Set(looks.map((l) => l.colour.toUpperCase())).size).toBe(DESTINATIONS.length);
  });

  it('grows the y axis with the data, to a round number at or above the largest amount', () => {
    const early = buildAmountsChart(dayPoints(60));
    const late = buildAmountsChart(dayPoints(1440));
    expect(early.yTicks.at(-1)?.value).toBe(100);
    const top = late.yTicks.at(-1)?.value ?? 0;
    expect(top).toBeGreaterThanOrEqual(1000);
    expect(top).toBeLessThanOrEqual(1500);
  });

  it('labels each line at its end with name and amount, labels at least a line apart and inside the chart', () => {
    const model = buildAmountsChart(dayPoints(1440));
    const labels = labelsOf(model);
    expect(labels.find((l) => l.key === 'urine')?.text).toBe('Urine 150 mg');
    expect(labels.find((l) => l.key === 'artery')?.text).toBe('Artery wall 0.0033 mg');
    expect(labels).toHaveLength(7);
    const ys = labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++)
      expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
    for (const l of labels) {
      expect(l.x + estimateTextWidth(l.text, 16)).toBeLessThanOrEqual(VIEW_WIDTH);
      expect(l.y).toBeGreaterThanOrEqual(model.plot.top);
      expect(l.y).toBeLessThanOrEqual(model.plot.bottom);
    }
  });

  it('keeps labels apart at midnight, when every line starts at zero', () => {
    const labels = labelsOf(buildAmountsChart(dayPoints(0)));
    const ys = labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++)
      expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
  });

  it('emphasises the highlighted destination and dims the rest; null restores', () => {
    const points = dayPoints(600);
    const plain = buildAmountsChart(points);
    const lit = buildAmountsChart(points, 'urine');
    const urine = (m: ChartModel) => m.series.find((s) => s.key === 'urine');
    const faeces = (m: ChartModel) => m.series.find((s) => s.key === 'faeces');
    expect(urine(lit)?.emphasis).toBe('highlighted');
    expect(urine(lit)?.width ?? 0).toBeGreaterThan(urine(plain)?.width ?? 0);
    expect(faeces(lit)?.emphasis).toBe('dimmed');
    expect(faeces(lit)?.opacity ?? 1).toBeLessThan(1);
    expect(buildAmountsChart(points, null).series.every((s) => s.opacity === 1 && s.emphasis === 'normal')).toBe(true);
  });

  it('draws lines at least 3 units thick', () => {
    for (const s of buildAmountsChart(dayPoints(600)).series) {
      if (s.key !== 'eaten') expect(s.width).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('blood calcium chart', () => {
  it('shows the normal range as a band on the fixed 1.9–3.0 axis', () => {
    const model = buildSerumChart(dayPoints(1440));
    expectDrawable(model);
    const band = model.band;
    expect(band?.label).toBe('normal range');
    const y = (v: number) => model.yTicks.find((tick) => Math.abs(tick.value - v) < 1e-9)?.position ?? Number.NaN;
    expect(band?.y).toBeCloseTo(y(2.6));
    expect((band?.y ?? 0) + (band?.height ?? 0)).toBeCloseTo(y(2.2));
    expect(model.yTicks[0]?.value).toBeGreaterThanOrEqual(1.9);
    expect(model.yTicks.at(-1)?.value).toBe(3);
    expect(model.series[0]?.label?.text).toBe('2.35 mmol/L');
  });

  it('widens the axis when blood calcium leaves it', () => {
    const model = buildSerumChart(dayPoints(1440, 3.0, 0.4));
    expect(model.yTicks.at(-1)?.value ?? 0).toBeGreaterThanOrEqual(3.4);
    expectDrawable(model);
  });

  it('is drawable but empty at midnight', () => {
    const model = buildSerumChart([]);
    expectDrawable(model);
    expect(model.emptyText).not.toBeNull();
    const band = model.band;
    expect(band).not.toBeNull();
    // The "no data yet" line must not sit on the band's own label.
    expect(model.emptyAt.y).toBeLessThan((band?.y ?? 0) - 8);
    expect(model.emptyAt.y).toBeGreaterThan(model.plot.top + 8);
  });
});

describe('years charts', () => {
  it('start bone at 100 % at the starting age and show the fall', () => {
    const series = yearPoints(40, 30, -0.9);
    const model = buildBoneChart(series, 40, 70);
    expectDrawable(model);
    expect(model.series[0]?.path.startsWith(`M${model.plot.left} `)).toBe(true);
    expect(model.series[0]?.label?.text).toBe('73 %');
    expect(model.xTicks.map((tick) => tick.value)).toEqual([40, 50, 60, 70]);
    expect(model.yTicks.at(-1)?.value).toBe(100);
    expect(model.yTicks[0]?.value).toBeLessThanOrEqual(73 - 10);
  });

  it('keep the bone axis honest: a round floor well below the data, zero once much is lost', () => {
    expect(boneAxisFloor(100)).toBe(80);
    expect(boneAxisFloor(93)).toBe(80);
    expect(boneAxisFloor(72)).toBe(60);
    expect(boneAxisFloor(40)).toBe(0);
  });

  it('render axes and "no data yet" before the first year', () => {
    for (const model of [buildBoneChart([], 40, 80), buildArteryChart([], 40, 80)]) {
      expectDrawable(model);
      expect(model.emptyText).not.toBeNull();
      expect(model.xTicks.length).toBeGreaterThan(1);
    }
  });

  it('label the artery chart as illustrative', () => {
    const model = buildArteryChart(yearPoints(40, 10, -0.5), 40, 80);
    expectDrawable(model);
    expect(model.title).toMatch(/illustrative/i);
    expect(model.yCaption).toMatch(/illustrative/i);
    expect(model.series[0]?.label?.text).toBe('60 mg');
  });

  it('highlight one series and dim the other chart', () => {
    const series = yearPoints(40, 10, -0.5);
    expect(buildBoneChart(series, 40, 80, 'bone').series[0]?.emphasis).toBe('highlighted');
    expect(buildArteryChart(series, 40, 80, 'bone').series[0]?.emphasis).toBe('dimmed');
  });
});

describe('trend sentences', () => {
  it('describe blood calcium inside, below and above the normal range', () => {
    expect(serumSummary(dayPoints(1440, 2.35, 0.01))).toBe(
      'Blood calcium stayed between 2.34 and 2.36 mmol/L, inside the normal range.',
    );
    expect(serumSummary(dayPoints(1440, 2.1, 0.05))).toContain('below the normal range');
    expect(serumSummary(dayPoints(1440, 2.8, 0.05))).toContain('above the normal range');
    expect(serumSummary(dayPoints(1440, 2.4, 0.3))).toContain('both below and above');
    expect(serumSummary([])).toBe(t('chart.summary.empty'));
  });

  it('say bone fell, rose or held, with the ages', () => {
    expect(boneSummary(yearPoints(40, 30, -0.9), 40)).toBe(
      'Bone mineral fell from 100 % at age 40 to 73 % of the starting amount at age 70.',
    );
    expect(boneSummary(yearPoints(20, 10, 0.8), 20)).toMatch(/^Bone mineral rose .* 108 % .* age 30\.$/);
    expect(boneSummary(yearPoints(30, 5, -0.05), 30)).toMatch(/stayed at about 100 %/);
  });

  it('describe the artery index over the years shown', () => {
    expect(arterySummary(yearPoints(40, 40, 0, 6))).toBe(
      'The illustrative artery-wall index rose from 6 mg at age 41 to 240 mg at age 80.',
    );
    expect(arterySummary(yearPoints(40, 1, 0, 6))).toMatch(/was 6 mg at age 41/);
    expect(arterySummary([])).toBe(t('chart.summary.empty'));
  });

  it('give the day so far, with the time', () => {
    const sentence = amountsSummary(dayPoints(14 * 60 + 30));
    expect(sentence).toMatch(/^By 14:30, 650 mg had been eaten: 156 mg absorbed/);
    expect(buildAmountsChart(dayPoints(600)).ariaLabel).toMatch(/^Where the calcium went today\. By 10:00/);
  });
});
