/**
 * "Copy chart as image": a chart's <svg> drawn to a PNG that looks like the screen. The charts take colours, the
 * text halo and fonts from CSS (currentColor, CSS variables, inherited font settings), which an SVG shown on its
 * own as an image cannot see, so the computed values of the properties that matter are written inline on a copy
 * first. The copy gets the chart's title above it (the title is the <figure>'s caption, outside the <svg>), is
 * serialised to a data: URL (same origin by construction, so the canvas stays readable), loaded into an Image,
 * drawn on a background-filled canvas at twice the on-screen size, and encoded with canvas.toBlob.
 *
 * Fonts: an SVG used as an image cannot load the page's web fonts. The self-hosted faces the page has already
 * loaded are therefore embedded in the copy as data: URLs (same origin, normally straight from the cache), so the
 * text has the same face and widths as on screen; if that fails for any reason the text falls back down the
 * font-family list (Atkinson Hyperlegible Next if installed, else the system sans-serif).
 */
import { FONT_SIZE } from '../charts/chartModel';
import { estimateTextWidth } from '../charts/labels';
import { downloadBlob } from './download';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Computed properties copied inline: everything that decides how a chart's lines, areas and text are painted. */
const PAINT_PROPERTIES = [
  'color',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** Appended to the page's font list when it names no generic family, so every system has something to draw with. */
export const FONT_FALLBACK = '"Atkinson Hyperlegible Next", "Atkinson Hyperlegible", system-ui, Arial, sans-serif';
const GENERIC_FAMILY = /\b(sans-serif|serif|monospace|system-ui)\b/;

/** Largest canvas side, px: far above any real chart, well below what browsers refuse to allocate. */
const MAX_SIDE_PX = 4096;
const TITLE_SIZE = FONT_SIZE * 1.15;
const TITLE_BAND = Math.round(TITLE_SIZE * 1.9);

export interface ChartImageOptions {
  /** Image pixels per on-screen CSS pixel; 2 unless told. */
  readonly scale?: number;
  /** Any CSS colour; the chart's background (--chart-background, white if unset) unless told. */
  readonly background?: string;
  /** Text drawn above the chart; by default the chart's <figure> caption. `null` for none. */
  readonly title?: string | null;
  /** Replaces the computed font-family list on every text element. */
  readonly fontFamily?: string;
  /** Embed the page's loaded web fonts in the image (true unless told); without them text uses a system font. */
  readonly embedFonts?: boolean;
}

export interface CopyChartOptions extends ChartImageOptions {
  /** Name of the PNG when the clipboard cannot take it and the image is downloaded instead. */
  readonly fileName?: string;
}

export type CopyOutcome = 'copied' | 'downloaded';

interface ViewBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function viewBoxOf(svg: SVGSVGElement): ViewBox {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { x: box.x, y: box.y, width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { x: 0, y: 0, width: rect.width || 300, height: rect.height || 150 };
}

/** The chart's title, from the caption of the <figure> it sits in. */
export function chartTitle(svg: SVGSVGElement): string {
  return svg.closest('figure')?.querySelector('figcaption')?.textContent?.trim() ?? '';
}

/** Writes the computed paint properties of `source` (and its descendants) inline on `target`, a deep clone. */
function inlineStyles(source: Element, target: Element, fontFamily: string | undefined): void {
  const computed = getComputedStyle(source);
  const style = (target as SVGElement).style;
  for (const property of PAINT_PROPERTIES) {
    let value = computed.getPropertyValue(property);
    if (property === 'font-family') {
      if (fontFamily) value = fontFamily;
      else if (value && !GENERIC_FAMILY.test(value)) value = `${value}, ${FONT_FALLBACK}`;
      else if (!value) value = FONT_FALLBACK;
    }
    if (value) style.setProperty(property, value);
  }
  const sources = source.children;
  const targets = target.children;
  for (let i = 0; i < sources.length && i < targets.length; i++) {
    const s = sources[i];
    const t = targets[i];
    if (s && t) inlineStyles(s, t, fontFamily);
  }
}

function backgroundOf(svg: SVGSVGElement): string {
  const value = getComputedStyle(svg).getPropertyValue('--chart-background').trim();
  return value && !value.includes('var(') ? value : '#ffffff';
}

/**
 * A standalone copy of `svg` sized `pixelWidth` wide, styles inlined, the title above, ready to serialise. Exported
 * for tests; most callers want chartToPngBlob.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  pixelWidth: number,
  options: ChartImageOptions = {},
): { svg: SVGSVGElement; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, options.fontFamily);
  const box = viewBoxOf(svg);
  const title = options.title === undefined ? chartTitle(svg) : (options.title ?? '');
  const band = title ? TITLE_BAND : 0;
  const view = { x: box.x, y: box.y - band, width: box.width, height: box.height + band };

  if (title) {
    const text = document.createElementNS(SVG_NS, 'text');
    // Shrink a long title to fit rather than let it run off the image.
    const size = Math.min(TITLE_SIZE, (0.95 * (view.width - 8)) / Math.max(1, estimateTextWidth(title, 1)));
    text.setAttribute('x', String(view.x + 4));
    text.setAttribute('y', String(view.y + band / 2));
    text.setAttribute('dominant-baseline', 'central');
    const look = getComputedStyle(svg);
    text.style.setProperty('fill', look.getPropertyValue('color') || '#000000');
    text.style.setProperty('font-family', clone.style.getPropertyValue('font-family') || FONT_FALLBACK);
    text.style.setProperty('font-size', `${size.toFixed(2)}px`);
    text.style.setProperty('font-weight', '700');
    text.textContent = title;
    clone.insertBefore(text, clone.firstChild);
  }

  const width = Math.max(1, Math.min(MAX_SIDE_PX, Math.round(pixelWidth)));
  const height = Math.max(1, Math.min(MAX_SIDE_PX, Math.round((width * view.height) / view.width)));
  // Screen sizing (width: 100%, height: auto) means nothing in a standalone image: fixed pixels instead.
  clone.style.removeProperty('width');
  clone.style.removeProperty('height');
  clone.style.removeProperty('display');
  clone.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Screen-reader wiring does not belong in a picture file.
  clone.removeAttribute('role');
  clone.removeAttribute('aria-label');
  return { svg: clone, width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    image.src = url;
  });
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart image could not be encoded'))),
      'image/png',
    );
  });
}

const fontData = new Map<string, Promise<string>>();

function dataUrl(url: string): Promise<string> {
  let found = fontData.get(url);
  if (!found) {
    found = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        return response.blob();
      })
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          }),
      );
    // A failed fetch is not remembered, so a later copy can try again.
    found.catch(() => fontData.delete(url));
    fontData.set(url, found);
  }
  return found;
}

const unquote = (family: string): string => family.trim().replace(/^["']|["']$/g, '');

/**
 * @font-face rules for the page's web fonts in `families` that the page has actually loaded, their files inlined as
 * data: URLs. Same-origin stylesheets only (the app's own); anything unreadable is skipped.
 */
async function embeddedFontCss(families: ReadonlySet<string>): Promise<string> {
  const loaded = new Set<string>();
  for (const face of document.fonts) {
    if (face.status === 'loaded')
      loaded.add(`${unquote(face.family)}|${face.weight}|${face.style}|${face.unicodeRange}`);
  }
  const faces: Promise<string>[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const style = rule.style;
      const family = unquote(style.getPropertyValue('font-family'));
      if (!families.has(family)) continue;
      const weight = style.getPropertyValue('font-weight') || 'normal';
      const fontStyle = style.getPropertyValue('font-style') || 'normal';
      const range = style.getPropertyValue('unicode-range') || 'U+0-10FFFF';
      const key = (w: string) => `${family}|${w}|${fontStyle}|${range}`;
      // FontFace reports weight 400 where the rule may say "normal" (and 700 for "bold").
      const alias = weight === 'normal' ? '400' : weight === 'bold' ? '700' : weight;
      if (!loaded.has(key(weight)) && !loaded.has(key(alias))) continue;
      const match = /url\(\s*(["']?)([^"')]+)\1\s*\)/.exec(style.getPropertyValue('src'));
      const href = match?.[2];
      if (!href) continue;
      const url = new URL(href, sheet.href ?? document.baseURI).href;
      faces.push(
        dataUrl(url).then(
          (data) =>
            `@font-face{font-family:"${family}";font-style:${fontStyle};font-weight:${weight};` +
            `unicode-range:${range};src:url("${data}")}`,
          () => '',
        ),
      );
    }
  }
  return (await Promise.all(faces)).join('');
}

/** Adds a <style> with the embedded fonts to the standalone copy; leaves it as it is when there are none. */
async function embedFonts(standalone: SVGSVGElement): Promise<void> {
  const families = new Set<string>();
  for (const el of [standalone, ...Array.from(standalone.querySelectorAll('text'))]) {
    const first = (el as SVGElement).style.getPropertyValue('font-family').split(',')[0];
    if (first) families.add(unquote(first));
  }
  if (families.size === 0 || typeof document.fonts === 'undefined') return;
  const css = await embeddedFontCss(families);
  if (!css) return;
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = css;
  standalone.insertBefore(style, standalone.firstChild);
}

/** The chart as a PNG: what is on screen, on its background, at `scale` (2) times its on-screen size. */
export async function chartToPngBlob(svg: SVGSVGElement, options: ChartImageOptions = {}): Promise<Blob> {
  const scale = options.scale !== undefined && options.scale > 0 ? options.scale : 2;
  const onScreen = svg.getBoundingClientRect().width;
  const cssWidth = onScreen > 0 ? onScreen : viewBoxOf(svg).width;
  const { svg: standalone, width, height } = standaloneSvg(svg, cssWidth * scale, options);
  if (options.embedFonts !== false) {
    try {
      await embedFonts(standalone);
    } catch {
      // Without the web font the text uses the fallback list: still a correct chart.
    }
  }
  const markup = new XMLSerializer().serializeToString(standalone);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas available');
  context.fillStyle = options.background ?? backgroundOf(svg);
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return canvasToBlob(canvas);
}

/** Whether this browser can put a PNG on the clipboard (secure context, async clipboard, image/png allowed). */
export function canCopyImages(): boolean {
  if (typeof ClipboardItem !== 'function' || typeof navigator.clipboard?.write !== 'function') return false;
  const supports = (ClipboardItem as { supports?: (type: string) => boolean }).supports;
  return typeof supports === 'function' ? supports.call(ClipboardItem, 'image/png') : true;
}

function defaultFileName(svg: SVGSVGElement): string {
  const name = (svg.closest('figure') as HTMLElement | null)?.dataset.chart ?? 'chart';
  return `calcium-routes-${name.replace(/[^a-z0-9-]/gi, '') || 'chart'}.png`;
}

/**
 * Copies the chart to the clipboard as a PNG; where that is not possible (no clipboard API, an insecure page such
 * as file://, permission refused) downloads the PNG instead. Call it straight from the click handler: the clipboard
 * write starts synchronously with a promise of the image, which Safari requires. Resolves to what happened, so the
 * page can say so; rejects only if the image itself could not be made.
 */
export async function copyChartImage(svg: SVGSVGElement, options: CopyChartOptions = {}): Promise<CopyOutcome> {
  const png = chartToPngBlob(svg, options);
  // Whoever awaits it later sees a failure; this only stops an early one being reported as unhandled.
  png.catch(() => undefined);
  if (canCopyImages()) {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      return 'copied';
    } catch {
      // Refused or unsupported after all: fall back to a file.
    }
  }
  downloadBlob(options.fileName ?? defaultFileName(svg), await png);
  return 'downloaded';
}
