/**
 * Mineral in the artery wall, drawn as crystals clustered round a few sites. Each crystal stands for a fixed
 * amount of drawn mineral; past the pool size the crystals grow instead, so a large deposit still looks larger.
 * Sprites are made once; only their visibility and scale change.
 */
import { Container, Sprite, type Texture } from 'pixi.js';
import type { Point } from './layout';

const POOL = 240;

export class DepositLayer {
  readonly container = new Container({ label: 'artery deposits' });
  private readonly crystals: Sprite[] = [];
  /** What is drawn now; the scene calls `draw` every frame, but deposits change a few times a day. */
  private shownUnits = -1;

  constructor(texture: Texture, sites: readonly Point[]) {
    this.container.interactiveChildren = false;
    // Crystals spiral outwards from each site in turn, so deposits grow as compact clusters.
    for (let i = 0; i < POOL; i++) {
      const site = sites[i % sites.length] as Point;
      const k = Math.floor(i / sites.length);
      const angle = k * 2.39996;
      const radius = 5 * Math.sqrt(k);
      const crystal = new Sprite({ texture, anchor: 0.5 });
      crystal.x = site.x + Math.cos(angle) * radius;
      crystal.y = site.y + Math.sin(angle) * radius * 0.8;
      crystal.rotation = angle;
      crystal.visible = false;
      this.crystals.push(crystal);
      this.container.addChild(crystal);
    }
  }

  /** Draws the crystals with a new texture (a theme change). */
  setTexture(texture: Texture): void {
    for (const crystal of this.crystals) crystal.texture = texture;
  }

  /** Shows `units` crystals' worth of mineral. */
  draw(units: number): void {
    const n = Math.max(0, Math.floor(units));
    if (n === this.shownUnits) return;
    this.shownUnits = n;
    const shown = Math.min(n, POOL);
    const scale = n > POOL ? Math.min(2.5, Math.sqrt(n / POOL)) : 1;
    for (let i = 0; i < POOL; i++) {
      const crystal = this.crystals[i] as Sprite;
      crystal.visible = i < shown;
      crystal.scale.set(scale);
    }
  }
}
