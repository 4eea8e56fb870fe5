/**
 * The lesson panel: the running scene's step — predict (the class commits, then the reveal), observe (a progress
 * line while the sim plays the span), explain (causal text with its evidence badge) — with a step indicator and
 * big Back / Next buttons. It shows the lesson runner's state and sends the presenter's choices to the controller;
 * it holds no lesson state of its own.
 */
import type { AnyActorRef } from 'xstate';
import { formatNumber, t } from '../i18n';
import { localText } from '../lesson/localText';
import { observeTicks } from '../lesson/observeTicks';
import type { PredictStep, Scene, SceneStep } from '../lesson/sceneSchema';
import { type LessonContext, type LessonPhase, lessonPhase } from '../machines/lesson.machine';
import type { SimulationEvent } from '../machines/simulation.machine';
import { h, setText } from './dom';
import { evidenceBadge } from './evidenceBadges';

export interface LessonPanel {
  readonly element: HTMLElement;
  /** Shows the runner's state; `runner` is null when no lesson is running. */
  show(
    runner: AnyActorRef | null,
    progress: { tick: number; observeUntil: number | null; view: 'day' | 'years' },
  ): void;
}

export interface LessonPanelActions {
  send(event: SimulationEvent): void;
  chooseScene(): void;
}

const LETTERS = 'ABCDEF';

