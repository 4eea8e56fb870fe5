/**
 * `npm run bench`: model cost per packet-step at about 1k, 5k and 20k live packets, against the plain-array floor
 * (floor.ts) measured in the same process with rounds alternating, so machine noise hits both alike. Prints
 * figures and the ratio; asserts nothing (targets are checked by reading, not by timed tests).
 * Target (issue 2): world ≤ 2 × floor.
 */
import { calciumTable } from '../../src/machines/calcium.table';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { leaveProbability } from '../../src/model/integrator';
import { createPrng } from '../../src/model/prng';
import { sampleMovers, World } from '../../src/model/world';
import { type FloorProbabilities, floorStep } from './floor';

const FAST_POOLS_MG = 5_450; // ECF + bone surface + the gut's mean content on the default diet
const TARGETS = [1_000, 5_000, 20_000];
const ROUNDS = 7;
const PACKET_STEPS_PER_ROUND = 6_000_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const nowNs = () => Number(process.hrtime.bigint());

function cumulative(hazards: number[]): number[] {
  const total = hazards.reduce((a, b) => a + b, 0);
  const p = leaveProbability(total);
  let running = 0;
  return hazards.map((h) => {
    running += h;
    return (p * running) / total;
  });
}

function floorProbabilities(world: World): FloorProbabilities {
  // Read the hazards the world used on its latest tick, so the floor samples the same probabilities.
  const h = (world as unknown as { hazards: Record<string, number> }).hazards;
  const n = (key: string) => h[key] as number;
  return Float64Array.from([
    ...cumulative([n('absorbActive'), n('absorbPassive'), n('passToFaeces')]),
    leaveProbability(n('pumpToBlood')),
    ...cumulative([n('filter'), n('exchangeToBone'), n('secreteToGut'), n('nucleateArtery')]),
    ...cumulative([n('reabsorb'), n('excreteUrine')]),
    ...cumulative([n('exchangeFromBone'), n('mineralise')]),
  ]);
}

console.log('Calcium Routes model benchmark: cost per packet-step, world vs plain-array floor (same run)');
console.log(
  `node ${process.version}, ${ROUNDS} alternating rounds of ~${PACKET_STEPS_PER_ROUND / 1e6}M packet-steps each, medians\n`,
);
console.log('target N   live   packet mg   world ns/step   sampler only   floor ns/step   ratio');
const table = calciumTable();
for (const target of TARGETS) {
  const packetMg = FAST_POOLS_MG / target;
  const world = new World({ inputs: DEFAULT_INPUTS, seed: 1, table, packetMg });
  world.run(60); // warm up, and reach a meal-free stretch of the night
  const live = world.liveCount;
  const floorPackets = Uint8Array.from(world.compartment);
  const floorNext = createPrng(2).next;
  const p = floorProbabilities(world);
  const floor = () => floorStep(floorPackets, floorNext, p);
  const ticks = Math.max(20, Math.round(PACKET_STEPS_PER_ROUND / live));
  for (let i = 0; i < 20; i++) floor();
  // The world's sampling loop alone, on a copy of its arrays: separates per-packet cost from per-tick work.
  const internals = world as unknown as { leave: Float64Array; cut: Float64Array; cutEvent: Uint8Array };
  const samplerPackets = Uint8Array.from(world.compartment);
  const samplerNext = createPrng(3).next;
  const samplerOut = new Int32Array(2 * samplerPackets.length);
  const sampler = () =>
    sampleMovers(samplerPackets, samplerNext, internals.leave, internals.cut, internals.cutEvent, samplerOut);
  const worldNs: number[] = [];
  const samplerNs: number[] = [];
  const floorNs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = nowNs();
    world.run(ticks);
    worldNs.push((nowNs() - t) / (ticks * live));
    t = nowNs();
    for (let i = 0; i < ticks; i++) sampler();
    samplerNs.push((nowNs() - t) / (ticks * live));
    t = nowNs();
    for (let i = 0; i < ticks; i++) floor();
    floorNs.push((nowNs() - t) / (ticks * live));
  }
  const w = median(worldNs);
  const sOnly = median(samplerNs);
  const f = median(floorNs);
  console.log(
    `${String(target).padStart(8)} ${String(live).padStart(6)} ${packetMg.toFixed(3).padStart(11)} ${w.toFixed(2).padStart(15)} ${sOnly.toFixed(2).padStart(14)} ${f.toFixed(2).padStart(15)} ${(w / f).toFixed(2).padStart(7)}`,
  );
}
console.log(
  '\nratio = world ÷ floor. Target: ratio ≤ 2.00. The world includes the integrator step, threshold set-up, counts and',
);
console.log(
  "the move log; 'sampler only' is its packet loop alone, so world − sampler is the per-tick work spread over N.",
);
