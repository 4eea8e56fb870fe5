/**
 * The narrator speaks a few meaningful sentences, never a stream: driven here by a real Session (model, day
 * record, controller) stepped by hand, with the narrator fed a frame per simulated step and a fake real-time clock.
 */
import { describe, expect, it } from 'vitest';
import { fromCallback } from 'xstate';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { TICKS_PER_DAY } from '../../src/model/integrator';
import { serumStatus } from '../../src/model/physiology';
import { Session } from '../../src/session/session';
import { describeChange, NARRATION_GAP_MS, type NarrationFrame, Narrator } from '../../src/ui/narration/narrator';

const silentFrames = fromCallback(() => () => {});

/** What the page passes the narrator, read from the session exactly as app.ts reads it. */
function frameOf(s: Session): NarrationFrame {
  const { context } = s.actor.getSnapshot();
  const habit = s.world.currentHabit;
  const day = context.view === 'day';
  const course = day ? null : s.lifeCourse;
  return {
    view: context.view,
    comparing: context.compare !== null,
    inputs: context.inputs,
    activeMgp: habit.activeMgp,
    arteryDrive: habit.arteryMgPerDayAtReference,
    today: day ? s.day.today(s.world.model) : undefined,
    lastDay: day ? s.day.lastDay : undefined,
    latestYear: course ? (course.series[course.series.length - 1] ?? null) : null,
  };
}

/** Steps the session `minutes` at a time, one narrator frame per step and `msPerStep` of real time; returns what was said. */
function run(s: Session, narrator: Narrator, clock: { now: number }, steps: number, minutes = 30, msPerStep = 250) {
  const said: { at: number; text: string }[] = [];
  for (let i = 0; i < steps; i++) {
    s.actor.send({ type: 'step', ticks: minutes });
    clock.now += msPerStep;
    const text = narrator.observe(frameOf(s), clock.now);
    if (text) said.push({ at: clock.now, text });
  }
  return said;
}

