/**
 * The embed API: lets the page around an iframe of Calcium Routes (a learning platform, a teacher's worksheet) set
 * the inputs, load a scene, play, pause and step, switch view, reset, and read the outcome, by postMessage. The
 * messages are in ./protocol.ts and docs/embed.md.
 *
 * Who may talk to it: only the window that embeds this one (`event.source === window.parent`), and only when there
 * is one (a top-level page has itself as parent, and its own messages are not commands). Which origins may embed the
 * app at all is the host's decision, made with the Content-Security-Policy `frame-ancestors` directive
 * (docs/privacy.md); the API itself only changes what a student could change with the controls, and reads nothing
 * that is not on screen.
 *
 * Replies carry data, so they go to the sender's origin only (`event.origin`), never to '*': if the parent page
 * navigated elsewhere in the meantime, the browser drops the reply rather than hand it to another site. A parent
 * with an opaque origin ("null": a sandboxed page without allow-same-origin, or a file:// page) cannot be addressed
 * that way and gets no replies (its commands still work). The one message sent to '*' is the data-free "ready"
 * at start: the app cannot know its parent's origin before the parent has spoken, and the message says nothing but
 * "the API is listening".
 */
import { t } from '../i18n';
import { localText } from '../lesson/localText';
import type { Scene } from '../lesson/sceneSchema';
import { validateInputPatch } from '../model/inputs';
import type { Session } from '../session/session';
import {
  EMBED_NAMESPACE,
  errorReply,
  MAX_STEP_TICKS,
  type MessageId,
  nameOf,
  okReply,
  parseMessage,
  READY,
  type Reply,
  type Request,
  type RequestName,
  type RequestOf,
  STEP_CHUNK,
} from './protocol';
import { listScenes, readOutcome, readState } from './readout';

export interface EmbedOptions {
  /** The scenes `load-scene` may start (the app's library, from 'virtual:scenes'). */
  readonly scenes: readonly Scene[];
  /** Says something to screen-reader users (the app's status region), e.g. that the page around loaded a scene. */
  announce?(text: string): void;
  /** The window to listen in; defaults to the global one (tests pass a stand-in). */
  readonly window?: Window;
}

type Outcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string };

const ok = (result: unknown): Outcome => ({ ok: true, result });
const fail = (error: string): Outcome => ({ ok: false, error });

