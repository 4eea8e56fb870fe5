/**
 * Years-view overlay on the body map: bone loses density as pores that open in the matrix (shape, not just a
 * paler colour), in proportion to the share of the starting skeleton that has been lost.
 */
import { Container, Sprite, type Texture } from 'pixi.js';
import type { Rect } from './layout';

const MAX_PORES = 80;

export class YearsLayer {
  readonly container = new Container({ label: 'years overlay' });
  private readonly pores: Sprite[] = [];
  private shownPores = -1;

  constructor(poreTexture: Texture, matrix: Rect) {
    this.container.interactiveChildren = false;
    let seed = 7;
    const next = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < MAX_PORES; i++) {
      const pore = new Sprite({ texture: poreTexture, anchor: 0.5 });
      pore.x = matrix.x + 12 + next() * (matrix.w - 24);
      pore.y = matrix.y + 12 + next() * (matrix.h - 24);
      pore.rotation = next() * Math.PI;
      pore.scale.set(0.8 + next() * 0.7);
      pore.visible = false;
      this.pores.push(pore);
      this.container.addChild(pore);
    }
  }

  /** Draws the pores with a new texture (a theme change). */
  setTexture(texture: Texture): void {
    for (const pore of this.pores) pore.texture = texture;
  }

  /** One pore per 0.5 % of the starting skeleton lost (up to the pool), none while bone is at or above the start. */
  draw(bonePercentOfStart: number): void {
    const lost = Math.max(0, 100 - bonePercentOfStart);
    const shown = Math.min(MAX_PORES, Math.round(lost * 2));
    if (shown === this.shownPores) return;
    this.shownPores = shown;
    for (let i = 0; i < MAX_PORES; i++) (this.pores[i] as Sprite).visible = i < shown;
  }
}
