/**
 * The bridge between the running sim and its link: what to put in the URL hash now, and how to make the sim match
 * a link (at start, or when a new link is pasted into the same tab). The format itself is src/share/urlState.ts.
 */

import { sameInputs } from '../lesson/sceneConfig';
import type { Scene } from '../lesson/sceneSchema';
import type { LessonContext } from '../machines/lesson.machine';
import type { Session } from '../session/session';
import type { SharedState } from '../share/urlState';

export function sharedStateOf(session: Session, presenter: boolean): SharedState {
  const snap = session.actor.getSnapshot();
  const { context } = snap;
  const runner = snap.children.lesson;
  const lesson = runner ? (runner.getSnapshot() as { context: LessonContext }).context : null;
  return {
    inputs: context.inputs,
    view: context.view,
    seed: context.seed,
    speed: context.speed,
    scene: lesson ? { id: lesson.scene.id, step: lesson.index } : null,
    compare: context.compare,
    presenter,
  };
}

/**
 * Makes the sim match `state`. A scene starts first (its preset and step set things up), then the link's own
 * values win, so the sim ends exactly as the link describes even if the teacher had moved a slider mid-lesson.
 */
export function applySharedState(session: Session, state: SharedState, scenes: readonly Scene[]): void {
  const send = session.actor.send.bind(session.actor);
  const scene = state.scene ? scenes.find((s) => s.id === state.scene?.id) : undefined;
  if (scene && state.scene) send({ type: 'lesson.start', scene, step: state.scene.step });
  else send({ type: 'lesson.stop' });
  send({ type: 'pause' });
  const now = (): SharedState => sharedStateOf(session, state.presenter);
  if (now().seed !== state.seed) send({ type: 'seed.set', seed: state.seed });
  if (!sameInputs(now().inputs, state.inputs)) send({ type: 'inputs.set', patch: { ...state.inputs } });
  const compare = now().compare;
  if (state.compare === null) {
    if (compare !== null) send({ type: 'compare.stop' });
  } else if (compare === null) {
    send({ type: 'compare.start', patch: { ...state.compare } });
  } else if (!sameInputs(compare, state.compare)) {
    send({ type: 'compare.set', patch: { ...state.compare } });
  }
  if (now().view !== state.view) send({ type: 'view.set', view: state.view });
  if (now().speed !== state.speed) send({ type: 'speed.set', speed: state.speed });
}
