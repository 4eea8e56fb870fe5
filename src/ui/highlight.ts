/**
 * One highlight shared by the table, the charts and the body map: hovering or focusing a destination shows it
 * everywhere; clicking (or tapping, on a whiteboard with no hover) pins it until clicked again.
 */
import type { RegionKey } from '../render/layout';
import type { DestinationKey } from './outcomeTypes';

export type HighlightKey = DestinationKey | 'blood' | 'kidney' | 'gut';

export const REGION_OF: Readonly<Record<HighlightKey, RegionKey>> = {
  absorbed: 'gut',
  gut: 'gut',
  faeces: 'faeces',
  urine: 'urine',
  kidney: 'kidney',
  boneIn: 'bone',
  boneOut: 'bone',
  artery: 'artery',
  blood: 'blood',
};

export type HighlightListener = (key: HighlightKey | null) => void;

export class Highlight {
  private hovered: HighlightKey | null = null;
  private pinned: HighlightKey | null = null;
  private readonly listeners: HighlightListener[] = [];

  get current(): HighlightKey | null {
    return this.hovered ?? this.pinned;
  }

  get pinnedKey(): HighlightKey | null {
    return this.pinned;
  }

  listen(listener: HighlightListener): void {
    this.listeners.push(listener);
  }

  hover(key: HighlightKey | null): void {
    if (this.hovered === key) return;
    this.hovered = key;
    this.notify();
  }

  togglePin(key: HighlightKey): void {
    this.pinned = this.pinned === key ? null : key;
    this.notify();
  }

  clear(): void {
    this.hovered = null;
    this.pinned = null;
    this.notify();
  }

  /** Wires an element so hovering or focusing it highlights `key`. */
  bind(el: HTMLElement, key: HighlightKey): void {
    el.addEventListener('pointerenter', () => this.hover(key));
    el.addEventListener('pointerleave', () => this.hover(null));
    el.addEventListener('focusin', () => this.hover(key));
    el.addEventListener('focusout', () => this.hover(null));
  }

  private notify(): void {
    const key = this.current;
    for (const listener of this.listeners) listener(key);
  }
}
