/**
 * Data export as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted only when they hold a comma, a quote
 * or a line break, one header row and no comment lines). Pure functions, no DOM, so they are tested in Node.
 *
 * The file is for spreadsheets and scripts, so it is deliberately independent of the display locale: numbers use a
 * dot decimal, no thousands separators and a fixed number of decimals per column; header names are fixed English
 * identifiers with their units (as the model's units are), not catalogue strings, so a script written against one
 * export keeps working whatever language the page is shown in.
 *
 * Columns follow what the outcome table and charts show: in the day view, cumulative amounts since midnight (mg)
 * per destination plus blood calcium; in the years view, one row per simulated year. Compare mode passes several
 * labelled runs, which go into one file with a leading "condition" column.
 */
import type { View } from '../../machines/clock';
import type { Inputs } from '../../model/inputs';
import type { YearPoint } from '../../model/years';
import type { DayPoint } from '../outcomeTypes';

const MINUTES_PER_DAY = 1440;
const CRLF = '\r\n';

/** A cell: text is quoted as needed and guarded against formula injection; numbers are written as plain numbers. */
type Cell = { readonly text: string } | { readonly number: number; readonly decimals: number } | null;

const text = (value: string): Cell => ({ text: value });
const num = (value: number, decimals: number): Cell => ({ number: value, decimals });

/**
 * A number for machines: dot decimal, no grouping, `decimals` places, no "-0.000". Anything not finite (NaN before
 * any calcium has left the gut, say) is an empty cell, which spreadsheets read as "no value".
 */
export function csvNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field as written to the file: formula-like text gets a leading apostrophe, then RFC 4180 quoting. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if ('text' in cell) return csvText(cell.text);
  return csvNumber(cell.number, cell.decimals);
}

/** Joins rows into CSV text: one record per line, CRLF after every record including the last. */
function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvText).join(','), ...rows.map((row) => row.map(cellText).join(','))];
  return lines.join(CRLF) + CRLF;
}

// --- Runs ----------------------------------------------------------------------------------------------------------

/** One condition's data in compare mode, e.g. `{ label: 'A', points }`. */
export interface ConditionRun<P> {
  /** Written to the "condition" column; any text (it is guarded), usually "A" or "B". */
  readonly label: string;
  readonly points: readonly P[];
}

/** Either one run's points, or several labelled runs (compare mode) for one file with a "condition" column. */
export type RunsInput<P> = readonly P[] | readonly ConditionRun<P>[];

function isRun<P>(item: P | ConditionRun<P>): item is ConditionRun<P> {
  return typeof item === 'object' && item !== null && 'label' in item && 'points' in item;
}

function asRuns<P>(input: RunsInput<P>): { runs: readonly ConditionRun<P>[]; labelled: boolean } {
  const first = input[0];
  if (first !== undefined && isRun(first)) return { runs: input as readonly ConditionRun<P>[], labelled: true };
  return { runs: [{ label: '', points: input as readonly P[] }], labelled: false };
}

// --- Day -----------------------------------------------------------------------------------------------------------

/** The switched-on (carboxylated) protein shares the table shows, 0–1; they belong to the current habit. */
export interface ProteinReadings {
  readonly carboxylatedOsteocalcin: number;
  /** Carboxylated MGP that exists: 0 when MGP is not made (the table's "none made"). */
  readonly activeMgp: number;
}

export interface DayCsvMeta {
  /** Simulated day the points belong to, 1 for the first (DaySummary.day, i.e. `session.day.today(model).day`). */
  readonly day: number;
  /**
   * Osteocalcin and MGP shares, when known. They are properties of the intake habit (constant through a day at
   * fixed inputs), so the same value goes on every row of a run; the columns appear only when given.
   */
  readonly readings?: ProteinReadings;
}

/** A compare-mode day run: its own day number and readings when they differ from the shared meta. */
export interface DayRun extends ConditionRun<DayPoint> {
  readonly day?: number;
  readonly readings?: ProteinReadings;
}

/** Today's points for one run, or labelled compare-mode runs. */
export type DayRunsInput = readonly DayPoint[] | readonly DayRun[];

/** Decimal places per kind of column. Artery amounts in a day are thousandths of a mg, so they get more. */
const DECIMALS = {
  mg: 3,
  arteryDayMg: 6,
  mmolL: 4,
  percent: 2,
  boneMg: 1,
  bonePercent: 4,
  arteryYearsMg: 4,
  relative: 4,
} as const;

export const DAY_COLUMNS = [
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
] as const;

export const PROTEIN_COLUMNS = ['carboxylated osteocalcin (%)', 'carboxylated MGP (%)'] as const;

