/**
 * A running simulation: the controller actor wired to the particle world (day view) and a life course (years
 * view). The playable app, the tests and any embedding are meant to share this one wiring, so what tests exercise is
 * what students run. The world is only ever changed here, in answer to the controller's emitted effects.
 */
import { type Actor, type AnyActorLogic, createActor } from 'xstate';
import { calciumTable } from '../machines/calcium.table';
import type { View } from '../machines/clock';
import { proteinTable } from '../machines/gla.table';
import { type SimulationInput, simulationMachine } from '../machines/simulation.machine';
import type { Inputs } from '../model/inputs';
import { DEFAULT_PACKET_MG, World } from '../model/world';
import { LifeCourse, MAX_MODEL_AGE } from '../model/years';
import { DayRecord, SAMPLE_MINUTES } from './dayRecord';

export interface SessionOptions {
  readonly input?: SimulationInput;
  /** Replaces the requestAnimationFrame frame source (tests pass a silent actor and send frames by hand). */
  readonly frameSource?: AnyActorLogic;
  readonly packetMg?: number;
  readonly arteryExaggeration?: number;
}

/** Osteocalcin and MGP molecules drawn in each tissue: enough to read a share at a glance, few enough to count. */
const PROTEIN_MARKERS = 24;

/**
 * One condition's run: the particle world (day view), its day record, and its life course (years view). Compare
 * mode has two runs, A and B, that the one controller clock advances together.
 */
export class Run {
  world: World;
  /** Today's amounts and the last full day, from the world's integrator. */
  day: DayRecord;
  private course: LifeCourse | null = null;

  constructor(
    private readonly make: (inputs: Inputs, seed: number) => World,
    inputs: Inputs,
    seed: number,
  ) {
    this.world = make(inputs, seed);
    this.day = new DayRecord(this.world.model);
  }

  reset(inputs: Inputs, seed: number, view: View): void {
    this.course = null;
    if (view === 'day') {
      this.world = this.make(inputs, seed);
      this.day = new DayRecord(this.world.model);
    } else {
      // The world keeps its seed and habit in step with the controller even while the years view shows.
      this.world.setInputs(inputs);
    }
  }

  setInputs(inputs: Inputs): void {
    // Day view: the body adapts from where it is. Years view: a life course is one habit, so it starts again.
    this.world.setInputs(inputs);
    this.course = null;
  }

  /** Runs the world in chunks that end on the day record's sample minutes, so the charts sample on a fixed grid. */
  runDay(ticks: number): void {
    let left = ticks;
    while (left > 0) {
      const chunk = Math.min(left, this.day.ticksToNextSample(this.world.model));
      this.world.run(chunk);
      left -= chunk;
      if (this.world.model.tick % SAMPLE_MINUTES === 0) this.day.sample(this.world.model);
    }
  }

  runYears(years: number, inputs: Inputs): void {
    const course = this.lifeCourse(inputs);
    for (let i = 0; i < years && course.inputs.ageYears + course.years < MAX_MODEL_AGE; i++) course.stepYear();
  }

  /** The years-view life course for `inputs`, made on first use (settling it costs tens of ms). */
  lifeCourse(inputs: Inputs): LifeCourse {
    this.course ??= new LifeCourse(inputs);
    return this.course;
  }

  get lifeCourseEnded(): boolean {
    const course = this.course;
    return course !== null && course.inputs.ageYears + course.years >= MAX_MODEL_AGE;
  }
}

export class Session {
  readonly actor: Actor<typeof simulationMachine>;
  /** Condition A: the one every view shows. */
  readonly a: Run;
  /** Condition B while comparing, else null. */
  b: Run | null = null;
  /** Goes up whenever anything a panel shows may have changed, so panels can skip work when it has not. */
  version = 0;
  private readonly packetMg: number;
  private arteryExaggeration: number;

  constructor(options: SessionOptions = {}) {
    const machine = options.frameSource
      ? simulationMachine.provide({ actors: { frameSource: options.frameSource as never } })
      : simulationMachine;
    this.actor = createActor(machine, { input: options.input });
    this.packetMg = options.packetMg ?? DEFAULT_PACKET_MG;
    this.arteryExaggeration = options.arteryExaggeration ?? 1;
    const { inputs, seed, compare } = this.actor.getSnapshot().context;
    const make = (i: Inputs, s: number): World => this.makeWorld(i, s);
    this.a = new Run(make, inputs, seed);
    if (compare) this.b = new Run(make, compare, seed);

    this.actor.on('world.advance', ({ ticks, view }) => {
      this.version++;
      const context = this.actor.getSnapshot().context;
      if (view === 'day') {
        this.a.runDay(ticks);
        this.b?.runDay(ticks);
        return;
      }
      this.a.runYears(ticks, context.inputs);
      if (this.b && context.compare) this.b.runYears(ticks, context.compare);
    });
    this.actor.on('world.reset', ({ inputs, compare, seed, view }) => {
      this.version++;
      this.a.reset(inputs, seed, view);
      if (compare) {
        if (this.b) this.b.reset(compare, seed, view);
        else this.b = new Run(make, compare, seed);
      } else {
        this.b = null;
      }
    });
    this.actor.on('inputs.changed', ({ inputs }) => {
      this.version++;
      this.a.setInputs(inputs);
    });
    this.actor.on('compare.changed', ({ inputs }) => {
      this.version++;
      if (!inputs) this.b = null;
      else if (this.b) this.b.setInputs(inputs);
      // A new B is made by the world.reset that starting compare also emits, so both start together.
    });
    this.actor.start();
  }

  /** Condition A's world (the one every view shows). */
  get world(): World {
    return this.a.world;
  }

  get day(): DayRecord {
    return this.a.day;
  }

  /** Day-view drawing scale for artery-wall deposits (1 = true scale); kept across resets. */
  setArteryExaggeration(factor: number): void {
    this.a.world.setArteryExaggeration(factor);
    this.b?.world.setArteryExaggeration(factor);
    this.arteryExaggeration = factor;
    this.version++;
  }

  get arteryDrawingScale(): number {
    return this.arteryExaggeration;
  }

  /** Whether the years view has reached the oldest age the model describes. */
  get lifeCourseEnded(): boolean {
    return this.a.lifeCourseEnded;
  }

  /** Condition A's years-view life course. */
  get lifeCourse(): LifeCourse {
    return this.a.lifeCourse(this.actor.getSnapshot().context.inputs);
  }

  /** Condition B's life course while comparing, else null. */
  get lifeCourseB(): LifeCourse | null {
    const compare = this.actor.getSnapshot().context.compare;
    return this.b && compare ? this.b.lifeCourse(compare) : null;
  }

  stop(): void {
    this.actor.stop();
  }

  private makeWorld(inputs: Inputs, seed: number): World {
    return new World({
      inputs,
      seed,
      table: calciumTable(),
      packetMg: this.packetMg,
      arteryExaggeration: this.arteryExaggeration,
      proteins: { table: proteinTable(), count: PROTEIN_MARKERS },
    });
  }
}
