/**
 * The embed API against messages meant to break it: other tools' messages, unknown types and versions, the wrong
 * types, oversized and deeply nested payloads, prototype-pollution keys, values that are not plain data, and a few
 * thousand random messages. None may throw, change the simulation, or touch Object.prototype; every one with a
 * usable id gets a clear error.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGE_LIMITS, parseMessage, plainDataProblem } from '../../src/embed/protocol';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { createPrng } from '../../src/model/prng';
import { errorOf, makeFrame } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const untouched = (frame: ReturnType<typeof makeFrame>): void => {
  const snap = frame.session.actor.getSnapshot();
  expect(snap.context.inputs).toEqual(DEFAULT_INPUTS);
  expect(snap.context.tick).toBe(0);
  expect(snap.matches({ clock: 'paused' })).toBe(true);
};

describe("other tools' messages", () => {
  it.each([
    ['a string', 'calcium-routes:play'],
    ['a number', 42],
    ['null', null],
    ['an array', [{ type: 'calcium-routes:play', v: 1, id: 1 }]],
    ['another namespace', { type: 'lti.resize', height: 400, id: 1 }],
    ['a type that is not a string', { type: ['calcium-routes:play'], v: 1, id: 1 }],
    ['no type', { v: 1, id: 1, inputs: { calciumMgPerDay: 0 } }],
    ['a bare prefix lookalike', { type: 'calcium-routes-play', v: 1, id: 1 }],
  ])('ignores %s without a word', (_, data) => {
    const frame = makeFrame();
    frame.deliver(data);
    expect(frame.replies()).toEqual([]);
    expect(frame.warnings).toEqual([]);
    untouched(frame);
  });
});

describe('malformed messages of ours', () => {
  it('answers an unknown type with the list of known ones', () => {
    const frame = makeFrame();
    const error = errorOf(frame.ask({ type: 'calcium-routes:explode' }));
    expect(error).toMatch(/unknown message type "calcium-routes:explode"/);
    expect(error).toContain('calcium-routes:set-inputs');
    expect(error).toContain('calcium-routes:get-outcome');
  });

  it('answers a missing or unsupported version', () => {
    const frame = makeFrame();
    expect(errorOf(frame.ask({ type: 'calcium-routes:play', v: 2 }))).toMatch(/version 2 is not supported/);
    expect(errorOf(frame.ask({ type: 'calcium-routes:play', v: '1' }))).toMatch(/version "1" is not supported/);
    expect(errorOf(frame.ask({ type: 'calcium-routes:play', v: undefined }))).toMatch(/has no version; add v: 1/);
    untouched(frame);
  });

  it('refuses fields a message does not take', () => {
    const frame = makeFrame();
    expect(errorOf(frame.ask({ type: 'calcium-routes:play', speed: 'fast' }))).toMatch(
      /speed: is not a field of this message/,
    );
    untouched(frame);
  });

  it('says nothing (but warns in the console) when the id is unusable', () => {
    const frame = makeFrame();
    for (const id of [{ n: 1 }, '', 'x'.repeat(101), Number.NaN, true]) {
      frame.deliver({ type: 'calcium-routes:explode', v: 1, id });
    }
    expect(frame.replies()).toEqual([]);
    expect(frame.warnings).toHaveLength(5);
    expect(frame.warnings.every((w) => w.includes('unknown message type'))).toBe(true);
  });

  it('echoes string and number ids exactly', () => {
    const frame = makeFrame();
    for (const id of ['a', 'ünï-cødé ✓', 0, -1.5, 1e300]) {
      frame.deliver({ type: 'calcium-routes:get-state', v: 1, id });
      expect(frame.replies().at(-1)?.id).toBe(id);
    }
  });
});

describe('oversized messages', () => {
  it.each([
    ['a long string', { inputs: { k2Form: 'mk7'.repeat(1_000_000) } }, /inputs.k2Form is too long/],
    ['many fields', { inputs: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i])) }, /too/],
    ['a long array', { inputs: { calciumMgPerDay: Array.from({ length: 100_000 }, () => 1) } }, /too many items/],
    ['deep nesting', { inputs: { a: { b: { c: { d: { e: 1 } } } } } }, /nested too deeply/],
    ['a long field name', { inputs: { ['x'.repeat(500)]: 1 } }, /field name .* too long/],
  ])('refuses %s quickly', (_, body, message) => {
    const frame = makeFrame();
    const started = performance.now();
    expect(errorOf(frame.ask({ type: 'calcium-routes:set-inputs', ...body }))).toMatch(message);
    // Generous: the checks stop at the limits, but structuredClone of the test's own payload is counted too.
    expect(performance.now() - started).toBeLessThan(2000);
    untouched(frame);
  });

  it('counts values across the whole message, not per object', () => {
    const wide = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, [1, 2, 3, 4]]));
    expect(plainDataProblem({ type: 'x', wide })).toMatch(`more than ${MESSAGE_LIMITS.values} values`);
  });
});

describe('prototype pollution', () => {
  const polluted = (): boolean =>
    'polluted' in Object.prototype || ({} as { polluted?: unknown }).polluted !== undefined;

  it.each([
    [
      '__proto__ in the inputs',
      '{"type":"calcium-routes:set-inputs","v":1,"id":"p","inputs":{"__proto__":{"polluted":true}}}',
    ],
    ['__proto__ at the top', '{"type":"calcium-routes:get-state","v":1,"id":"p","__proto__":{"polluted":true}}'],
    [
      'constructor.prototype',
      '{"type":"calcium-routes:set-inputs","v":1,"id":"p","inputs":{"constructor":{"prototype":{"polluted":true}}}}',
    ],
    ['prototype', '{"type":"calcium-routes:set-inputs","v":1,"id":"p","inputs":{"prototype":{"polluted":true}}}'],
  ])('refuses %s and leaves Object.prototype alone', (_, json) => {
    const frame = makeFrame();
    const data = JSON.parse(json) as unknown;
    // structuredClone keeps an own "__proto__" key as data, as the browser's postMessage does.
    frame.deliver(data);
    const reply = frame.replies().at(-1);
    expect(reply?.id).toBe('p');
    if (!reply) throw new Error('no reply');
    expect(errorOf(reply)).toMatch(/the field name "(__proto__|constructor|prototype)" is not allowed/);
    expect(polluted()).toBe(false);
    untouched(frame);
  });
});

describe('values that are not plain data', () => {
  it.each([
    ['a Date', new Date(0)],
    ['a Map', new Map([['calciumMgPerDay', 0]])],
    ['a typed array', new Float64Array(4)],
    ['a Blob', new Blob(['x'])],
  ])('refuses %s', (_, value) => {
    const frame = makeFrame();
    expect(errorOf(frame.ask({ type: 'calcium-routes:set-inputs', inputs: { calciumMgPerDay: value } }))).toMatch(
      /is not plain data/,
    );
    untouched(frame);
  });

  it('never throws on objects no structured clone could make (getters, proxies, class instances)', () => {
    const frame = makeFrame();
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    const withGetter = {
      type: 'calcium-routes:set-inputs',
      v: 1,
      id: 'g',
      get inputs() {
        throw new Error('boom');
      },
    };
    class Message {
      type = 'calcium-routes:get-state';
      v = 1;
      id = 'c';
    }
    for (const data of [
      throwing,
      withGetter,
      new Message(),
      { type: 'calcium-routes:play', v: 1, id: 'p', inputs: throwing },
    ]) {
      expect(() => frame.deliver(data, { clone: false })).not.toThrow();
    }
    const errors = frame.replies().map((r) => (r.ok ? 'ok' : r.error));
    expect(errors).toEqual([
      'Refused: inputs is not plain data (a getter).',
      'Refused: the message could not be read.',
    ]);
    untouched(frame);
  });
});

describe('random messages', () => {
  it('never throw, and every reply is a well-formed reply to the right id', () => {
    const frame = makeFrame();
    const prng = createPrng(20240611);
    const random = (): number => prng.next();
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const names = [
      'set-inputs',
      'load-scene',
      'play',
      'pause',
      'step',
      'set-view',
      'set-speed',
      'reset',
      'get-outcome',
      'get-state',
      'nope',
    ];
    const values: (() => unknown)[] = [
      () => null,
      () => undefined,
      () => random() * 1e6 - 5e5,
      () => Math.floor(random() * 3000),
      () => pick([Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308]),
      () => pick(['', 'mk7', 'mk4', 'female', 'day', 'years', 'fast', 'warfarin', 'no-vitamin-d', '__proto__']),
      () => random() < 0.5,
      () => [random(), 'x'],
      () => ({ calciumMgPerDay: Math.floor(random() * 4000) - 500 }),
      () => ({ [pick(['d3IuPerDay', 'sex', 'k2Form', 'bogus'])]: pick([0, 'male', 'mk4', true, null]) }),
    ];
    const fields = ['inputs', 'scene', 'step', 'ticks', 'view', 'speed', 'defaults', 'extra'];
    for (let i = 0; i < 2000; i++) {
      const message: Record<string, unknown> = { type: `calcium-routes:${pick(names)}`, id: i };
      if (random() < 0.9) message.v = 1;
      const count = Math.floor(random() * 3);
      for (let f = 0; f < count; f++) message[pick(fields)] = pick(values)();
      if (random() < 0.1) message.id = pick(values)();
      // Keep the run short (and the clock paused, so steps are taken): no play, and long steps become too long to
      // take at all (refused at once) rather than simulated.
      if (message.type === 'calcium-routes:play') continue;
      if (message.type === 'calcium-routes:step' && typeof message.ticks === 'number' && message.ticks > 60) {
        message.ticks = 1_000_000;
      }
      expect(() => frame.deliver(message)).not.toThrow();
    }
    const replies = frame.replies();
    expect(replies.length).toBeGreaterThan(1300);
    for (const reply of replies) {
      expect(reply.type).toBe('calcium-routes:reply');
      expect(reply.v).toBe(1);
      if (!reply.ok) expect(reply.error).toMatch(/^(Refused|Failed)/);
      expect(reply.ok ? 'result' in reply : typeof reply.error === 'string').toBe(true);
    }
    expect(replies.some((r) => r.ok)).toBe(true);
    expect(replies.filter((r) => !r.ok && r.error.startsWith('Failed'))).toEqual([]);
    // The simulation is still sound: inputs in range, conservation is the model's own test.
    const { inputs } = frame.session.actor.getSnapshot().context;
    expect(inputs.calciumMgPerDay).toBeGreaterThanOrEqual(0);
    expect(inputs.calciumMgPerDay).toBeLessThanOrEqual(3000);
  }, 30_000);
});

describe('parseMessage', () => {
  it('reads a good message into its typed form', () => {
    expect(parseMessage({ type: 'calcium-routes:load-scene', v: 1, id: 7, scene: 'warfarin', step: 2 })).toEqual({
      kind: 'request',
      id: 7,
      request: { type: 'calcium-routes:load-scene', v: 1, id: 7, scene: 'warfarin', step: 2 },
    });
  });
});
