/**
 * Seeded pseudo-random numbers for the model. The world must be reproducible from (seed, inputs by tick, ticks),
 * so nothing in src/model may use an unseeded random source. sfc32 is small, fast, passes PractRand to large
 * sizes and keeps its whole state in four 32-bit integers, which makes snapshots trivial.
 */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** The four state words, to snapshot or compare runs. */
  state(): [number, number, number, number];
}

/** Expands one integer seed into four well-mixed state words (splitmix32 style). */
function seedWords(seed: number): [number, number, number, number] {
  let s = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    words.push((z ^ (z >>> 16)) >>> 0);
  }
  return [words[0] ?? 1, words[1] ?? 2, words[2] ?? 3, words[3] ?? 4];
}

export function createPrng(seed: number): Prng {
  // State in an Int32Array, not in closure variables: uint32 values above 2^31 held in variables are boxed as heap
  // numbers on every call, which made each draw cost ~30 ns instead of a few.
  const s = Int32Array.from(seedWords(seed));
  const next = (): number => {
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    const rotated = (c << 21) | (c >>> 11);
    s[2] = (rotated + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 is weakly mixed right after seeding.
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    state: () => [(s[0] as number) >>> 0, (s[1] as number) >>> 0, (s[2] as number) >>> 0, (s[3] as number) >>> 0],
  };
}

/**
 * A Poisson-distributed count with mean `lambda`, by inversion. Used for zero-order sources (bone resorption,
 * which releases calcium from a reservoir that is not made of packets). Lambdas here are small (< 50 per tick).
 */
export function poisson(prng: Prng, lambda: number): number {
  if (lambda <= 0) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let cumulative = p;
  const u = prng.next();
  while (u > cumulative && k < 1000) {
    k++;
    p *= lambda / k;
    cumulative += p;
  }
  return k;
}