describe('Narrator', () => {
  it('reports the first full day after a change with the effect the model shows, against the day before', () => {
    const s = new Session({ frameSource: silentFrames });
    const narrator = new Narrator();
    const clock = { now: 0 };
    const first = run(s, narrator, clock, (2 * TICKS_PER_DAY) / 30);
    expect(first.map((x) => x.text)).toEqual([expect.stringMatching(/^Day 1 complete: 1,000 mg eaten/)]);
    const before = s.day.lastDay?.absorbedShare ?? Number.NaN;

    s.actor.send({ type: 'inputs.set', patch: { d3IuPerDay: 0 } });
    const during = run(s, narrator, clock, TICKS_PER_DAY / 30);
    const day3 = s.day.lastDay;
    expect(day3?.day).toBe(3);
    const after = [...during, ...run(s, narrator, clock, TICKS_PER_DAY / 30)];
    const effect = after.find((x) => x.text.includes('after lowering vitamin D3'));
    expect(effect?.text).toMatch(/^Day 3, the first full day after lowering vitamin D3: absorption fell to \d+ %/);
    // The numbers spoken are the model's: day 3's share against day 2's, rounded as the table rounds them.
    const spoken = effect?.text.match(/fell to (\d+) %.*from (\d+) %/);
    expect(Number(spoken?.[1])).toBe(Math.round(100 * (day3?.absorbedShare ?? Number.NaN)));
    expect(Number(spoken?.[2])).toBe(Math.round(100 * before));
    expect(after.filter((x) => x.text.includes('first full day')).length).toBe(1);
  });

  it('never speaks twice within the gap, and lets the most important sentence go first', () => {
    const s = new Session({ frameSource: silentFrames });
    const narrator = new Narrator();
    const clock = { now: 0 };
    narrator.observe(frameOf(s), clock.now);
    // A burst of changes at 50 ms of real time per simulated half hour: days fly by, sentences queue up.
    const said: { at: number; text: string }[] = [];
    for (const patch of [{ mgpAbsent: true }, { d3IuPerDay: 0 }, { calciumMgPerDay: 300 }, { warfarin: true }]) {
      s.actor.send({ type: 'inputs.set', patch });
      said.push(...run(s, narrator, clock, TICKS_PER_DAY / 30, 30, 50));
    }
    said.push(...run(s, narrator, clock, 200, 30, 50));
    expect(said.length).toBeGreaterThan(1);
    for (let i = 1; i < said.length; i++) {
      expect((said[i]?.at ?? 0) - (said[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(NARRATION_GAP_MS);
    }
    // Removing MGP is news about the artery wall, said once.
    expect(said.filter((x) => x.text.startsWith('With no MGP')).length).toBe(1);
  });

  it('speaks when blood calcium leaves the normal range', () => {
    const s = new Session({ frameSource: silentFrames });
    const narrator = new Narrator(0);
    const clock = { now: 0 };
    run(s, narrator, clock, 10);
    s.actor.send({ type: 'inputs.set', patch: { d3IuPerDay: 40000, calciumMgPerDay: 2500 } });
    const said = run(s, narrator, clock, (20 * TICKS_PER_DAY) / 30);
    const serum = s.day.today(s.world.model).serumNow;
    expect(serumStatus(serum)).toBe('high');
    expect(said.filter((x) => x.text.startsWith('Blood calcium is above the normal range')).length).toBe(1);
  });

  it('is quiet while comparing (the comparison headline speaks then)', () => {
    const s = new Session({ frameSource: silentFrames });
    const narrator = new Narrator(0);
    s.actor.send({ type: 'compare.start', patch: { d3IuPerDay: 0 } });
    expect(run(s, narrator, { now: 0 }, (2 * TICKS_PER_DAY) / 30)).toEqual([]);
  });

  it('reports the years view every five years with the direction bone is going', () => {
    const s = new Session({ frameSource: silentFrames });
    const narrator = new Narrator(0);
    s.actor.send({ type: 'view.set', view: 'years' });
    const clock = { now: 0 };
    const said: string[] = [];
    const ages: number[] = [];
    for (let i = 0; i < 12; i++) {
      s.actor.send({ type: 'step', ticks: 1 });
      clock.now += 1000;
      const frame = frameOf(s);
      ages.push(frame.latestYear?.ageYears ?? Number.NaN);
      const text = narrator.observe(frame, clock.now);
      if (text) said.push(text);
    }
    // Twelve years from the first one seen: a report five and ten years on, with the model's direction for bone.
    const course = s.lifeCourse.series;
    const at = (age: number) => course.find((p) => p.ageYears === age)?.bonePercentOfStart ?? Number.NaN;
    const first = ages[0] ?? 0;
    expect(said.length).toBe(2);
    const direction =
      at(first + 5) < at(first) - 0.5 ? 'falling' : at(first + 5) > at(first) + 0.5 ? 'rising' : 'steady';
    expect(said[0]).toMatch(new RegExp(`^Age ${first + 5}: bone mineral is ${direction}`));
  });
});

describe('describeChange', () => {
  it('names the one thing that changed, or says the habit changed', () => {
    expect(describeChange(DEFAULT_INPUTS, { ...DEFAULT_INPUTS, d3IuPerDay: 0 })).toBe('after lowering vitamin D3');
    expect(describeChange(DEFAULT_INPUTS, { ...DEFAULT_INPUTS, k2Form: 'mk4' })).toBe(
      'after switching vitamin K2 to MK-4',
    );
    expect(describeChange(DEFAULT_INPUTS, { ...DEFAULT_INPUTS, warfarin: true, k1UgPerDay: 0 })).toBe(
      'after changing the habit',
    );
    expect(describeChange(DEFAULT_INPUTS, { ...DEFAULT_INPUTS })).toBeNull();
  });
});
