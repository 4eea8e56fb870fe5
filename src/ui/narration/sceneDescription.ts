/**
 * The described scene on the page: a closed-by-default "Scene description" disclosure under the map. Sighted
 * students can open it too; screen-reader users find it by its heading. It is not a live region (the narrator
 * speaks changes); its text is brought up to date at most once a second, and only when the words change, so a
 * reader moving through it is not disturbed by a clock ticking under the cursor.
 */
import { t } from '../../i18n';
import { h } from '../dom';
import { describeScene, type SceneSnapshot } from './describeScene';

const REFRESH_MS = 1000;

export interface SceneDescription {
  readonly element: HTMLElement;
  show(snapshot: SceneSnapshot, now: number): void;
}

export function createSceneDescription(): SceneDescription {
  const list = h('ul', { class: 'scene-description-list' });
  const element = h(
    'details',
    { class: 'scene-description' },
    h('summary', {}, h('h3', { class: 'scene-description-title', text: t('describe.title') })),
    list,
  );
  let shown = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  return {
    element,
    show(snapshot, now) {
      if (now - lastAt < REFRESH_MS) return;
      lastAt = now;
      const sentences = describeScene(snapshot);
      const id = sentences.join('\n');
      if (id === shown) return;
      shown = id;
      list.replaceChildren(...sentences.map((sentence) => h('li', { text: sentence })));
    },
  };
}
