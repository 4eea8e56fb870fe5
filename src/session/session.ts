/**
 * A running simulation: the controller actor wired to the particle world (day view) and a life course (years
 * view). The playable app, the tests and any embedding are meant to share this one wiring, so what tests exercise is
 * what students run. The world is only ever changed here, in answer to the controller's emitted effects.
 */
import { type Actor, type AnyActorLogic, createActor } from 'xstate';
import { calciumTable } from '../machines/calcium.table';
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

export class Session {
  readonly actor: Actor<typeof simulationMachine>;
  world: World;
  /** Today's amounts and the last full day, from the world's integrator. */
  day: DayRecord;
  /** Goes up whenever anything a panel shows may have changed, so panels can skip work when it has not. */
  version = 0;
  private course: LifeCourse | null = null;
  private readonly packetMg: number;
  private arteryExaggeration: number;

  constructor(options: SessionOptions = {}) {
    const machine = options.frameSource
      ? simulationMachine.provide({ actors: { frameSource: options.frameSource as never } })
      : simulationMachine;
    this.actor = createActor(machine, { input: options.input });
    this.packetMg = options.packetMg ?? DEFAULT_PACKET_MG;
    this.arteryExaggeration = options.arteryExaggeration ?? 1;
    const { inputs, seed } = this.actor.getSnapshot().context;
    this.world = this.makeWorld(inputs, seed);
    this.day = new DayRecord(this.world.model);

    this.actor.on('world.advance', ({ ticks, view }) => {
      this.version++;
      if (view === 'day') {
        this.runDay(ticks);
        return;
      }
      const course = this.lifeCourse;
      for (let i = 0; i < ticks && course.inputs.ageYears + course.years < MAX_MODEL_AGE; i++) course.stepYear();
    });
    this.actor.on('world.reset', ({ inputs, seed, view }) => {
      this.version++;
      this.course = null;
      if (view === 'day') {
        this.world = this.makeWorld(inputs, seed);
        this.day = new DayRecord(this.world.model);
      }
    });
    this.actor.on('inputs.changed', ({ inputs }) => {
      this.version++;
      // Day view: the body adapts from where it is. Years view: a life course is one habit, so it starts again.
      this.world.setInputs(inputs);
      this.course = null;
    });
    this.actor.start();
  }

  /** Day-view drawing scale for artery-wall deposits (1 = true scale); kept across resets. */
  setArteryExaggeration(factor: number): void {
    this.world.setArteryExaggeration(factor);
    this.arteryExaggeration = factor;
    this.version++;
  }

  get arteryDrawingScale(): number {
    return this.arteryExaggeration;
  }

  /** Whether the years view has reached the oldest age the model describes. */
  get lifeCourseEnded(): boolean {
    const course = this.course;
    return course !== null && course.inputs.ageYears + course.years >= MAX_MODEL_AGE;
  }

  /** Runs the world in chunks that end on the day record's sample minutes, so the charts sample on a fixed grid. */
  private runDay(ticks: number): void {
    let left = ticks;
    while (left > 0) {
      const chunk = Math.min(left, this.day.ticksToNextSample(this.world.model));
      this.world.run(chunk);
      left -= chunk;
      if (this.world.model.tick % SAMPLE_MINUTES === 0) this.day.sample(this.world.model);
    }
  }

  /** The years-view life course for the current inputs, made on first use (settling it costs tens of ms). */
  get lifeCourse(): LifeCourse {
    this.course ??= new LifeCourse(this.actor.getSnapshot().context.inputs);
    return this.course;
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
