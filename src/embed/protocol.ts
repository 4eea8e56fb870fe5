/**
 * The embed API's messages (version 1): what a page that embeds Calcium Routes in an iframe may send it, and what it
 * answers. Pure: no DOM, no session. docs/embed.md describes the same messages for the people who write such pages;
 * keep the two in step.
 *
 * Every message is a plain object `{ type: 'calcium-routes:<name>', v: 1, id?, ...fields }`. Anything else is
 * treated as someone else's message and ignored, so the app can sit in a learning platform that uses postMessage
 * for its own purposes. A message of ours is read as untrusted data: its size and shape are checked before any of
 * it is used, and every field is checked against its schema (valibot, as for scene files).
 */
import * as v from 'valibot';
import { MAX_TICKS_PER_FRAME } from '../machines/clock';

export const EMBED_NAMESPACE = 'calcium-routes';
export const EMBED_VERSION = 1;
const PREFIX = `${EMBED_NAMESPACE}:`;

/** The request types, without the namespace. */
export const REQUEST_NAMES = [
  'set-inputs',
  'load-scene',
  'play',
  'pause',
  'step',
  'set-speed',
  'set-view',
  'reset',
  'get-outcome',
  'get-state',
  'list-scenes',
] as const;
export type RequestName = (typeof REQUEST_NAMES)[number];

/**
 * The most one `step` message may advance: a simulated day (about 0.1 s of work on a laptop, a few tenths on a
 * classroom Chromebook) or ten years. The page stays responsive; a longer run is several messages.
 */
export const MAX_STEP_TICKS = { day: 1440, years: 10 } as const;
/** Steps are sent to the controller in chunks it accepts in one event (src/machines/clock.ts). */
export const STEP_CHUNK = MAX_TICKS_PER_FRAME;

/** An id a reply can echo: a short string, or a finite number. */
export type MessageId = string | number;
const MAX_ID_LENGTH = 100;

