/**
 * CSV export (src/ui/export/csv.ts) against real model output: a Session's day record after a simulated day, and a
 * life course of a few years. The files are parsed back with a strict RFC 4180 reader, so what is checked is what a
 * spreadsheet or a script would read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fromCallback } from 'xstate';
import { useCatalogue } from '../../src/i18n';
import { MAX_TICKS_PER_FRAME } from '../../src/machines/clock';
import { DEFAULT_INPUTS, type Inputs } from '../../src/model/inputs';
import { TICKS_PER_DAY } from '../../src/model/integrator';
import { runYears, type YearPoint } from '../../src/model/years';
import { SAMPLE_MINUTES } from '../../src/session/dayRecord';
import { Session } from '../../src/session/session';
import {
  CONDITION_COLUMN,
  clockTime,
  csvFileName,
  csvNumber,
  csvText,
  DAY_COLUMNS,
  dayCsv,
  PROTEIN_COLUMNS,
  SCENARIO_COLUMNS,
  scenarioCsv,
  YEARS_COLUMNS,
  yearsCsv,
} from '../../src/ui/export/csv';
import type { DayPoint } from '../../src/ui/outcomeTypes';

const silentFrames = fromCallback(() => () => {});

function sessionAfter(ticks: number, patch: Partial<Inputs> = {}): Session {
  const s = new Session({ frameSource: silentFrames });
  if (Object.keys(patch).length > 0) s.actor.send({ type: 'inputs.set', patch });
  for (let left = ticks; left > 0; left -= MAX_TICKS_PER_FRAME.day) {
    s.actor.send({ type: 'step', ticks: Math.min(left, MAX_TICKS_PER_FRAME.day) });
  }
  return s;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (![',', '\r', undefined].includes(text[i])) throw new Error(`text after closing quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record not ended by CRLF');
  return records;
}

/** Rows as objects keyed by header, numbers left as the text written. */
function table(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new Error('no header');
  for (const r of records) expect(r).toHaveLength(header.length);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))) };
}

/** A number cell: plain decimal, no grouping, no exponent. */
const NUMBER = /^-?\d+(\.\d+)?$/;

function value(row: Record<string, string>, column: string): number {
  const cell = row[column];
  expect(cell, column).toMatch(NUMBER);
  return Number(cell);
}

const AMOUNT_COLUMNS: readonly [string, keyof DayPoint, number][] = [
  ['eaten (mg)', 'eaten', 3],
  ['absorbed (mg)', 'absorbed', 3],
  ['faeces (mg)', 'faeces', 3],
  ['urine (mg)', 'urine', 3],
  ['bone in (mg)', 'boneIn', 3],
  ['bone out (mg)', 'boneOut', 3],
  ['artery wall (mg)', 'artery', 6],
  ['serum calcium (mmol/L)', 'serum', 4],
];

// One simulated day (to the last sample before midnight) shared by the day tests: the slow part of this file.
const dayOne = sessionAfter(TICKS_PER_DAY - SAMPLE_MINUTES);
const dayOnePoints = [...dayOne.day.points];

afterEach(() => useCatalogue('en', {}));

