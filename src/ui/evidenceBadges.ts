/**
 * Evidence badges: a small button beside each mechanism naming its grade (Established / Debated / Hypothesis) in
 * words; it opens a panel with the one-line summary, what the grade means and whether the model includes it.
 */
import { t } from '../i18n';
import { EVIDENCE, evidenceText, type MechanismKey } from './content/evidence';
import { createDialog, type Dialog } from './dialogs';
import { h } from './dom';

let dialog: Dialog | null = null;

function showEvidence(key: MechanismKey, opener: HTMLElement): void {
  // A language switch removes every dialog (its Close button is in the old language): make a new one then.
  if (!dialog?.element.isConnected) dialog = createDialog('', 'dialog-evidence');
  const text = evidenceText(key);
  dialog.setTitle(text.title);
  dialog.body.replaceChildren(
    h('p', { class: `badge badge-${EVIDENCE[key].grade} badge-static`, text: text.badge }),
    h('p', { text: text.summary }),
    h('p', { class: 'muted', text: text.gradeDescription }),
    h('p', { class: 'muted', text: text.inModel }),
  );
  dialog.open(opener);
}

export function evidenceBadge(key: MechanismKey, subject: string): HTMLButtonElement {
  const text = evidenceText(key);
  const button = h('button', {
    type: 'button',
    class: `badge badge-${EVIDENCE[key].grade}`,
    'aria-label': t('evidence.badgeButton', { grade: text.badge, subject }),
    text: text.badge,
  });
  button.addEventListener('click', () => showEvidence(key, button));
  return button;
}