/** Limits on a message's size and shape, checked before anything else looks at it. */
export const MESSAGE_LIMITS = Object.freeze({
  /** Nested objects and arrays, counting the message itself. */
  depth: 4,
  /** Values of any kind, counted across the whole message. */
  values: 64,
  /** Properties of any one object, or items of any one array. */
  entries: 24,
  /** Characters in any one string (names, ids and scene ids are all far shorter). */
  stringLength: 200,
});
/** Keys that could reach an object's prototype if some later code merged the message into an object. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// --- Schemas ------------------------------------------------------------------------------------------------------

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const IdSchema = v.union(
  [v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH)), v.pipe(v.number(), v.finite())],
  `must be a string of 1 to ${MAX_ID_LENGTH} characters or a finite number`,
);

const envelope = {
  v: v.literal(EMBED_VERSION, `must be ${EMBED_VERSION}`),
  id: v.optional(IdSchema),
};

const messageOf = <N extends RequestName, E extends v.ObjectEntries>(name: N, entries: E) =>
  v.strictObject(
    { type: v.literal(`${PREFIX}${name}` as `calcium-routes:${N}`), ...envelope, ...entries },
    // Called for the message's own issues: a missing field, or one this message does not take.
    (issue) => (issue.expected === 'never' ? 'is not a field of this message' : 'is missing'),
  );

/** Inputs are checked twice: their shape here, their names and ranges by the model (validateInputPatch). */
const InputsShapeSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (value) => isPlainObject(value),
    'must be an object of input names and values, e.g. { "d3IuPerDay": 600 }',
  ),
  v.check((inputs) => Object.keys(inputs).length > 0, 'must name at least one input'),
);
const SceneIdSchema = v.pipe(
  v.string('must be a scene id, e.g. "no-vitamin-d"'),
  v.maxLength(80, 'is too long for a scene id'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a scene id: lower-case words joined by hyphens, e.g. "no-vitamin-d"'),
);
const wholeNumber = (what: string, min: number) =>
  v.pipe(v.number(`must be ${what}`), v.integer(`must be ${what}`), v.minValue(min, `must be ${min} or more`));

export const REQUEST_SCHEMAS = {
  'set-inputs': messageOf('set-inputs', { inputs: InputsShapeSchema }),
  'load-scene': messageOf('load-scene', {
    scene: SceneIdSchema,
    step: v.optional(wholeNumber('a step number counted from 0', 0)),
  }),
  play: messageOf('play', {}),
  pause: messageOf('pause', {}),
  step: messageOf('step', {
    /** Minutes in the day view, years in the years view; default 1. */
    ticks: v.optional(wholeNumber('a whole number of minutes (day view) or years (years view)', 1)),
  }),
  'set-speed': messageOf('set-speed', {
    speed: v.picklist(['slow', 'normal', 'fast'], 'must be "slow", "normal" or "fast"'),
  }),
  'set-view': messageOf('set-view', { view: v.picklist(['day', 'years'], 'must be "day" or "years"') }),
  reset: messageOf('reset', {
    /** true: back to the default inputs and speed, ending any scene and compare (the Reset all button). */
    defaults: v.optional(v.boolean('must be true or false')),
  }),
  'get-outcome': messageOf('get-outcome', {}),
  'get-state': messageOf('get-state', {}),
  'list-scenes': messageOf('list-scenes', {}),
} as const satisfies Record<RequestName, v.GenericSchema>;

export type Request = { [N in RequestName]: v.InferOutput<(typeof REQUEST_SCHEMAS)[N]> }[RequestName];
export type RequestOf<N extends RequestName> = v.InferOutput<(typeof REQUEST_SCHEMAS)[N]>;

// --- Replies ------------------------------------------------------------------------------------------------------

export interface ReadyMessage {
  readonly type: 'calcium-routes:ready';
  readonly v: 1;
}

export type Reply =
  | {
      readonly type: 'calcium-routes:reply';
      readonly v: 1;
      readonly id: MessageId;
      readonly ok: true;
      readonly result: unknown;
    }
  | {
      readonly type: 'calcium-routes:reply';
      readonly v: 1;
      readonly id: MessageId;
      readonly ok: false;
      readonly error: string;
    };

export const READY: ReadyMessage = Object.freeze({ type: `${PREFIX}ready` as const, v: EMBED_VERSION });

export function okReply(id: MessageId, result: unknown): Reply {
  return { type: `${PREFIX}reply`, v: EMBED_VERSION, id, ok: true, result };
}

export function errorReply(id: MessageId, error: string): Reply {
  return { type: `${PREFIX}reply`, v: EMBED_VERSION, id, ok: false, error };
}

// --- Reading a message --------------------------------------------------------------------------------------------

export type Parsed =
  /** Not one of ours (no `type` starting "calcium-routes:"): left alone. */
  | { readonly kind: 'foreign' }
  | { readonly kind: 'request'; readonly request: Request; readonly id: MessageId | undefined }
  /** One of ours, but unusable: `error` says why in a sentence; `id` is set when the message had a usable one. */
  | { readonly kind: 'invalid'; readonly error: string; readonly id: MessageId | undefined };

/**
 * Why `value` is not small, plain data (objects, arrays, strings, numbers, booleans, null), or null when it is.
 * Stops at the first problem, so a huge message costs no more than the limits allow.
 */
export function plainDataProblem(value: unknown): string | null {
  let values = 0;
  const visit = (item: unknown, depth: number, where: string): string | null => {
    values += 1;
    if (values > MESSAGE_LIMITS.values) return `the message is too large (more than ${MESSAGE_LIMITS.values} values)`;
    // undefined survives a structured clone (JSON would drop it); optional fields treat it as absent.
    if (item === null || item === undefined || typeof item === 'boolean') return null;
    if (typeof item === 'number') return null;
    if (typeof item === 'string') {
      return item.length > MESSAGE_LIMITS.stringLength
        ? `${where} is too long (more than ${MESSAGE_LIMITS.stringLength} characters)`
        : null;
    }
    if (typeof item !== 'object') return `${where} is not plain data (${typeof item})`;
    if (depth > MESSAGE_LIMITS.depth)
      return `the message is nested too deeply (more than ${MESSAGE_LIMITS.depth} levels)`;
    if (Array.isArray(item)) {
      if (item.length > MESSAGE_LIMITS.entries) {
        return `${where} has too many items (more than ${MESSAGE_LIMITS.entries})`;
      }
      for (let i = 0; i < item.length; i++) {
        const problem = visit(item[i], depth + 1, `${where}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    if (!isPlainObject(item)) return `${where} is not plain data (only objects, arrays, strings, numbers, booleans)`;
    let entries = 0;
    // Own keys only (a plain object has no others that for…in would see), stopping at the limit.
    for (const key of Reflect.ownKeys(item)) {
      if (typeof key === 'symbol') return `${where} has a symbol key`;
      entries += 1;
      if (entries > MESSAGE_LIMITS.entries) return `${where} has too many fields (more than ${MESSAGE_LIMITS.entries})`;
      const name = where === 'the message' ? key : `${where}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return `the field name "${key}" is not allowed (in ${where})`;
      if (key.length > MESSAGE_LIMITS.stringLength) return `a field name in ${where} is too long`;
      const descriptor = Object.getOwnPropertyDescriptor(item, key);
      if (!descriptor || !('value' in descriptor)) return `${name} is not plain data (a getter)`;
      const problem = visit(descriptor.value, depth + 1, name);
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, 1, 'the message');
}

/** "inputs.d3IuPerDay" from a valibot issue's path; "" for the message itself. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  let field = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') field += `[${key}]`;
    else field += field ? `.${String(key)}` : String(key);
  }
  return field;
}

const describeIssues = (issues: readonly v.BaseIssue<unknown>[]): string =>
  issues
    .slice(0, 4)
    .map((issue) => {
      const field = fieldOf(issue);
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');

/** The message's own `id`, if it has one a reply can carry. */
function idOf(data: Record<string, unknown>): MessageId | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(data, 'id');
  if (!descriptor || !('value' in descriptor)) return undefined;
  return v.is(IdSchema, descriptor.value) ? descriptor.value : undefined;
}

const ownValue = (data: object, key: string): unknown => {
  const descriptor = Object.getOwnPropertyDescriptor(data, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
};

/** Reads `data` (a message event's data) as an embed request. Never throws. */
export function parseMessage(data: unknown): Parsed {
  let id: MessageId | undefined;
  try {
    if (!isPlainObject(data)) return { kind: 'foreign' };
    const type = ownValue(data, 'type');
    if (typeof type !== 'string' || !type.startsWith(PREFIX)) return { kind: 'foreign' };
    id = idOf(data);
    const invalid = (error: string): Parsed => ({ kind: 'invalid', error, id });

    const shape = plainDataProblem(data);
    if (shape) return invalid(`Refused: ${shape}.`);
    const version = ownValue(data, 'v');
    if (version !== EMBED_VERSION) {
      return invalid(
        version === undefined
          ? `Refused: the message has no version; add v: ${EMBED_VERSION}.`
          : `Refused: version ${JSON.stringify(version)} is not supported; this app speaks version ${EMBED_VERSION}.`,
      );
    }
    const name = type.slice(PREFIX.length);
    if (!(REQUEST_NAMES as readonly string[]).includes(name)) {
      return invalid(
        `Refused: unknown message type ${JSON.stringify(type)}. Known types: ${REQUEST_NAMES.map((n) => PREFIX + n).join(', ')}.`,
      );
    }
    const schema = REQUEST_SCHEMAS[name as RequestName];
    const result = v.safeParse(schema, data, { abortPipeEarly: true });
    if (!result.success) return invalid(`Refused ${type}: ${describeIssues(result.issues)}.`);
    return { kind: 'request', request: result.output as Request, id };
  } catch {
    // Only something stranger than structured-clone data can get here (a hand-made object in the same page).
    return { kind: 'invalid', error: 'Refused: the message could not be read.', id };
  }
}

/** The request name of a request ("set-inputs"), without the namespace. */
export const nameOf = (request: Request): RequestName => request.type.slice(PREFIX.length) as RequestName;
