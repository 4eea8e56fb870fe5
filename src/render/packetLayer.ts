/**
 * Calcium packets on screen: one ParticleContainer holding a fixed pool of particles (one per world slot, plus the
 * packets on their way into a reservoir), all sharing one canvas-made dot texture. Only position and alpha change
 * per frame; hidden packets are drawn fully transparent rather than removed, so the pool never churns.
 */
import { Particle, ParticleContainer, Rectangle, type Texture } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './layout';
import { MODE_HIDDEN, type PacketMotion } from './packetMotion';

export class PacketLayer {
  readonly container: ParticleContainer;
  private texture: Texture;
  private readonly slots: Particle[] = [];
  private readonly ghosts: Particle[] = [];
  /** Draw one packet in this many (the adaptive budget's choice; the model still moves them all). */
  private stride = 1;

  constructor(texture: Texture, ghostCount: number) {
    this.texture = texture;
    this.container = new ParticleContainer({
      texture,
      dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
    });
    // Particle containers compute no bounds of their own; without this, extract and culling see an empty layer.
    this.container.boundsArea = new Rectangle(0, 0, STAGE_WIDTH, STAGE_HEIGHT);
    for (let g = 0; g < ghostCount; g++) this.ghosts.push(this.add());
  }

  /** Copies drawn positions from the motion state; grows the pool when the world has grown. */
  draw(motion: PacketMotion): void {
    let grew = false;
    while (this.slots.length < motion.capacity) {
      this.slots.push(this.add());
      grew = true;
    }
    if (grew) this.container.update();
    const { mode, x, y } = motion;
    for (let slot = 0; slot < this.slots.length; slot++) {
      const p = this.slots[slot] as Particle;
      if (slot >= motion.capacity || mode[slot] === MODE_HIDDEN || slot % this.stride !== 0) {
        p.alpha = 0;
        continue;
      }
      p.x = x[slot] as number;
      p.y = y[slot] as number;
      p.alpha = 1;
    }
    for (let g = 0; g < this.ghosts.length; g++) {
      const p = this.ghosts[g] as Particle;
      if (motion.ghostKind[g] === 0 || g % this.stride !== 0) {
        p.alpha = 0;
        continue;
      }
      p.x = motion.ghostX[g] as number;
      p.y = motion.ghostY[g] as number;
      p.alpha = motion.ghostAlpha[g] as number;
    }
  }

  /** Draws one packet in `stride` from now on (1 = all). */
  setStride(stride: number): void {
    this.stride = Math.max(1, Math.floor(stride));
  }

  /** Draws every packet with a new texture (a theme change); the old one is the caller's to destroy. */
  setTexture(texture: Texture): void {
    this.texture = texture;
    this.container.texture = texture;
    for (const p of this.slots) p.texture = texture;
    for (const p of this.ghosts) p.texture = texture;
    // Texture coordinates and vertices are static properties: upload them again.
    this.container.update();
  }

  private add(): Particle {
    const p = new Particle({ texture: this.texture, anchorX: 0.5, anchorY: 0.5, alpha: 0 });
    this.container.addParticle(p);
    return p;
  }
}
