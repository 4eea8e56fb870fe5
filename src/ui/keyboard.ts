/**
 * Keyboard shortcuts, declared once: the help dialog lists this table and the handler obeys it. Keys never steal
 * typing or a control's own keys: Space on a focused button still presses that button; arrows stay with sliders.
 */
import { t } from '../i18n';

export interface Shortcut {
  /** Keys as `KeyboardEvent.key` values. */
  readonly keys: readonly string[];
  /** How the keys are written in the help dialog. */
  readonly labelKey: string;
  readonly actionKey: string;
  readonly run: () => void;
}

export interface ShortcutActions {
  toggle(): void;
  step(): void;
  slower(): void;
  faster(): void;
  dayView(): void;
  yearsView(): void;
  help(): void;
  /** Lesson: next / previous step (also a presentation clicker's PageDown / PageUp). */
  next(): void;
  back(): void;
  /** Lesson: reveal the committed prediction. */
  reveal(): void;
  /** Start the scene with this 1-based number in the picker. */
  scene(n: number): void;
  fullscreen(): void;
}

export function shortcutTable(a: ShortcutActions): Shortcut[] {
  return [
    { keys: [' '], labelKey: 'keys.space', actionKey: 'keys.action.toggle', run: a.toggle },
    { keys: ['.'], labelKey: 'keys.period', actionKey: 'keys.action.step', run: a.step },
    { keys: ['-', '_'], labelKey: 'keys.minus', actionKey: 'keys.action.slower', run: a.slower },
    { keys: ['+', '='], labelKey: 'keys.plus', actionKey: 'keys.action.faster', run: a.faster },
    { keys: ['d', 'D'], labelKey: 'keys.d', actionKey: 'keys.action.day', run: a.dayView },
    { keys: ['y', 'Y'], labelKey: 'keys.y', actionKey: 'keys.action.years', run: a.yearsView },
    { keys: ['ArrowRight', 'PageDown'], labelKey: 'keys.next', actionKey: 'keys.action.next', run: a.next },
    { keys: ['ArrowLeft', 'PageUp'], labelKey: 'keys.back', actionKey: 'keys.action.back', run: a.back },
    { keys: ['p', 'P'], labelKey: 'keys.p', actionKey: 'keys.action.reveal', run: a.reveal },
    ...Array.from({ length: 9 }, (_, i) => ({
      keys: [String(i + 1)],
      labelKey: i === 0 ? 'keys.digits' : '',
      actionKey: 'keys.action.scene',
      run: () => a.scene(i + 1),
    })),
    { keys: ['f', 'F'], labelKey: 'keys.f', actionKey: 'keys.action.fullscreen', run: a.fullscreen },
    { keys: ['?'], labelKey: 'keys.question', actionKey: 'keys.action.help', run: a.help },
  ];
}

/** Keys that sliders and radio groups use to move their value. */
const NAVIGATION_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/** Whether a key press belongs to the focused element rather than to the page. */
function ownedByTarget(e: KeyboardEvent): boolean {
  const el = e.target;
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    // Sliders and radios keep their arrow/Page/Home/End keys; Space and letters are free for the page.
    if (type === 'range' || type === 'radio') return NAVIGATION_KEYS.has(e.key);
    return e.key === ' ' || type === 'text' || type === 'search' || type === 'number' || type === 'url';
  }
  if (e.key === ' ' && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY')) return true;
  return false;
}

/** `enabled` is asked on every key press, so turning shortcuts off in Preferences applies at once. */
export function installShortcuts(shortcuts: readonly Shortcut[], enabled: () => boolean = () => true): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (!enabled()) return;
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (document.querySelector('dialog[open]')) return;
    if (ownedByTarget(e)) return;
    const shortcut = shortcuts.find((s) => s.keys.includes(e.key));
    if (!shortcut) return;
    e.preventDefault();
    shortcut.run();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

/** The help dialog's table rows: [keys as written, what they do]. */
export function shortcutRows(shortcuts: readonly Shortcut[]): [string, string][] {
  // Keys that share a row (1–9) are listed once, by the first of them.
  return shortcuts.filter((s) => s.labelKey !== '').map((s) => [t(s.labelKey), t(s.actionKey)]);
}