export const CONDITION_COLUMN = 'condition';

/** Minute of the day as "HH:MM"; the day's closing sample at 1440 is "24:00", as on the chart's axis. */
export function clockTime(minute: number): string {
  const m = Math.round(minute);
  const hours = Math.floor(m / 60);
  return `${String(hours).padStart(2, '0')}:${String(m - 60 * hours).padStart(2, '0')}`;
}

/**
 * Today's samples (every 10 simulated minutes, DayRecord.points) as CSV, one row per point. Amounts are cumulative
 * mg since midnight, exactly the model's numbers the table and chart show (the artery at true scale, not the map's
 * drawing exaggeration). "absorbed share" is absorbed / (absorbed + faeces), the table's share of the calcium that
 * has left the gut, empty until some has. Pass `[{ label: 'A', points }, { label: 'B', points }]` for both compare
 * conditions in one file.
 */
export function dayCsv(points: DayRunsInput, meta: DayCsvMeta): string {
  const { runs, labelled } = asRuns<DayPoint>(points);
  const dayRuns = runs as readonly DayRun[];
  const withProteins = meta.readings !== undefined || dayRuns.some((r) => r.readings !== undefined);
  const header = [...(labelled ? [CONDITION_COLUMN] : []), ...DAY_COLUMNS, ...(withProteins ? PROTEIN_COLUMNS : [])];
  const rows: Cell[][] = [];
  for (const run of dayRuns) {
    const day = run.day ?? meta.day;
    const readings = run.readings ?? meta.readings;
    for (const p of run.points) {
      const leftGut = p.absorbed + p.faeces;
      const row: Cell[] = [
        num(day, 0),
        text(clockTime(p.minute)),
        num((day - 1) * MINUTES_PER_DAY + p.minute, 0),
        num(p.eaten, DECIMALS.mg),
        num(p.absorbed, DECIMALS.mg),
        num(p.faeces, DECIMALS.mg),
        num(p.urine, DECIMALS.mg),
        num(p.boneIn, DECIMALS.mg),
        num(p.boneOut, DECIMALS.mg),
        num(p.artery, DECIMALS.arteryDayMg),
        leftGut > 0 ? num((100 * p.absorbed) / leftGut, DECIMALS.percent) : null,
        num(p.serum, DECIMALS.mmolL),
      ];
      if (labelled) row.unshift(text(run.label));
      if (withProteins) {
        row.push(
          readings ? num(100 * readings.carboxylatedOsteocalcin, DECIMALS.percent) : null,
          readings ? num(100 * readings.activeMgp, DECIMALS.percent) : null,
        );
      }
      rows.push(row);
    }
  }
  return toCsv(header, rows);
}

// --- Years ---------------------------------------------------------------------------------------------------------

export const YEARS_COLUMNS = [
  'year',
  'age (years)',
  'bone mineral (mg)',
  'bone mineral (% of start)',
  'artery wall index (illustrative mg)',
  'absorbed share (%)',
  'serum calcium (mmol/L)',
  'PTH (relative to reference)',
  'calcitriol (relative to reference)',
] as const;

/**
 * The life course (LifeCourse.series) as CSV, one row per simulated year, at the end of that year: the bone chart's
 * "% of start", the artery chart's illustrative index, and the table's absorbed share and blood calcium, plus the
 * hormone levels the blood panel shows. The starting point (age at start, 100 % bone) is not a row: it is not a
 * simulated year. Pass labelled runs for compare mode.
 */
export function yearsCsv(series: RunsInput<YearPoint>): string {
  const { runs, labelled } = asRuns<YearPoint>(series);
  const header = [...(labelled ? [CONDITION_COLUMN] : []), ...YEARS_COLUMNS];
  const rows: Cell[][] = [];
  for (const run of runs) {
    for (const p of run.points) {
      const row: Cell[] = [
        num(p.year, 0),
        num(p.ageYears, 1),
        num(p.boneMineralMg, DECIMALS.boneMg),
        num(p.bonePercentOfStart, DECIMALS.bonePercent),
        num(p.arteryMg, DECIMALS.arteryYearsMg),
        num(100 * p.fractionalAbsorption, DECIMALS.percent),
        num(p.serumCalciumMmolL, DECIMALS.mmolL),
        num(p.pthRelative, DECIMALS.relative),
        num(p.calcitriolRelative, DECIMALS.relative),
      ];
      if (labelled) row.unshift(text(run.label));
      rows.push(row);
    }
  }
  return toCsv(header, rows);
}

// --- Scenario and file name ----------------------------------------------------------------------------------------

export const SCENARIO_COLUMNS = ['setting', 'value', 'unit'] as const;