describe('day CSV', () => {
  it('has a header row naming each column with its unit, and no comment lines', () => {
    const text = dayCsv(dayOnePoints, { day: 1 });
    const { header } = table(text);
    expect(header).toEqual([...DAY_COLUMNS]);
    expect(header).toEqual([
      'day',
      'time (HH:MM)',
      'minutes since start',
      'eaten (mg)',
      'absorbed (mg)',
      'faeces (mg)',
      'urine (mg)',
      'bone in (mg)',
      'bone out (mg)',
      'artery wall (mg)',
      'absorbed share (%)',
      'serum calcium (mmol/L)',
    ]);
    expect(text.startsWith('day,time (HH:MM),')).toBe(true);
    // ASCII only, so no byte-order mark is needed for spreadsheets to read the header right.
    expect(text).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('writes one row per sample point, with the values of the DayRecord points', () => {
    expect(dayOnePoints).toHaveLength(TICKS_PER_DAY / SAMPLE_MINUTES);
    const { rows } = table(dayCsv(dayOnePoints, { day: 1 }));
    expect(rows).toHaveLength(dayOnePoints.length);
    rows.forEach((row, i) => {
      const p = dayOnePoints[i] as DayPoint;
      expect(value(row, 'day')).toBe(1);
      expect(row['time (HH:MM)']).toBe(clockTime(p.minute));
      expect(value(row, 'minutes since start')).toBe(p.minute);
      for (const [column, key, decimals] of AMOUNT_COLUMNS) {
        const cell = row[column] as string;
        expect(cell.split('.')[1], column).toHaveLength(decimals);
        expect(Math.abs(value(row, column) - p[key]), `${column} at ${p.minute}`).toBeLessThanOrEqual(
          0.5 * 10 ** -decimals + 1e-12,
        );
      }
      const leftGut = p.absorbed + p.faeces;
      if (leftGut > 0) expect(value(row, 'absorbed share (%)')).toBeCloseTo((100 * p.absorbed) / leftGut, 2);
      else expect(row['absorbed share (%)']).toBe('');
    });
    expect(rows[0]?.['time (HH:MM)']).toBe('00:00');
    expect(rows[1]?.['time (HH:MM)']).toBe('00:10');
    expect(rows[rows.length - 1]?.['time (HH:MM)']).toBe('23:50');
    // The whole day's calcium has been eaten, and it reads as a plain number.
    expect(rows[rows.length - 1]?.['eaten (mg)']).toBe('1000.000');
    // The artery's thousandths of a mg are not rounded away.
    expect(value(rows[rows.length - 1] as Record<string, string>, 'artery wall (mg)')).toBeGreaterThan(0);
  });

  it('counts minutes since the start of the run on later days', () => {
    const s = sessionAfter(TICKS_PER_DAY + 6 * 60);
    const today = s.day.today(s.world.model);
    expect(today.day).toBe(2);
    const { rows } = table(dayCsv(s.day.points, { day: today.day }));
    expect(rows).toHaveLength(6 * 6 + 1);
    expect(rows.map((r) => value(r, 'day'))).toEqual(rows.map(() => 2));
    expect(value(rows[0] as Record<string, string>, 'minutes since start')).toBe(TICKS_PER_DAY);
    expect(value(rows[rows.length - 1] as Record<string, string>, 'minutes since start')).toBe(TICKS_PER_DAY + 360);
  });

  it('adds the osteocalcin and MGP shares as columns when given', () => {
    const habit = dayOne.world.currentHabit;
    const readings = { carboxylatedOsteocalcin: habit.carboxylatedOsteocalcin, activeMgp: habit.activeMgp };
    const { header, rows } = table(dayCsv(dayOnePoints, { day: 1, readings }));
    expect(header).toEqual([...DAY_COLUMNS, ...PROTEIN_COLUMNS]);
    for (const row of rows) {
      expect(value(row, 'carboxylated osteocalcin (%)')).toBeCloseTo(100 * habit.carboxylatedOsteocalcin, 2);
      expect(value(row, 'carboxylated MGP (%)')).toBeCloseTo(100 * habit.activeMgp, 2);
    }
  });

  it('does not depend on the display locale', () => {
    const english = dayCsv(dayOnePoints, { day: 1 });
    useCatalogue('de', {});
    expect(dayCsv(dayOnePoints, { day: 1 })).toBe(english);
    // Every cell is a plain number (no grouping, dot decimal), empty, or the clock time.
    for (const row of table(english).rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (column === 'time (HH:MM)') expect(cell).toMatch(/^\d\d:\d\d$/);
        else expect(cell, column).toMatch(/^$|^-?\d+(\.\d+)?$/);
      }
    }
  });

  it('puts both compare conditions in one file, with a condition column', () => {
    const low = sessionAfter(12 * 60, { calciumMgPerDay: 500 });
    const a = dayOnePoints.slice(0, 12 * 6 + 1);
    const b = low.day.points;
    const text = dayCsv(
      [
        { label: 'A', points: a },
        { label: 'B', points: b },
      ],
      { day: 1 },
    );
    const { header, rows } = table(text);
    expect(header).toEqual([CONDITION_COLUMN, ...DAY_COLUMNS]);
    expect(rows).toHaveLength(a.length + b.length);
    expect(rows.filter((r) => r.condition === 'A')).toHaveLength(a.length);
    expect(rows.filter((r) => r.condition === 'B')).toHaveLength(b.length);
    const lastA = rows[a.length - 1] as Record<string, string>;
    const lastB = rows[rows.length - 1] as Record<string, string>;
    expect(lastA['time (HH:MM)']).toBe('12:00');
    expect(lastB['time (HH:MM)']).toBe('12:00');
    expect(value(lastA, 'eaten (mg)')).toBeCloseTo((a[a.length - 1] as DayPoint).eaten, 3);
    expect(value(lastB, 'eaten (mg)')).toBeCloseTo((b[b.length - 1] as DayPoint).eaten, 3);
    expect(value(lastB, 'eaten (mg)')).toBeLessThan(value(lastA, 'eaten (mg)'));
  });

  it('lets each condition carry its own day and readings', () => {
    const text = dayCsv(
      [
        {
          label: 'A',
          points: dayOnePoints.slice(0, 2),
          day: 3,
          readings: { carboxylatedOsteocalcin: 0.5, activeMgp: 0 },
        },
        { label: 'B', points: dayOnePoints.slice(0, 1) },
      ],
      { day: 1 },
    );
    const { rows } = table(text);
    expect(rows.map((r) => [r.condition, r.day, r['minutes since start'], r['carboxylated MGP (%)']])).toEqual([
      ['A', '3', '2880', '0.00'],
      ['A', '3', '2890', '0.00'],
      ['B', '1', '0', ''],
    ]);
  });
});

describe('RFC 4180 and injection guard', () => {
  it('quotes fields holding a comma, a quote or a line break, and ends every record with CRLF', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('two\r\nlines')).toBe('"two\r\nlines"');

    const label = 'He said "low, then\r\nhigh"';
    const text = dayCsv([{ label, points: dayOnePoints.slice(0, 3) }], { day: 1 });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*(""[^"]*)*"/g, '')).not.toMatch(/[^\r]\n|\r[^\n]/);
    const { rows } = table(text);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.condition).toBe(label);
  });

  it('prefixes text that a spreadsheet would run as a formula, but leaves numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvText(`${start}1+1`).replace(/^"|"$/g, '').startsWith(`'${start}`), JSON.stringify(start)).toBe(true);
    }
    expect(csvText('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvText('A')).toBe('A');

    const runs = ['=SUM(A1:A9)', '+1', '-2', '@cmd'].map((label) => ({ label, points: dayOnePoints.slice(0, 1) }));
    const { rows } = table(dayCsv(runs, { day: 1 }));
    expect(rows.map((r) => r.condition)).toEqual(["'=SUM(A1:A9)", "'+1", "'-2", "'@cmd"]);

    // Negative numbers are numbers: no apostrophe, and no "-0".
    const point: DayPoint = { ...(dayOnePoints[0] as DayPoint), boneOut: -0.5, boneIn: -0.00001 };
    const { rows: numeric } = table(dayCsv([point], { day: 1 }));
    expect(numeric[0]?.['bone out (mg)']).toBe('-0.500');
    expect(numeric[0]?.['bone in (mg)']).toBe('0.000');
  });

  it('writes numbers with a dot, fixed decimals, and an empty cell for non-numbers', () => {
    expect(csvNumber(1234567.891, 2)).toBe('1234567.89');
    expect(csvNumber(-0, 3)).toBe('0.000');
    expect(csvNumber(-0.0004, 3)).toBe('0.000');
    expect(csvNumber(-1.5, 1)).toBe('-1.5');
    expect(csvNumber(Number.NaN, 2)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY, 2)).toBe('');
    expect(clockTime(0)).toBe('00:00');
    expect(clockTime(605)).toBe('10:05');
    expect(clockTime(1440)).toBe('24:00');
  });
});

describe('years CSV', () => {
  const course = runYears(DEFAULT_INPUTS, 3);

  it('writes a header and one row per simulated year with the life course values', () => {
    const { header, rows } = table(yearsCsv(course.series));
    expect(header).toEqual([...YEARS_COLUMNS]);
    expect(header).toEqual([
      'year',
      'age (years)',
      'bone mineral (mg)',
      'bone mineral (% of start)',
      'artery wall index (illustrative mg)',
      'absorbed share (%)',
      'serum calcium (mmol/L)',
      'PTH (relative to reference)',
      'calcitriol (relative to reference)',
    ]);
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      const p = course.series[i] as YearPoint;
      expect(value(row, 'year')).toBe(i + 1);
      expect(value(row, 'age (years)')).toBe(DEFAULT_INPUTS.ageYears + i + 1);
      expect(value(row, 'bone mineral (mg)')).toBeCloseTo(p.boneMineralMg, 1);
      expect(value(row, 'bone mineral (% of start)')).toBeCloseTo(p.bonePercentOfStart, 4);
      expect(value(row, 'artery wall index (illustrative mg)')).toBeCloseTo(p.arteryMg, 4);
      expect(value(row, 'absorbed share (%)')).toBeCloseTo(100 * p.fractionalAbsorption, 2);
      expect(value(row, 'serum calcium (mmol/L)')).toBeCloseTo(p.serumCalciumMmolL, 4);
      expect(value(row, 'PTH (relative to reference)')).toBeCloseTo(p.pthRelative, 4);
      expect(value(row, 'calcitriol (relative to reference)')).toBeCloseTo(p.calcitriolRelative, 4);
    });
    // Bone mineral is about a kilogram: written without thousands separators.
    expect(rows[0]?.['bone mineral (mg)']).toMatch(/^\d{6,7}\.\d$/);
  });

  it('takes labelled runs for compare mode, and an empty series is a header alone', () => {
    // The labelling is under test, not the physiology: B is A's first two years.
    const b = course.series.slice(0, 2);
    const { header, rows } = table(
      yearsCsv([
        { label: 'A', points: course.series },
        { label: 'B', points: b },
      ]),
    );
    expect(header).toEqual([CONDITION_COLUMN, ...YEARS_COLUMNS]);
    expect(rows.map((r) => `${r.condition}${r.year}`)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    expect(yearsCsv([])).toBe(`${YEARS_COLUMNS.map(csvText).join(',')}\r\n`);
  });
});

describe('scenario and file names', () => {
  it('names files after the view and the headline inputs, safely', () => {
    expect(csvFileName('day', DEFAULT_INPUTS, { day: 3 })).toBe(
      'calcium-routes-day-ca1000-d3-1000-k2-30mk7-k1-120-age40-day3.csv',
    );
    expect(csvFileName('years', { ...DEFAULT_INPUTS, warfarin: true, mgpAbsent: true }, { day: 3 })).toBe(
      'calcium-routes-years-ca1000-d3-1000-k2-30mk7-k1-120-age40-warfarin-no-mgp.csv',
    );
    expect(
      csvFileName('day', [DEFAULT_INPUTS, { ...DEFAULT_INPUTS, d3IuPerDay: 0 }], {
        chart: 'day-serum',
        extension: 'png',
      }),
    ).toBe('calcium-routes-day-serum-ca1000-d3-1000-k2-30mk7-k1-120-age40-vs-ca1000-d3-0-k2-30mk7-k1-120-age40.png');
    const odd = csvFileName(
      'day',
      { ...DEFAULT_INPUTS, calciumMgPerDay: Number.NaN },
      { chart: '../../x', extension: '.p/ng' },
    );
    expect(odd).toMatch(/^[a-z0-9.-]+$/);
  });

  it('lists the inputs and seed in a separate small CSV', () => {
    const { header, rows } = table(scenarioCsv(DEFAULT_INPUTS, { seed: 7, view: 'day' }));
    expect(header).toEqual([...SCENARIO_COLUMNS]);
    const get = (setting: string) => rows.find((r) => r.setting === setting);
    expect(get('calcium')).toEqual({ setting: 'calcium', value: '1000', unit: 'mg/day' });
    expect(get('vitamin K2 form')?.value).toBe('MK-7');
    expect(get('seed')?.value).toBe('7');
    expect(get('view')?.value).toBe('day');

    const both = table(
      scenarioCsv([
        { label: 'A', inputs: DEFAULT_INPUTS, seed: 1 },
        { label: 'B', inputs: { ...DEFAULT_INPUTS, warfarin: true }, seed: 1 },
      ]),
    );
    expect(both.header).toEqual([CONDITION_COLUMN, ...SCENARIO_COLUMNS]);
    expect(both.rows.filter((r) => r.setting === 'warfarin').map((r) => `${r.condition}:${r.value}`)).toEqual([
      'A:no',
      'B:yes',
    ]);
  });
});
