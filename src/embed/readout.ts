/**
 * What the embed API reports: the controller's state and the outcome so far, read from a Session the way the app's
 * panels read it (src/ui/app.ts): today's amounts from the day record, the life course in the years view, the
 * carboxylated fractions from the current habit. Plain, structured-clone-safe data; numbers that are not finite
 * (a share before anything has left the gut) are sent as null so a parent can JSON.stringify them.
 */
import type { Scene } from '../lesson/sceneSchema';
import type { Speed, View } from '../machines/clock';
import type { LessonContext } from '../machines/lesson.machine';
import type { Inputs } from '../model/inputs';
import { serumCalcium } from '../model/physiology';
import type { DaySummary } from '../session/dayRecord';
import type { Run, Session } from '../session/session';

export interface EmbedState {
  readonly inputs: Inputs;
  /** Condition B's inputs while comparing, else null. */
  readonly compare: Inputs | null;
  readonly view: View;
  readonly speed: Speed;
  readonly seed: number;
  /** 'suspended' is running while the tab is hidden. */
  readonly clock: 'paused' | 'running' | 'suspended';
  /** Ticks played in the current view since the last reset: minutes (day view) or years (years view). */
  readonly tick: number;
  /** The guided scene and its current step (counted from 0), or null. */
  readonly scene: { readonly id: string; readonly step: number; readonly steps: number } | null;
}

/** Carboxylated (active) shares of the two vitamin K-dependent proteins, 0–1. */
export interface Carboxylated {
  readonly osteocalcin: number;
  /** Matrix Gla protein that exists and is carboxylated (0 when MGP is absent). */
  readonly mgp: number;
}

/** Amounts in mg; `absorbedShare` is a fraction, 0–1 (null before any calcium has left the gut). */
export interface Amounts {
  readonly eaten: number;
  readonly absorbed: number;
  readonly absorbedShare: number | null;
  readonly faeces: number;
  readonly urine: number;
  readonly boneIn: number;
  readonly boneOut: number;
  /** Artery-wall mineral laid down, mg, at true scale (an illustrative rate, not a calibrated prediction). */
  readonly artery: number;
}

export interface DayOutcome extends Amounts {
  readonly kind: 'day';
  /** Day number, 1 for the first simulated day. */
  readonly day: number;
  /** Minutes of that day covered (1440 for a whole day). */
  readonly minutes: number;
  /** Total serum calcium, mmol/L: now (or at the day's end for a finished day), and the day's lowest and highest. */
  readonly serum: number;
  readonly serumMin: number | null;
  readonly serumMax: number | null;
  readonly carboxylated: Carboxylated;
}

export interface YearsOutcome extends Amounts {
  readonly kind: 'years';
  readonly startAge: number;
  /** Age at the end of the last year run (startAge when none has run yet). */
  readonly age: number;
  readonly years: number;
  /** Total serum calcium at the end of the last year run, mmol/L. */
  readonly serum: number;
  readonly boneMineralMg: number;
  readonly bonePercentOfStart: number;
  /** Artery-wall mineral in total, mg: an illustrative index, not a calibrated prediction. */
  readonly arteryWallMg: number;
  readonly carboxylated: Carboxylated;
}

export interface ConditionOutcome {
  readonly inputs: Inputs;
  /** Day view: today so far. Years view: the whole life course so far. */
  readonly current: DayOutcome | YearsOutcome;
  /** Day view: the last complete day, or null during the first day. Years view: null. */
  readonly lastDay: DayOutcome | null;
}

export interface EmbedOutcome {
  readonly view: View;
  readonly tick: number;
  readonly a: ConditionOutcome;
  /** Condition B while comparing, else null. */
  readonly b: ConditionOutcome | null;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function readState(session: Session): EmbedState {
  const snap = session.actor.getSnapshot();
  const { context } = snap;
  const runner = snap.children.lesson;
  const lesson = runner ? (runner.getSnapshot() as { context: LessonContext }).context : null;
  const clock = snap.matches({ clock: 'running' })
    ? 'running'
    : snap.matches({ clock: 'suspended' })
      ? 'suspended'
      : 'paused';
  return {
    inputs: { ...context.inputs },
    compare: context.compare ? { ...context.compare } : null,
    view: context.view,
    speed: context.speed,
    seed: context.seed,
    clock,
    tick: context.tick,
    scene: lesson ? { id: lesson.scene.id, step: lesson.index, steps: lesson.scene.steps.length } : null,
  };
}

function carboxylatedOf(run: Run): Carboxylated {
  const habit = run.world.currentHabit;
  return { osteocalcin: habit.carboxylatedOsteocalcin, mgp: habit.activeMgp };
}

function dayOutcome(summary: DaySummary, carboxylated: Carboxylated): DayOutcome {
  return {
    kind: 'day',
    day: summary.day,
    minutes: summary.minutes,
    eaten: summary.eaten,
    absorbed: summary.absorbed,
    absorbedShare: finiteOrNull(summary.absorbedShare),
    faeces: summary.faeces,
    urine: summary.urine,
    boneIn: summary.boneIn,
    boneOut: summary.boneOut,
    artery: summary.artery,
    serum: summary.serumNow,
    serumMin: finiteOrNull(summary.serumMin),
    serumMax: finiteOrNull(summary.serumMax),
    carboxylated,
  };
}

function yearsOutcome(run: Run, inputs: Inputs): YearsOutcome {
  const course = run.lifeCourse(inputs);
  const latest = course.series[course.series.length - 1] ?? null;
  // The life course's totals count from its start (a settled typical day, totals at zero).
  const t = course.state.totals;
  const absorbed = t.absorbedActive + t.absorbedPassive;
  const leftGut = absorbed + t.faeces;
  return {
    kind: 'years',
    startAge: course.inputs.ageYears,
    age: latest?.ageYears ?? course.inputs.ageYears,
    years: course.years,
    eaten: t.eaten,
    absorbed,
    absorbedShare: leftGut > 0 ? absorbed / leftGut : null,
    faeces: t.faeces,
    urine: t.urine,
    boneIn: t.mineralised,
    boneOut: t.resorbed,
    artery: t.artery,
    serum: latest?.serumCalciumMmolL ?? serumCalcium(course.state.ecf),
    boneMineralMg: latest?.boneMineralMg ?? course.startBoneMineralMg,
    bonePercentOfStart: latest?.bonePercentOfStart ?? 100,
    arteryWallMg: latest?.arteryMg ?? course.state.arteryWall,
    carboxylated: carboxylatedOf(run),
  };
}

function conditionOutcome(run: Run, inputs: Inputs, view: View): ConditionOutcome {
  if (view === 'years') return { inputs: { ...inputs }, current: yearsOutcome(run, inputs), lastDay: null };
  const carboxylated = carboxylatedOf(run);
  return {
    inputs: { ...inputs },
    current: dayOutcome(run.day.today(run.world.model), carboxylated),
    lastDay: run.day.lastDay ? dayOutcome(run.day.lastDay, carboxylated) : null,
  };
}

export function readOutcome(session: Session): EmbedOutcome {
  const { context } = session.actor.getSnapshot();
  return {
    view: context.view,
    tick: context.tick,
    a: conditionOutcome(session.a, context.inputs, context.view),
    b: session.b && context.compare ? conditionOutcome(session.b, context.compare, context.view) : null,
  };
}

/** The scenes a parent may load, with their titles in every language they have. */
export function listScenes(scenes: readonly Scene[]): { id: string; title: Scene['title']; steps: number }[] {
  return scenes.map((scene) => ({ id: scene.id, title: { ...scene.title }, steps: scene.steps.length }));
}
