/**
 * Osteocalcin (in bone) and MGP (in the artery wall) as markers whose shape and colour show their state:
 * uncarboxylated Glu = hollow triangle, carboxylated Gla = filled diamond, Gla holding mineral = diamond with a
 * calcium dot. Vitamin K shows up only as this change of state on the protein; it is never drawn carrying calcium.
 */
import { Container, Sprite, type Texture } from 'pixi.js';
import type { Rect } from './layout';
import type { MapTextures } from './textures';

const CLEARED = 3;

export class ProteinLayer {
  readonly container = new Container({ label: 'protein markers' });
  private readonly sprites: Sprite[] = [];
  private byState: readonly Texture[];

  constructor(textures: MapTextures, count: number, area: Rect, seed: number) {
    this.container.interactiveChildren = false;
    this.byState = [textures.glu, textures.gla, textures.bound];
    // A fixed, even scatter: a jittered grid, so markers never pile up or overlap each other.
    const cols = Math.ceil(Math.sqrt((count * area.w) / area.h));
    const rows = Math.ceil(count / cols);
    let jitter = seed;
    const next = (): number => {
      jitter = (jitter * 1103515245 + 12345) % 2147483648;
      return jitter / 2147483648 - 0.5;
    };
    for (let i = 0; i < count; i++) {
      const col = i % cols;
      const row = Math.floor(i / cols);
      const sprite = new Sprite({ texture: textures.glu, anchor: 0.5 });
      sprite.x = area.x + ((col + 0.5 + next() * 0.5) * area.w) / cols;
      sprite.y = area.y + ((row + 0.5 + next() * 0.5) * area.h) / rows;
      this.sprites.push(sprite);
      this.container.addChild(sprite);
    }
  }

  /** Takes a new set of marker textures (a theme change); shown markers switch at once. */
  setTextures(textures: MapTextures): void {
    const old = this.byState;
    this.byState = [textures.glu, textures.gla, textures.bound];
    for (const sprite of this.sprites) {
      const state = old.indexOf(sprite.texture);
      sprite.texture = this.byState[state < 0 ? 0 : state] as Texture;
    }
  }

  /** Draws each marker in its current state (cleared markers are not shown until they are made again). */
  draw(states: Uint8Array | null): void {
    for (let i = 0; i < this.sprites.length; i++) {
      const sprite = this.sprites[i] as Sprite;
      const s = states?.[i] ?? CLEARED;
      sprite.visible = s !== CLEARED;
      if (s !== CLEARED) sprite.texture = this.byState[s] as Texture;
    }
  }
}
