/**
 * The scene picker and presets menu: one dialog listing the guided scenes (with their number key) and the named
 * presets (a setup without a lesson). Both come from scenes/ through the build-time scene library.
 */
import { t } from '../i18n';
import { localText } from '../lesson/localText';
import type { NamedPreset, Scene } from '../lesson/sceneSchema';
import { createDialog } from './dialogs';
import { h } from './dom';

export interface ScenePicker {
  open(opener?: HTMLElement | null): void;
  close(): void;
}

export function createScenePicker(
  scenes: readonly Scene[],
  presets: readonly NamedPreset[],
  actions: { startScene(scene: Scene): void; applyPreset(preset: NamedPreset): void },
): ScenePicker {
  const dialog = createDialog(t('scenes.title'), 'dialog-wide dialog-scenes');
  const sceneItems = scenes.map((scene, i) => {
    const start = h('button', {
      type: 'button',
      class: 'btn btn-primary',
      text: t('scenes.start'),
      'aria-describedby': `scene-${scene.id}-title`,
    });
    start.addEventListener('click', () => {
      dialog.close();
      actions.startScene(scene);
    });
    return h(
      'li',
      { class: 'picker-item' },
      h(
        'div',
        { class: 'picker-text' },
        h(
          'h4',
          { id: `scene-${scene.id}-title` },
          i < 9
            ? h('kbd', { class: 'picker-key', title: t('scenes.keyHint', { n: i + 1 }), text: String(i + 1) })
            : null,
          ' ',
          localText(scene.title),
        ),
        h('p', { text: localText(scene.summary) }),
        h('p', { class: 'muted', text: t('scenes.steps', { n: scene.steps.length }) }),
      ),
      start,
    );
  });
  const presetItems = presets.map((preset) => {
    const apply = h('button', {
      type: 'button',
      class: 'btn',
      text: t('presets.apply'),
      'aria-describedby': `preset-${preset.id}-title`,
    });
    apply.addEventListener('click', () => {
      dialog.close();
      actions.applyPreset(preset);
    });
    return h(
      'li',
      { class: 'picker-item' },
      h(
        'div',
        { class: 'picker-text' },
        h('h4', { id: `preset-${preset.id}-title`, text: localText(preset.title) }),
        h('p', { text: localText(preset.description) }),
      ),
      apply,
    );
  });
  dialog.body.append(
    h('h3', { text: t('scenes.heading') }),
    h('p', { class: 'muted', text: t('scenes.intro') }),
    h('ol', { class: 'picker-list' }, ...sceneItems),
  );
  if (presets.length > 0) {
    dialog.body.append(
      h('h3', { text: t('presets.heading') }),
      h('p', { class: 'muted', text: t('presets.intro') }),
      h('ul', { class: 'picker-list' }, ...presetItems),
    );
  }
  return { open: (opener) => dialog.open(opener), close: () => dialog.close() };
}
