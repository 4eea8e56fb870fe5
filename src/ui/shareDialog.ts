/**
 * The Share dialog: a link to the current state (settings, view, scene step, compare) with a Copy button, and the
 * same link as a QR code for phones in the room. The state lives in the link's hash, so nothing is uploaded.
 * The QR code is made by lean-qr (zero dependencies, ~7 kB) and drawn here as inline SVG, black on white with the
 * standard four-module quiet zone, whatever the page's theme.
 */
import { correction, generate } from 'lean-qr';
import { t } from '../i18n';
import { type SharedState, shareUrl } from '../share/urlState';
import { createDialog } from './dialogs';
import { h, uid } from './dom';

/** Light modules around the code, in modules: ISO/IEC 18004 asks for 4 so readers can find the code. */
export const QR_QUIET_ZONE = 4;

export interface QrSvgModel {
  /** Modules per side of the code itself (21 for version 1 … 177 for version 40). */
  readonly modules: number;
  readonly quiet: number;
  /** Side of the whole picture in modules, quiet zone included (the viewBox). */
  readonly size: number;
  /** Path data for the dark modules, one rectangle per run of dark modules in a row, offset by the quiet zone. */
  readonly d: string;
}

/**
 * The QR code for `text` as SVG geometry, or null if the text cannot fit in a QR code. Error correction M (15 %
 * of the code can be damaged), raised to Q when that fits in the same size. No DOM, so it can be tested in Node.
 */
export function qrSvgModel(text: string): QrSvgModel | null {
  let code: ReturnType<typeof generate>;
  try {
    code = generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.Q });
  } catch {
    return null;
  }
  const n = code.size;
  const q = QR_QUIET_ZONE;
  const runs: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!code.get(x, y)) {
        x += 1;
        continue;
      }
      let end = x + 1;
      while (end < n && code.get(end, y)) end += 1;
      runs.push(`M${x + q} ${y + q}h${end - x}v1h${x - end}z`);
      x = end;
    }
  }
  return { modules: n, quiet: q, size: n + 2 * q, d: runs.join('') };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

/** The QR code as an image with an accessible name. Colours are fixed: readers need dark on light. */
function qrSvg(model: QrSvgModel, label: string): SVGSVGElement {
  const size = String(model.size);
  const svg = svgElement('svg', {
    class: 'share-qr-code',
    viewBox: `0 0 ${size} ${size}`,
    role: 'img',
    'aria-label': label,
    'shape-rendering': 'crispEdges',
    focusable: 'false',
  });
  const title = svgElement('title', {});
  title.textContent = label;
  svg.append(
    title,
    svgElement('rect', { x: '0', y: '0', width: size, height: size, fill: '#ffffff' }),
    svgElement('path', { d: model.d, fill: '#000000' }),
  );
  return svg;
}

export interface ShareDialog {
  readonly element: HTMLDialogElement;
  /** Recomputes the link and its QR code from the current state, then shows the dialog. */
  open(opener?: HTMLElement | null): void;
  close(): void;
}

/** How long the live region stays empty before a message, so a repeated message is announced again. */
const ANNOUNCE_DELAY_MS = 60;

export function createShareDialog(getState: () => SharedState): ShareDialog {
  const dialog = createDialog(t('share.title'), 'dialog-share');

  const fieldId = uid('share-link');
  const field = h('input', {
    id: fieldId,
    type: 'text',
    class: 'share-link-field',
    readonly: true,
    spellcheck: 'false',
    autocomplete: 'off',
    dir: 'ltr',
  });
  // Selecting on focus (and on click, which would otherwise place the caret) makes a manual copy one keystroke.
  field.addEventListener('focus', () => field.select());
  field.addEventListener('click', () => field.select());
  const copyButton = h('button', { type: 'button', class: 'btn btn-primary', autofocus: true, text: t('share.copy') });
  const status = h('p', { class: 'share-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const qrBox = h('div', { class: 'share-qr-box' });

  dialog.body.append(
    h('p', { class: 'share-intro', text: t('share.intro') }),
    h(
      'div',
      { class: 'share-link' },
      h('label', { for: fieldId, class: 'share-link-label', text: t('share.link.label') }),
      h('div', { class: 'share-link-row' }, field, copyButton),
    ),
    status,
    h('figure', { class: 'share-qr' }, qrBox, h('figcaption', { class: 'muted', text: t('share.qr.caption') })),
    h('p', { class: 'share-privacy muted', text: t('share.privacy') }),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string): void => {
    clearTimeout(timer);
    status.textContent = '';
    timer = setTimeout(() => {
      status.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  };

  const copyBySelection = (): boolean => {
    field.focus();
    field.select();
    try {
      // Deprecated but still the only synchronous fallback where the Clipboard API is missing (file://, http).
      return document.execCommand('copy');
    } catch {
      return false;
    }
  };

  copyButton.addEventListener('click', () => {
    const link = field.value;
    const fallback = (): void => announce(copyBySelection() ? t('share.copied') : t('share.copyFailed'));
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard?.writeText) {
      fallback();
      return;
    }
    clipboard.writeText(link).then(() => announce(t('share.copied')), fallback);
  });

  const refresh = (): void => {
    const link = shareUrl(window.location.href, getState());
    field.value = link;
    const model = qrSvgModel(link);
    qrBox.replaceChildren(
      model ? qrSvg(model, t('share.qr.label')) : h('p', { class: 'share-qr-missing', text: t('share.qr.tooLong') }),
    );
  };

  dialog.element.addEventListener('close', () => {
    clearTimeout(timer);
    status.textContent = '';
  });

  return {
    element: dialog.element,
    open(opener) {
      refresh();
      status.textContent = '';
      dialog.open(opener);
    },
    close() {
      dialog.close();
    },
  };
}
