/**
 * The body map scene: static map, protein markers, artery deposits, years overlay and the packet layer, in that
 * drawing order. Each frame it reads the world (day view) or the life course's latest year (years view) and draws
 * them; it never changes either. A theme change (setTheme) redraws the static map and remakes the small textures
 * once; nothing about themes happens per frame.
 */
import { Container } from 'pixi.js';
import type { World } from '../model/world';
import type { YearPoint } from '../model/years';
import { type BodyMap, drawBodyMap } from './bodyMap';
import { DepositLayer } from './depositLayer';
import { ARTERY, BONE, type RegionKey } from './layout';
import { PacketLayer } from './packetLayer';
import { DEFAULT_MOTION, PacketMotion, REDUCED_MOTION } from './packetMotion';
import { type MapTheme, PALETTES } from './palette';
import { ProteinLayer } from './proteinLayer';
import { destroyTextures, type MapTextures, makeTextures } from './textures';
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
  private map: BodyMap;
  private textures: MapTextures;
  private theme: MapTheme = 'light';
  private highlighted: readonly RegionKey[] = [];
  private readonly motion = new PacketMotion();
  private readonly packets: PacketLayer;
  private readonly osteocalcin: ProteinLayer;
  private readonly mgp: ProteinLayer;
  private readonly deposits: DepositLayer;
  private readonly years: YearsLayer;
  private world: World | null = null;

  constructor(theme: MapTheme = 'light') {
    this.theme = theme;
    const textures = makeTextures(PALETTES[theme]);
    this.textures = textures;
    this.root.interactiveChildren = false;
    this.map = drawBodyMap(PALETTES[theme]);
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
    this.highlighted = regions;
    this.map.highlight(regions);
  }

  /** The theme the map is drawn in. */
  get currentTheme(): MapTheme {
    return this.theme;
  }

  /**
   * Draws the map in another theme: a new static body map (same highlights) and new packet, marker, crystal and
   * pore textures; the old ones are destroyed. The renderer's background is the stage's (PixiStage.setBackground
   * with PALETTES[theme].background). Does nothing if the theme is already shown.
   */
  setTheme(theme: MapTheme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    const palette = PALETTES[theme];
    const oldMap = this.map;
    this.map = drawBodyMap(palette);
    this.map.highlight(this.highlighted);
    this.root.addChildAt(this.map.root, this.root.getChildIndex(oldMap.root));
    this.root.removeChild(oldMap.root);
    oldMap.root.destroy({ children: true });

    const oldTextures = this.textures;
    this.textures = makeTextures(palette);
    this.packets.setTexture(this.textures.packet);
    this.osteocalcin.setTextures(this.textures);
    this.mgp.setTextures(this.textures);
    this.deposits.setTexture(this.textures.crystal);
    this.years.setTexture(this.textures.pore);
    destroyTextures(oldTextures);
  }

  /** Draws one packet in `stride` (the adaptive budget); what the model does is unchanged. */
  setPacketStride(stride: number): void {
    this.packets.setStride(stride);
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
