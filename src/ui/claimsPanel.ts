/**
 * The claims checker panel: what popular K2 articles claim, and what the evidence says (SCIENCE.md §4). Two modes,
 * chosen with a native radio group:
 *
 * - Reference: every claim with its verdict (grade in words, a mark and a border style, so never colour alone), the
 *   one-line reason and the sources.
 * - Class activity: one claim at a time. The class discusses it, then "Reveal verdict" shows the grade and reason
 *   (and a polite live region reads them out). Previous/Next move between claims; each claim remembers whether its
 *   verdict is showing.
 *
 * Both warfarin claims show the SCIENCE.md §5.3 notice beside their verdict. Every control is a native button or
 * radio with a visible name; the panel's CSS (styles/claims.css) keeps them at least 44 px tall and the text at
 * least 18 px, for projection.
 */
import { t } from '../i18n';
import { CLAIM_IDS, CLAIMS, type ClaimId, claimText, gradeLegend } from './content/claims';
import { warfarinNotice } from './content/notices';
import { createDialog, type Dialog } from './dialogs';
import { h, setText, uid } from './dom';

export const CLAIMS_MODES = ['reference', 'activity'] as const;
export type ClaimsMode = (typeof CLAIMS_MODES)[number];

/** The panel's own strings (claims.panel.<key>), listed so a test can check each exists and is used. */
export const CLAIMS_PANEL_STRINGS = [
  'open',
  'title',
  'intro',
  'mode',
  'mode.reference',
  'mode.activity',
  'legend',
  'list',
  'claimLabel',
  'verdictLabel',
  'sources',
  'position',
  'prompt',
  'reveal',
  'hide',
  'previous',
  'next',
  'restart',
  'announceVerdict',
  'announceClaim',
  'announceHidden',
] as const;
type PanelString = (typeof CLAIMS_PANEL_STRINGS)[number];

const MODE_LABELS: Readonly<Record<ClaimsMode, PanelString>> = {
  reference: 'mode.reference',
  activity: 'mode.activity',
};

function say(key: PanelString, params?: Readonly<Record<string, string | number>>): string {
  return t(`claims.panel.${key}`, params);
}

// --- Class activity state (pure, so it can be tested without a DOM) ----------------------------------------------

export interface ActivityState {
  /** The claim on show, 0-based, in CLAIM_IDS order. */
  readonly index: number;
  /** Whether each claim's verdict is showing, in CLAIM_IDS order. */
  readonly revealed: readonly boolean[];
}

export type ActivityAction =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'toggle' }
  | { readonly type: 'restart' };

export function initialActivity(total: number = CLAIM_IDS.length): ActivityState {
  return { index: 0, revealed: Array.from({ length: total }, () => false) };
}

/** The activity after one action. Previous/Next stop at the ends; each claim keeps its own reveal state. */
export function activityStep(state: ActivityState, action: ActivityAction): ActivityState {
  const last = state.revealed.length - 1;
  switch (action.type) {
    case 'next':
      return { ...state, index: Math.min(last, state.index + 1) };
    case 'previous':
      return { ...state, index: Math.max(0, state.index - 1) };
    case 'toggle':
      return { ...state, revealed: state.revealed.map((shown, i) => (i === state.index ? !shown : shown)) };
    case 'restart':
      return initialActivity(state.revealed.length);
  }
}

/** "Claim 3 of 22" for a 0-based index. */
export function positionLabel(index: number, total: number = CLAIM_IDS.length): string {
  return say('position', { n: index + 1, total });
}

/** What the live region says when a verdict is revealed. */
export function verdictAnnouncement(id: ClaimId): string {
  const text = claimText(id);
  return say('announceVerdict', { badge: text.badge, reason: text.reason });
}

/** What the live region says when the class moves to another claim (with its verdict, if already revealed). */
export function claimAnnouncement(index: number, revealed: boolean): string {
  const id = CLAIM_IDS[index];
  if (!id) return '';
  const claim = say('announceClaim', { n: index + 1, total: CLAIM_IDS.length, claim: claimText(id).claim });
  return revealed ? `${claim} ${verdictAnnouncement(id)}` : claim;
}

// --- DOM -----------------------------------------------------------------------------------------------------------

/** The verdict: the grade's mark (decorative) and "Verdict: Partly supported (misquoted)" in words. */
function gradeBadge(id: ClaimId): HTMLElement {
  const text = claimText(id);
  return h(
    'p',
    { class: `claim-grade claim-grade-${CLAIMS[id].grade}` },
    h('span', { class: 'claim-grade-icon', 'aria-hidden': 'true', text: text.icon }),
    h('span', { class: 'claim-grade-label', text: say('verdictLabel') }),
    ' ',
    h('strong', { text: text.badge }),
  );
}