export function createLessonPanel(actions: LessonPanelActions): LessonPanel {
  const title = h('h2', { class: 'lesson-title', id: 'lesson-title' });
  const indicator = h('p', { class: 'lesson-indicator' });
  const steps = h('ol', { class: 'lesson-steps', 'aria-label': t('lesson.stepsList') });
  const kind = h('p', { class: 'lesson-kind' });
  const body = h('div', { class: 'lesson-body' });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  const back = h('button', {
    type: 'button',
    class: 'btn btn-big lesson-back',
    'aria-keyshortcuts': 'ArrowLeft PageUp',
  });
  back.append(h('span', { 'aria-hidden': 'true', text: '← ' }), t('lesson.back'));
  const next = h('button', {
    type: 'button',
    class: 'btn btn-primary btn-big lesson-next',
    'aria-keyshortcuts': 'ArrowRight PageDown',
  });
  const nextText = h('span', { text: t('lesson.next') });
  next.append(nextText, h('span', { 'aria-hidden': 'true', text: ' →' }));
  const exit = h('button', { type: 'button', class: 'btn btn-quiet lesson-exit', text: t('lesson.exit') });
  back.addEventListener('click', () => actions.send({ type: 'lesson.back' }));
  next.addEventListener('click', () => actions.send({ type: 'lesson.next' }));
  exit.addEventListener('click', () => actions.send({ type: 'lesson.stop' }));

  const element = h(
    'section',
    { class: 'lesson-panel', 'aria-labelledby': 'lesson-title', hidden: true },
    h('div', { class: 'lesson-head' }, h('div', {}, title, indicator), steps, exit),
    h('div', { class: 'lesson-main' }, kind, body),
    h('div', { class: 'lesson-nav' }, back, next),
    status,
  );

  let shownKey = '';
  let progressLine: HTMLElement | null = null;

  const announce = (text: string): void => setText(status, text);

  function renderSteps(scene: Scene, index: number, finished: boolean): void {
    steps.replaceChildren(
      ...scene.steps.map((step, i) => {
        const current = !finished && i === index;
        return h(
          'li',
          {
            class: `lesson-dot lesson-dot-${step.kind}${current ? ' is-current' : ''}${i < index || finished ? ' is-done' : ''}`,
            'aria-current': current ? 'step' : undefined,
          },
          h('span', { 'aria-hidden': 'true', text: String(i + 1) }),
          h('span', {
            class: 'visually-hidden',
            text: t('lesson.dot', { n: i + 1, kind: t(`lesson.kind.${step.kind}`) }),
          }),
        );
      }),
    );
  }

  function predictBody(step: PredictStep, context: LessonContext, phase: LessonPhase): HTMLElement[] {
    const chosen = context.predictions[context.index];
    const revealed = phase === 'predict.revealed';
    const choices = h(
      'div',
      { class: 'lesson-choices', role: 'group', 'aria-label': t('lesson.choicesLabel') },
      ...step.choices.map((choice, i) => {
        const isAnswer = revealed && choice.id === step.answer;
        const button = h(
          'button',
          {
            type: 'button',
            class: `btn lesson-choice${chosen === choice.id ? ' is-chosen' : ''}${isAnswer ? ' is-answer' : ''}`,
            'aria-pressed': chosen === choice.id ? 'true' : 'false',
            disabled: revealed,
          },
          h('span', { class: 'lesson-choice-letter', 'aria-hidden': 'true', text: LETTERS[i] ?? '' }),
          h('span', { text: localText(choice.text) }),
          isAnswer ? h('span', { class: 'lesson-choice-mark', text: t('lesson.modelShows') }) : null,
          chosen === choice.id ? h('span', { class: 'lesson-choice-mark', text: t('lesson.ourPrediction') }) : null,
        );
        button.addEventListener('click', () => actions.send({ type: 'lesson.choose', choice: choice.id }));
        return button;
      }),
    );
    const parts: HTMLElement[] = [h('p', { class: 'lesson-question', text: localText(step.question) }), choices];
    if (phase === 'predict.blocked')
      parts.push(h('p', { class: 'lesson-note', role: 'alert', text: t('lesson.commitFirst') }));
    if (phase === 'predict.open') parts.push(h('p', { class: 'lesson-note', text: t('lesson.commitHint') }));
    if (phase === 'predict.committed') {
      const reveal = h('button', {
        type: 'button',
        class: 'btn lesson-reveal',
        'aria-keyshortcuts': 'P',
        text: t('lesson.reveal'),
      });
      reveal.addEventListener('click', () => actions.send({ type: 'lesson.reveal' }));
      parts.push(
        h('div', { class: 'lesson-row' }, h('p', { class: 'lesson-note', text: t('lesson.revealHint') }), reveal),
      );
    }
    if (revealed) parts.push(h('p', { class: 'lesson-reveal-text', text: localText(step.reveal) }));
    return parts;
  }

  /** On an explain step, the last unrevealed prediction is settled: what the class said, what the model showed. */
  function lookBack(scene: Scene, context: LessonContext): HTMLElement | null {
    for (let i = context.index - 1; i >= 0; i--) {
      const step = scene.steps[i];
      if (step?.kind !== 'predict') continue;
      const chosen = step.choices.find((c) => c.id === context.predictions[i]);
      const answer = step.choices.find((c) => c.id === step.answer);
      if (!chosen || !answer) return null;
      return h(
        'div',
        { class: 'lesson-lookback' },
        h('p', {}, h('strong', { text: t('lesson.weSaid') }), ' ', localText(chosen.text)),
        h('p', {}, h('strong', { text: t('lesson.modelShowed') }), ' ', localText(answer.text)),
        h('p', { class: 'muted', text: localText(step.reveal) }),
      );
    }
    return null;
  }

  function stepBody(scene: Scene, step: SceneStep, context: LessonContext, phase: LessonPhase): HTMLElement[] {
    progressLine = null;
    if (step.kind === 'predict') return predictBody(step, context, phase);
    if (step.kind === 'observe') {
      progressLine = h('p', { class: 'lesson-progress' });
      const parts: HTMLElement[] = [h('p', { class: 'lesson-question', text: localText(step.prompt) }), progressLine];
      if (phase === 'observe.done') {
        const again = h('button', { type: 'button', class: 'btn', text: t('lesson.runAgain') });
        again.addEventListener('click', () => actions.send({ type: 'lesson.observeAgain' }));
        parts.push(
          h('div', { class: 'lesson-row' }, h('p', { class: 'lesson-note', text: t('lesson.observeDone') }), again),
        );
      }
      return parts;
    }
    const badge = evidenceBadge(step.evidence, localText(scene.title));
    return [
      h('p', { class: 'lesson-explain' }, localText(step.text)),
      h('p', { class: 'lesson-evidence' }, t('lesson.evidence'), ' ', badge),
      ...[lookBack(scene, context)].filter((x): x is HTMLElement => x !== null),
    ];
  }

  function finishedBody(scene: Scene): HTMLElement[] {
    const again = h('button', { type: 'button', class: 'btn', text: t('lesson.restart') });
    again.addEventListener('click', () => actions.send({ type: 'lesson.start', scene }));
    const other = h('button', { type: 'button', class: 'btn', text: t('lesson.another') });
    other.addEventListener('click', () => actions.chooseScene());
    return [
      h('p', { class: 'lesson-question', text: t('lesson.finished', { title: localText(scene.title) }) }),
      h('div', { class: 'lesson-row' }, again, other),
    ];
  }

  return {
    element,
    show(runner, progress) {
      element.hidden = runner === null;
      if (!runner) {
        shownKey = '';
        return;
      }
      const snap = runner.getSnapshot() as { value: unknown; context: LessonContext };
      const { context } = snap;
      const { scene } = context;
      const phase = lessonPhase(snap.value);
      const finished = phase === 'finished';
      const step = scene.steps[context.index];
      const key = `${scene.id}|${context.index}|${phase}|${context.predictions[context.index] ?? ''}`;
      if (key !== shownKey && step) {
        const firstShow = shownKey === '' || !shownKey.startsWith(`${scene.id}|${context.index}|`);
        shownKey = key;
        setText(title, localText(scene.title));
        setText(
          indicator,
          finished
            ? t('lesson.indicatorEnd', { total: scene.steps.length })
            : t('lesson.indicator', { n: context.index + 1, total: scene.steps.length }),
        );
        renderSteps(scene, context.index, finished);
        setText(kind, finished ? t('lesson.kind.end') : t(`lesson.kind.${step.kind}`));
        kind.className = `lesson-kind lesson-kind-${finished ? 'end' : step.kind}`;
        body.replaceChildren(...(finished ? finishedBody(scene) : stepBody(scene, step, context, phase)));
        back.disabled = context.index === 0 && !finished;
        next.disabled = finished;
        setText(
          nextText,
          context.index === scene.steps.length - 1 && !finished ? t('lesson.finish') : t('lesson.next'),
        );
        if (firstShow && !finished) {
          announce(
            t('lesson.announceStep', {
              n: context.index + 1,
              total: scene.steps.length,
              kind: t(`lesson.kind.${step.kind}`),
            }),
          );
        } else if (phase === 'predict.revealed' && step.kind === 'predict') {
          announce(localText(step.reveal));
        } else if (phase === 'observe.done') {
          announce(t('lesson.observeDone'));
        }
      }
      if (progressLine && step?.kind === 'observe') {
        const span = observeTicks(step.run);
        const started = progress.observeUntil === null ? span : span - (progress.observeUntil - progress.tick);
        const done = Math.max(0, Math.min(span, started));
        setText(
          progressLine,
          progress.view === 'years'
            ? t('lesson.progressYears', { done: formatNumber(done), total: formatNumber(span) })
            : t('lesson.progressDay', { done: formatDuration(done), total: formatDuration(span) }),
        );
      }
    },
  };
}

function formatDuration(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t('lesson.days', { n: minutes / 1440 });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return t('lesson.hoursMinutes', { h: hours, m: rest.toString().padStart(2, '0') });
}
