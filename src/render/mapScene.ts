/**
 * The body map scene: static map, protein markers, artery deposits, years overlay and the packet layer, in that
 * drawing order. Each frame it reads the world (day view) or the life course's latest year (years view) and draws
 * them; it never changes either.
 */
import { Container } from 'pixi.js';
import type { World } from '../model/world';
import type { YearPoint } from '../model/years';
import { type BodyMap, drawBodyMap } from './bodyMap';
import { DepositLayer } from './depositLayer';
import { ARTERY, BONE, type RegionKey } from './layout';
import { PacketLayer } from './packetLayer';
import { DEFAULT_MOTION, PacketMotion, REDUCED_MOTION } from './packetMotion';
import { ProteinLayer } from './proteinLayer';
import { makeTextures } from './textures';
import { YearsLayer } from './yearsLayer';

const GHOSTS = 512;

export interface SceneFrame {
  readonly world: World;
  readonly view: 'day' | 'years';
  /** Seconds of visual time to advance (0 while paused, so nothing on screen moves). */
  readonly dt: number;
  /** Years view: the latest simulated year, or null before the first. */
  readonly year: YearPoint | null;
}

export class MapScene {
  readonly root = new Container({ label: 'calcium routes map' });
  private readonly map: BodyMap;
  private readonly motion = new PacketMotion();
  private readonly packets: PacketLayer;
  private readonly osteocalcin: ProteinLayer;
  private readonly mgp: ProteinLayer;
  private readonly deposits: DepositLayer;
  private readonly years: YearsLayer;
  private world: World | null = null;

  constructor() {
    const textures = makeTextures();
    this.root.interactiveChildren = false;
    this.map = drawBodyMap();
    this.osteocalcin = new ProteinLayer(textures, 24, BONE.proteinArea, 11);
    this.mgp = new ProteinLayer(textures, 24, ARTERY.proteinArea, 23);
    this.deposits = new DepositLayer(textures.crystal, ARTERY.depositSites);
    this.years = new YearsLayer(textures.pore, BONE.matrix);
    this.packets = new PacketLayer(textures.packet, GHOSTS);
    this.root.addChild(
      this.map.root,
      this.years.container,
      this.osteocalcin.container,
      this.mgp.container,
      this.deposits.container,
      this.packets.container,
    );
  }

  highlight(regions: readonly RegionKey[]): void {
    this.map.highlight(regions);
  }

  setReducedMotion(reduced: boolean): void {
    this.motion.settings = { ...(reduced ? REDUCED_MOTION : DEFAULT_MOTION) };
  }

  draw(frame: SceneFrame): void {
    const { world } = frame;
    if (world !== this.world) {
      this.world = world;
      this.motion.syncAll(world);
    }
    const day = frame.view === 'day';
    this.packets.container.visible = day;
    this.years.container.visible = !day;
    if (day) {
      this.motion.update(world, frame.dt);
      this.packets.draw(this.motion);
      this.deposits.draw(world.arteryUnits);
    } else {
      this.years.draw(frame.year?.bonePercentOfStart ?? 100);
      // The same drawing scale as the day view: one crystal per packet's worth of mineral.
      this.deposits.draw((frame.year?.arteryMg ?? 0) / world.packetMg);
    }
    this.osteocalcin.draw(world.osteocalcin?.state ?? null);
    this.mgp.draw(world.mgp?.state ?? null);
  }
}
