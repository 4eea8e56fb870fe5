/**
 * A stand-in for the iframe's window: `parent` records what is posted to it (after a structured clone, as the
 * browser would make), and `deliver` dispatches a message event as if another window had posted it. The session is
 * real, with a silent frame source (frames and steps are sent by hand, as in tests/session/compare.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { fromCallback } from 'xstate';
import { installEmbedApi } from '../../src/embed/embedApi';
import type { Reply } from '../../src/embed/protocol';
import { loadSceneLibrary } from '../../src/lesson/scenesPlugin';
import { Session } from '../../src/session/session';

export const { scenes } = loadSceneLibrary(fileURLToPath(new URL('../../scenes', import.meta.url)));
export const PARENT_ORIGIN = 'https://lms.example.org';

export interface Posted {
  readonly message: unknown;
  readonly targetOrigin: string;
}

type Listener = (event: MessageEvent) => void;

export interface Frame {
  readonly session: Session;
  /** The iframe's window, as installEmbedApi sees it. */
  readonly window: Window;
  /** The embedding page's window. */
  readonly parent: object;
  /** Everything posted to the parent, in order. */
  readonly posted: Posted[];
  readonly listeners: Set<Listener>;
  readonly announced: string[];
  readonly warnings: string[];
  /** Dispatches `data` as a message event from `source` (the parent by default) at `origin`. */
  deliver(data: unknown, from?: { source?: unknown; origin?: string; clone?: boolean }): void;
  /** Sends a request with an id from the parent and returns the one reply to it. */
  ask(body: Record<string, unknown>, origin?: string): Reply;
  /** Replies posted since the start (the ready message left out). */
  replies(): Reply[];
  uninstall(): void;
}

const silentFrames = fromCallback(() => () => {});
let nextId = 1;

export function makeFrame(options: { topLevel?: boolean; session?: Session } = {}): Frame {
  const session = options.session ?? new Session({ frameSource: silentFrames });
  const posted: Posted[] = [];
  const listeners = new Set<Listener>();
  const announced: string[] = [];
  const warnings: string[] = [];
  const parent = {
    postMessage(message: unknown, targetOrigin: string) {
      posted.push({ message: structuredClone(message), targetOrigin });
    },
  };
  const win = {
    parent: parent as unknown,
    addEventListener(type: string, listener: Listener) {
      if (type === 'message') listeners.add(listener);
    },
    removeEventListener(type: string, listener: Listener) {
      if (type === 'message') listeners.delete(listener);
    },
    postMessage() {
      throw new Error('the app never posts to itself');
    },
  };
  if (options.topLevel) win.parent = win;
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  const uninstall = installEmbedApi(session, {
    scenes,
    window: win as unknown as Window,
    announce: (text) => announced.push(text),
  });

  const deliver: Frame['deliver'] = (data, from = {}) => {
    const event = {
      data: from.clone === false ? data : structuredClone(data),
      source: 'source' in from ? from.source : parent,
      origin: from.origin ?? PARENT_ORIGIN,
    } as unknown as MessageEvent;
    for (const listener of [...listeners]) listener(event);
  };
  const replies = (): Reply[] =>
    posted.map((p) => p.message as Reply).filter((m) => (m as { type?: string }).type === 'calcium-routes:reply');
  const ask: Frame['ask'] = (body, origin) => {
    const id = `q${nextId++}`;
    const before = posted.length;
    deliver({ v: 1, ...body, id }, { origin });
    const answers = posted.slice(before).filter((p) => (p.message as { id?: unknown }).id === id);
    if (answers.length !== 1) throw new Error(`expected one reply to ${id}, got ${answers.length}`);
    return (answers[0] as Posted).message as Reply;
  };
  return {
    session,
    window: win as unknown as Window,
    parent,
    posted,
    listeners,
    announced,
    warnings,
    deliver,
    ask,
    replies,
    uninstall,
  };
}

/** The result of a reply that must have succeeded. */
export function resultOf<T>(reply: Reply): T {
  if (!reply.ok) throw new Error(`expected ok, got error: ${reply.error}`);
  return reply.result as T;
}

/** The error of a reply that must have failed. */
export function errorOf(reply: Reply): string {
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.result)}`);
  return reply.error;
}