/** A real origin a reply can be addressed to ("https://lms.example.org"), not "null" or anything malformed. */
function isAddressable(origin: unknown): origin is string {
  if (typeof origin !== 'string' || origin === 'null' || origin === '') return false;
  try {
    return new URL(origin).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Starts listening for the parent page's messages and tells it the API is ready. Does nothing outside an iframe.
 * Returns a function that stops listening.
 */
export function installEmbedApi(session: Session, options: EmbedOptions): () => void {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  if (!win) return () => undefined;
  const parent = win.parent;
  // Top level (no parent) or a detached frame: there is nobody to listen to.
  if (!parent || parent === win) return () => undefined;

  const actor = session.actor;
  const scenes = options.scenes;
  const state = () => readState(session);
  const tellParent = (message: unknown, targetOrigin: string): void => {
    try {
      parent.postMessage(message, targetOrigin);
    } catch (error) {
      console.warn(`Calcium Routes embed: could not post to the parent page (${String(error)})`);
    }
  };
  let warnedOpaque = false;

  const handlers: { readonly [N in RequestName]: (request: RequestOf<N>) => Outcome } = {
    'set-inputs': (request) => {
      // All or nothing: a message with one bad value changes nothing, so the parent never ends up half-way.
      const { patch, problems } = validateInputPatch(request.inputs);
      if (problems.length > 0) {
        return fail(`Refused ${request.type}: ${problems.map((p) => p.message).join('; ')}. Nothing was changed.`);
      }
      actor.send({ type: 'inputs.set', patch });
      return ok(state());
    },
    'load-scene': (request) => {
      const scene = scenes.find((s) => s.id === request.scene);
      if (!scene) {
        return fail(
          `Refused ${request.type}: there is no scene "${request.scene}". Scenes: ${scenes.map((s) => s.id).join(', ')}.`,
        );
      }
      const step = request.step ?? 0;
      if (step >= scene.steps.length) {
        return fail(
          `Refused ${request.type}: step must be from 0 to ${scene.steps.length - 1} (scene "${scene.id}" has ${scene.steps.length} steps).`,
        );
      }
      actor.send({ type: 'lesson.start', scene, step });
      options.announce?.(t('presets.applied', { title: localText(scene.title) }));
      return ok(state());
    },
    play: () => {
      actor.send({ type: 'play' });
      return ok(state());
    },
    pause: () => {
      actor.send({ type: 'pause' });
      return ok(state());
    },
    step: (request) => {
      const snap = actor.getSnapshot();
      if (!snap.matches({ clock: 'paused' })) {
        return fail(`Refused ${request.type}: step works only while paused; send ${EMBED_NAMESPACE}:pause first.`);
      }
      const view = snap.context.view;
      const ticks = request.ticks ?? 1;
      const max = MAX_STEP_TICKS[view];
      if (ticks > max) {
        const unit = view === 'day' ? 'minutes' : 'years';
        return fail(`Refused ${request.type}: at most ${max} ${unit} per message in the ${view} view.`);
      }
      // In chunks the controller takes in one event; a lesson's observation may stop the clock part-way.
      for (let done = 0; done < ticks; ) {
        const before = actor.getSnapshot().context.tick;
        actor.send({ type: 'step', ticks: Math.min(STEP_CHUNK[view], ticks - done) });
        const moved = actor.getSnapshot().context.tick - before;
        if (moved <= 0) break;
        done += moved;
      }
      return ok(state());
    },
    'set-speed': (request) => {
      actor.send({ type: 'speed.set', speed: request.speed });
      return ok(state());
    },
    'set-view': (request) => {
      actor.send({ type: 'view.set', view: request.view });
      return ok(state());
    },
    reset: (request) => {
      actor.send({ type: request.defaults ? 'resetAll' : 'reset' });
      return ok(state());
    },
    'get-outcome': () => ok(readOutcome(session)),
    'get-state': () => ok(state()),
    'list-scenes': () => ok(listScenes(scenes)),
  };

  const perform = (request: Request): Outcome => {
    const handler = handlers[nameOf(request)] as (request: Request) => Outcome;
    return handler(request);
  };

  const reply = (message: Reply, origin: string): void => {
    if (!isAddressable(origin)) {
      if (!warnedOpaque) {
        warnedOpaque = true;
        console.warn(
          'Calcium Routes embed: the parent page has no origin a reply can be sent to (a sandboxed or file:// page); ' +
            'commands work, but replies are not sent.',
        );
      }
      return;
    }
    tellParent(message, origin);
  };

  const onMessage = (event: MessageEvent): void => {
    let id: MessageId | undefined;
    try {
      if (event.source !== parent) return;
      const parsed = parseMessage(event.data);
      if (parsed.kind === 'foreign') return;
      id = parsed.id;
      if (parsed.kind === 'invalid') {
        if (id !== undefined) reply(errorReply(id, parsed.error), event.origin);
        else console.warn(`Calcium Routes embed: ignored a message without an id: ${parsed.error}`);
        return;
      }
      const outcome = perform(parsed.request);
      if (id === undefined) {
        if (!outcome.ok) console.warn(`Calcium Routes embed: ${outcome.error}`);
        return;
      }
      reply(outcome.ok ? okReply(id, outcome.result) : errorReply(id, outcome.error), event.origin);
    } catch (error) {
      // Nothing a message says should get here; if something does, the parent hears of it and the app carries on.
      const text = `Failed: ${error instanceof Error ? error.message : String(error)}`;
      if (id !== undefined) reply(errorReply(id, text), event.origin);
      else console.warn(`Calcium Routes embed: ${text}`);
    }
  };

  win.addEventListener('message', onMessage);
  // Data-free, so '*' is safe: see the module comment.
  tellParent(READY, '*');
  return () => win.removeEventListener('message', onMessage);
}