function safetyNote(id: ClaimId): HTMLElement | null {
  if (CLAIMS[id].safety !== 'warfarin') return null;
  const notice = warfarinNotice();
  return h(
    'div',
    { class: 'claims-safety', role: 'note' },
    h('p', {}, h('strong', { text: notice.title })),
    ...notice.paragraphs.map((text) => h('p', { text })),
  );
}

/** Everything shown once a verdict is revealed (or always, in the reference list). */
function verdictParts(id: ClaimId): HTMLElement[] {
  const text = claimText(id);
  const parts = [
    gradeBadge(id),
    h('p', { class: 'claim-reason', text: text.reason }),
    h('p', { class: 'claim-sources', text: say('sources', { list: text.source }) }),
  ];
  const safety = safetyNote(id);
  if (safety) parts.push(safety);
  return parts;
}

function claimLine(id: ClaimId, className: string): HTMLElement {
  return h(
    'p',
    { class: className },
    h('span', { class: 'claim-label', text: say('claimLabel') }),
    ' ',
    claimText(id).claim,
  );
}

function legend(): HTMLElement {
  return h(
    'details',
    { class: 'claims-legend' },
    h('summary', { text: say('legend') }),
    h(
      'dl',
      {},
      ...gradeLegend().flatMap((entry) => [
        h(
          'dt',
          { class: `claim-grade claim-grade-${entry.grade}` },
          h('span', { class: 'claim-grade-icon', 'aria-hidden': 'true', text: entry.icon }),
          h('strong', { text: entry.label }),
        ),
        h('dd', { text: entry.description }),
      ]),
    ),
  );
}

function referenceView(): HTMLElement {
  const headingId = uid('claims-list');
  return h(
    'section',
    { class: 'claims-reference', 'aria-labelledby': headingId },
    h('h3', { id: headingId, class: 'visually-hidden', text: say('list') }),
    legend(),
    h(
      'ol',
      { class: 'claims-list' },
      ...CLAIM_IDS.map((id) =>
        h(
          'li',
          { class: `claim-card claim-card-${CLAIMS[id].grade}` },
          claimLine(id, 'claim-text'),
          ...verdictParts(id),
        ),
      ),
    ),
  );
}

interface ActivityView {
  readonly element: HTMLElement;
  show(index: number): void;
  toggle(): void;
  restart(): void;
  state(): ActivityState;
}

function activityView(): ActivityView {
  let state = initialActivity();
  const verdictId = uid('claims-verdict');
  const position = h('p', { class: 'claims-position' });
  const claim = h('div', { class: 'claims-current' });
  const prompt = h('p', { class: 'claims-prompt', text: say('prompt') });
  const verdict = h('div', { id: verdictId, class: 'claims-verdict' });
  const reveal = h('button', {
    type: 'button',
    class: 'btn btn-primary claims-reveal',
    'aria-controls': verdictId,
    'aria-expanded': 'false',
  });
  const previous = h('button', { type: 'button', class: 'btn', text: say('previous') });
  const next = h('button', { type: 'button', class: 'btn', text: say('next') });
  const restart = h('button', { type: 'button', class: 'btn btn-quiet', text: say('restart') });
  // Polite, and filled only after a press, so it speaks the verdict without interrupting.
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });

  // Previous/Next at the ends say so with aria-disabled rather than `disabled`, so keyboard focus stays on them.
  const setEnabled = (button: HTMLButtonElement, enabled: boolean): void => {
    if (enabled) button.removeAttribute('aria-disabled');
    else button.setAttribute('aria-disabled', 'true');
  };

  let shownId: ClaimId | null = null;
  const render = (): void => {
    const id = CLAIM_IDS[state.index];
    if (!id) return;
    const revealed = state.revealed[state.index] === true;
    setText(position, positionLabel(state.index));
    if (shownId !== id) {
      claim.replaceChildren(claimLine(id, 'claim-text claim-text-large'));
      verdict.replaceChildren(...verdictParts(id));
      shownId = id;
    }
    verdict.hidden = !revealed;
    prompt.hidden = revealed;
    reveal.setAttribute('aria-expanded', String(revealed));
    setText(reveal, revealed ? say('hide') : say('reveal'));
    setEnabled(previous, state.index > 0);
    setEnabled(next, state.index < CLAIM_IDS.length - 1);
  };

  const apply = (action: ActivityAction): void => {
    const before = state;
    state = activityStep(state, action);
    if (state.index === before.index && state.revealed === before.revealed) return;
    render();
    const id = CLAIM_IDS[state.index];
    if (!id) return;
    const revealed = state.revealed[state.index] === true;
    if (action.type === 'toggle') live.textContent = revealed ? verdictAnnouncement(id) : say('announceHidden');
    else if (state.index !== before.index || action.type === 'restart') {
      live.textContent = claimAnnouncement(state.index, revealed);
    }
  };

  reveal.addEventListener('click', () => apply({ type: 'toggle' }));
  previous.addEventListener('click', () => apply({ type: 'previous' }));
  next.addEventListener('click', () => apply({ type: 'next' }));
  restart.addEventListener('click', () => apply({ type: 'restart' }));

  // Navigation sits above the claim, so revealing a verdict never moves the buttons a teacher is pressing.
  const element = h(
    'section',
    { class: 'claims-activity', 'aria-label': say('mode.activity') },
    h('div', { class: 'claims-nav' }, position, previous, next, restart),
    claim,
    prompt,
    h('div', { class: 'claims-reveal-row' }, reveal),
    verdict,
    live,
  );
  render();

  return {
    element,
    show(index) {
      const target = Math.max(0, Math.min(CLAIM_IDS.length - 1, Math.trunc(index)));
      state = { ...state, index: target };
      render();
    },
    toggle() {
      apply({ type: 'toggle' });
    },
    restart() {
      apply({ type: 'restart' });
    },
    state() {
      return state;
    },
  };
}

