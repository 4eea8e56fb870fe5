/**
 * The benchmark baseline: the least a page can do to show N calcium packets. One Pixi Application made with the
 * app's own options (src/render/pixiStage.ts), one ParticleContainer with the app's dynamic properties and the
 * app's own dot texture (src/render/textures.ts), N particles moving every frame, nothing else. The app's frame
 * time and start time are divided by this page's, measured in the same run (tests/bench/run.ts).
 *
 * Query: ?n=<particles>&w=<css px>&h=<css px>&res=<resolution>; the bench passes the app's canvas size and count.
 */
import { Application, Particle, ParticleContainer, Rectangle } from 'pixi.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from '../../../../src/render/layout';
import { PALETTES } from '../../../../src/render/palette';
import { makeTextures } from '../../../../src/render/textures';

const query = new URLSearchParams(window.location.search);
const number = (key: string, fallback: number): number => {
  const value = Number(query.get(key));
  return query.has(key) && Number.isFinite(value) && value > 0 ? value : fallback;
};
const count = Math.round(number('n', 545));
const width = Math.round(number('w', 960));
const height = Math.round(number('h', (width * STAGE_HEIGHT) / STAGE_WIDTH));
const resolution = number('res', 1);

// No top-level await: Pixi's init imports chunks that import this entry chunk back, and a module still awaiting
// at top level never finishes loading for them (the page would hang).
void start();

async function start(): Promise<void> {
  const app = new Application();
  await app.init({
    preference: 'webgl',
    width,
    height,
    resolution,
    autoDensity: true,
    antialias: true,
    backgroundColor: PALETTES.light.background,
    backgroundAlpha: 1,
  });
  app.stage.eventMode = 'none';
  app.stage.scale.set(width / STAGE_WIDTH);
  document.body.append(app.canvas);

  const textures = makeTextures(PALETTES.light);
  const container = new ParticleContainer({
    texture: textures.packet,
    dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
  });
  container.boundsArea = new Rectangle(0, 0, STAGE_WIDTH, STAGE_HEIGHT);
  app.stage.addChild(container);

  // A fixed pseudo-random start (no Math.random: every round draws the same picture).
  let seed = 0x2545f491;
  const random = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const particles: Particle[] = [];
  const vx = new Float32Array(count);
  const vy = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const p = new Particle({
      texture: textures.packet,
      x: random() * STAGE_WIDTH,
      y: random() * STAGE_HEIGHT,
      anchorX: 0.5,
      anchorY: 0.5,
      alpha: 1,
    });
    container.addParticle(p);
    particles.push(p);
    const angle = random() * Math.PI * 2;
    const speed = 40 + random() * 80; // logical px per second, about what packets move at in the day view
    vx[i] = Math.cos(angle) * speed;
    vy[i] = Math.sin(angle) * speed;
  }

  app.ticker.add((ticker) => {
    const dt = ticker.deltaMS / 1000;
    for (let i = 0; i < count; i++) {
      const p = particles[i] as Particle;
      let x = p.x + (vx[i] as number) * dt;
      let y = p.y + (vy[i] as number) * dt;
      if (x < 0 || x > STAGE_WIDTH) {
        vx[i] = -(vx[i] as number);
        x = Math.min(STAGE_WIDTH, Math.max(0, x));
      }
      if (y < 0 || y > STAGE_HEIGHT) {
        vy[i] = -(vy[i] as number);
        y = Math.min(STAGE_HEIGHT, Math.max(0, y));
      }
      p.x = x;
      p.y = y;
    }
  });

  (window as unknown as { bare: { app: Application; count: number } }).bare = { app, count };
}