export interface ScenarioExtra {
  /** The world's random seed (packet draws only; the model's numbers do not depend on it). */
  readonly seed?: number;
  readonly view?: View;
}

/** A labelled scenario for compare mode. */
export interface ScenarioRun {
  readonly label: string;
  readonly inputs: Inputs;
  readonly seed?: number;
}

/**
 * The intake settings behind an export as a small CSV of its own (setting, value, unit; a leading "condition"
 * column for labelled compare-mode runs), kept out of the data file so that file starts with its header and every
 * row is data. Offer it beside the data or keep it for a lab sheet; the data file's name (csvFileName) already
 * carries the headline settings.
 */
export function scenarioCsv(inputs: Inputs | readonly ScenarioRun[], extra: ScenarioExtra = {}): string {
  const labelled = isScenarioList(inputs);
  const runs: readonly ScenarioRun[] = labelled ? inputs : [{ label: '', inputs }];
  const rows: Cell[][] = [];
  for (const run of runs) {
    const i = run.inputs;
    const add = (setting: string, value: Cell, unit: string): void => {
      rows.push([...(labelled ? [text(run.label)] : []), text(setting), value, text(unit)]);
    };
    if (extra.view) add('view', text(extra.view), '');
    add('calcium', num(i.calciumMgPerDay, 0), 'mg/day');
    add('vitamin D3', num(i.d3IuPerDay, 0), 'IU/day');
    add('vitamin K2', num(i.k2UgPerDay, 0), 'mcg/day');
    add('vitamin K2 form', text(i.k2Form === 'mk7' ? 'MK-7' : 'MK-4'), '');
    add('vitamin K1', num(i.k1UgPerDay, 0), 'mcg/day');
    add('warfarin', text(i.warfarin ? 'yes' : 'no'), '');
    add('age at start', num(i.ageYears, 0), 'years');
    add('sex', text(i.sex), '');
    add('MGP absent', text(i.mgpAbsent ? 'yes' : 'no'), '');
    const seed = run.seed ?? extra.seed;
    if (seed !== undefined) add('seed', num(seed, 0), '');
  }
  return toCsv(labelled ? [CONDITION_COLUMN, ...SCENARIO_COLUMNS] : SCENARIO_COLUMNS, rows);
}

function isScenarioList(value: Inputs | readonly ScenarioRun[]): value is readonly ScenarioRun[] {
  return Array.isArray(value);
}

/** A whole number for a file name: digits only (a dot for fractions), never a path character. */
function namePart(value: number): string {
  if (!Number.isFinite(value)) return 'x';
  return String(Math.round(Math.abs(value) * 100) / 100).replace(/[^0-9.]/g, '');
}

function scenarioSlug(i: Inputs): string {
  const parts = [
    `ca${namePart(i.calciumMgPerDay)}`,
    `d3-${namePart(i.d3IuPerDay)}`,
    `k2-${namePart(i.k2UgPerDay)}${i.k2Form}`,
    `k1-${namePart(i.k1UgPerDay)}`,
    `age${namePart(i.ageYears)}`,
  ];
  if (i.warfarin) parts.push('warfarin');
  if (i.mgpAbsent) parts.push('no-mgp');
  return parts.join('-');
}

export interface FileNameOptions {
  /** Day number, added as "-dayN" in the day view. */
  readonly day?: number;
  /** Extension without the dot; "csv" unless told. */
  readonly extension?: string;
  /** A chart's name (its figure's data-chart, e.g. "day-serum"), used in place of the view for chart images. */
  readonly chart?: string;
}

/**
 * A descriptive, filesystem-safe name, e.g. "calcium-routes-day-ca1000-d3-1000-k2-30mk7-k1-120-age40-day3.csv".
 * Compare mode passes both conditions' inputs: "…-ca1000-d3-1000-…-vs-ca1000-d3-0-….csv". With `chart` and
 * extension "png" it names a chart image: "calcium-routes-day-serum-ca1000-….png".
 */
export function csvFileName(view: View, inputs: Inputs | readonly Inputs[], options: FileNameOptions = {}): string {
  const list: readonly Inputs[] = Array.isArray(inputs) ? inputs : [inputs as Inputs];
  const scenario = list.map(scenarioSlug).join('-vs-');
  const day = view === 'day' && options.day !== undefined ? `-day${namePart(options.day)}` : '';
  const extension = (options.extension ?? 'csv').replace(/[^a-z0-9]/gi, '') || 'csv';
  const what = options.chart?.toLowerCase().replace(/[^a-z0-9-]/g, '') || view;
  return `calcium-routes-${what}-${scenario}${day}.${extension}`;
}