export interface ClaimsPanel {
  /** The panel's content, for a dialog body (or any container). */
  readonly element: HTMLElement;
  mode(): ClaimsMode;
  setMode(mode: ClaimsMode): void;
  /** Class activity: go to a claim (0-based, clamped). */
  showClaim(index: number): void;
  /** Class activity: reveal or hide the current claim's verdict. */
  toggleVerdict(): void;
  /** Class activity: hide every verdict and go back to the first claim. */
  restart(): void;
  activityState(): ActivityState;
}

export function createClaimsPanel(initialMode: ClaimsMode = 'reference'): ClaimsPanel {
  let mode: ClaimsMode = initialMode;
  const reference = referenceView();
  const activity = activityView();
  const group = uid('claims-mode');
  const radios = CLAIMS_MODES.map((value) => {
    const radio = h('input', { type: 'radio', name: group, value, id: uid(group) });
    radio.addEventListener('change', () => {
      if (radio.checked) setMode(value);
    });
    return { value, radio, label: h('label', { for: radio.id, text: say(MODE_LABELS[value]) }) };
  });
  const modeField = h(
    'fieldset',
    { class: 'claims-mode' },
    h('legend', { text: say('mode') }),
    h('div', { class: 'segmented' }, ...radios.flatMap(({ radio, label }) => [radio, label])),
  );

  function setMode(next: ClaimsMode): void {
    mode = next;
    for (const { value, radio } of radios) radio.checked = value === next;
    reference.hidden = next !== 'reference';
    activity.element.hidden = next !== 'activity';
  }

  const element = h(
    'div',
    { class: 'claims-panel' },
    h('p', { class: 'claims-intro', text: say('intro') }),
    modeField,
    reference,
    activity.element,
  );
  setMode(mode);

  return {
    element,
    mode: () => mode,
    setMode,
    showClaim: (index) => activity.show(index),
    toggleVerdict: () => activity.toggle(),
    restart: () => activity.restart(),
    activityState: () => activity.state(),
  };
}

let dialog: Dialog | null = null;
let panel: ClaimsPanel | null = null;

/**
 * Opens the claims checker in a wide modal dialog, made on first use. Focus returns to `opener` (by default, the
 * focused element: the header button that was pressed) when it closes. The panel keeps its mode and the class
 * activity's place between openings.
 */
export function openClaimsDialog(opener?: HTMLElement | null, mode?: ClaimsMode): ClaimsPanel {
  // A language switch removes every dialog; the checker is then rebuilt in the new language.
  if (!dialog || !panel || !dialog.element.isConnected) {
    dialog = createDialog(say('title'), 'dialog-wide dialog-claims');
    panel = createClaimsPanel();
    dialog.body.append(panel.element);
  }
  if (mode) panel.setMode(mode);
  dialog.open(opener);
  return panel;
}
