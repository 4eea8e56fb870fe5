/**
 * The classroom features in a real browser: a scene run start to finish by keyboard alone, share links that restore
 * exactly the state they were made from (and survive malformed input), compare mode's two conditions on one seed,
 * the CSV export against the table, and the Share dialog.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeTicks } from '../../src/lesson/observeTicks';
import type { Scene, SceneStep } from '../../src/lesson/sceneSchema';
import { loadSceneLibrary } from '../../src/lesson/scenesPlugin';
import type { LessonContext } from '../../src/machines/lesson.machine';
import { DEFAULT_INPUTS, INPUT_RANGES, type Inputs, type NumericInput } from '../../src/model/inputs';
import { createPrng } from '../../src/model/prng';
import type { PixiStage } from '../../src/render/pixiStage';
import type { Session } from '../../src/session/session';
import { completeState, decodeState, encodeState, type SharedState } from '../../src/share/urlState';
import { canvasInk, launch, openApp, type Served, serve, stepMinutes, tableCell, tick, type Watched } from './harness';

/** The page's debug handle (src/main.ts). */
interface Win {
  calciumRoutes: {
    session: Session;
    pixi: PixiStage | null;
    pixiB: PixiStage | null;
    rendererName: string | null;
  };
}

const { scenes } = loadSceneLibrary(fileURLToPath(new URL('../../scenes', import.meta.url)));
const sceneIds = scenes.map((s) => s.id);

let served: Served;
let browser: Browser;
/** One page for the whole file: each test starts with a fresh navigation (a new page costs several seconds). */
let app: Watched;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  app = await openApp(browser, served.url);
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(served.url).origin,
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/**
 * Loads the app afresh at `?{query}#{hash}` (a new query string makes it a real navigation, not a same-document
 * hash change), waits until the map has started, and clears the error and request records.
 */
async function fresh(query: string, hash = ''): Promise<Page> {
  const { page } = app;
  app.errors.length = 0;
  app.foreign.length = 0;
  await page.goto(`${served.url}?${query}${hash === '' ? '' : `#${hash}`}`);
  await page.waitForFunction(() => (window as unknown as Partial<Win>).calciumRoutes?.rendererName != null);
  return page;
}

/** The state a share link would carry now, read from the page the way src/ui/linkState.ts builds it. */
function readState(page: Page): Promise<SharedState> {
  return page.evaluate(() => {
    const { session } = (window as unknown as Win).calciumRoutes;
    const snap = session.actor.getSnapshot();
    const { context } = snap;
    const runner = snap.children.lesson;
    const lesson = runner ? (runner.getSnapshot() as { context: LessonContext }).context : null;
    return {
      inputs: { ...context.inputs },
      view: context.view,
      seed: context.seed,
      speed: context.speed,
      scene: lesson ? { id: lesson.scene.id, step: lesson.index } : null,
      compare: context.compare ? { ...context.compare } : null,
      presenter: document.documentElement.classList.contains('presenting-page'),
    };
  });
}

/** The controller's clock, the observation under way and the lesson runner's state. */
function controller(page: Page): Promise<{ paused: boolean; observeUntil: number | null; lesson: string | null }> {
  return page.evaluate(() => {
    const snap = (window as unknown as Win).calciumRoutes.session.actor.getSnapshot();
    const runner = snap.children.lesson;
    return {
      paused: snap.matches({ clock: 'paused' }),
      observeUntil: snap.context.observeUntil,
      lesson: runner ? JSON.stringify((runner.getSnapshot() as { value: unknown }).value) : null,
    };
  });
}

/** Presses Tab until `target` has focus (or gives up), returning how many presses it took. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Simulated minutes a day-view observe step runs for (0 for other steps and for years-view observations). */
const observeTicksOf = (step: SceneStep): number =>
  step.kind === 'observe' && step.run.years === undefined ? observeTicks(step.run) : 0;

describe('a scene in class', () => {
  it('runs a scene start to finish by keyboard only', async () => {
    // The quickest scene on keys 1–9 to watch at Fast speed (96 simulated minutes or 4 years a second).
    const seconds = (scene: Scene): number =>
      scene.steps.reduce(
        (sum, s) => sum + (s.kind === 'observe' ? (s.run.years ?? 0) / 4 + observeTicksOf(s) / 96 : 0),
        0,
      );
    const index = scenes
      .slice(0, 9)
      .reduce((best, scene, i) => (seconds(scene) < seconds(scenes[best] as Scene) ? i : best), 0);
    const scene = scenes[index] as Scene;
    const total = scene.steps.length;
    const page = await fresh('keyboard');
    const indicator = page.locator('.lesson-indicator');
    const panel = page.locator('.lesson-panel');
    await page.locator('body').focus();
    // Fast first: a scene keeps the speed it was started at unless its preset names one.
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press(String(index + 1));
    expect((await readState(page)).scene).toEqual({ id: scene.id, step: 0 });
    expect((await readState(page)).speed).toBe('fast');

    const chosen = new Map<number, string>();
    for (const [i, step] of scene.steps.entries()) {
      await expect.poll(() => indicator.textContent()).toBe(`Step ${i + 1} of ${total}`);
      expect((await readState(page)).scene).toEqual({ id: scene.id, step: i });
      if (step.kind === 'predict') {
        // The class guesses wrong, so "ours" and "the model's" are different buttons.
        const guess = step.choices.find((c) => c.id !== step.answer)?.text.en ?? '';
        const answer = step.choices.find((c) => c.id === step.answer)?.text.en ?? '';
        // A choice's name grows once chosen or revealed ("… Our prediction"), so match on its text alone.
        const choice = panel.getByRole('button', { name: guess });
        await tabTo(page, choice);
        await page.keyboard.press('Enter');
        await expect.poll(() => choice.getAttribute('aria-pressed')).toBe('true');
        chosen.set(i, guess);
        await page.keyboard.press('p');
        const modelAnswer = panel.getByRole('button', { name: answer });
        await expect.poll(() => modelAnswer.textContent()).toMatch(/The model shows this$/);
        expect(await modelAnswer.getAttribute('aria-pressed')).toBe('false');
        expect(await choice.textContent()).toMatch(/Our prediction$/);
        expect(await panel.locator('.lesson-reveal-text').textContent()).toBe(step.reveal.en);
      } else if (step.kind === 'observe') {
        await expect.poll(async () => (await controller(page)).paused).toBe(false);
        const previous = scene.steps[i - 1];
        if (previous?.kind === 'predict') {
          // Back from a running observation: the prediction is still there, pressed, and the sim holds still.
          await page.keyboard.press('ArrowLeft');
          await expect.poll(() => indicator.textContent()).toBe(`Step ${i} of ${total}`);
          const kept = panel.getByRole('button', { name: chosen.get(i - 1) });
          expect(await kept.getAttribute('aria-pressed')).toBe('true');
          expect(await panel.getByRole('button', { pressed: true }).count()).toBe(1);
          expect(await panel.getByText('The model shows this').isVisible()).toBe(true);
          expect((await controller(page)).paused).toBe(true);
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => indicator.textContent()).toBe(`Step ${i + 1} of ${total}`);
        }
        await expect
          .poll(() => controller(page), { timeout: 60_000, interval: 250 })
          .toEqual({ paused: true, observeUntil: null, lesson: JSON.stringify({ step: { observe: 'done' } }) });
        await expect.poll(() => panel.locator('.lesson-note').textContent()).toMatch(/^Done\. What did you see\?/);
        expect(await panel.getByRole('button', { name: 'Run it again' }).isVisible()).toBe(true);
      }
      const next = panel.getByRole('button', { name: i === total - 1 ? 'Finish' : 'Next', exact: true });
      expect(await next.isVisible()).toBe(true);
      await page.keyboard.press('ArrowRight');
    }

    await expect.poll(() => indicator.textContent()).toBe(`All ${total} steps done`);
    expect(await panel.locator('.lesson-question').textContent()).toBe(`That is the end of “${scene.title.en}”.`);
    expect(await panel.getByRole('button', { name: 'Start this scene again' }).isVisible()).toBe(true);
    if (scene.preset.view !== 'years' && scene.steps.every((s) => s.view !== 'years')) {
      // Every observation played its whole span (one left early by Back played again in full).
      const observed = scene.steps.reduce((sum, s) => sum + (s.kind === 'observe' ? observeTicksOf(s) : 0), 0);
      expect(await tick(page)).toBeGreaterThanOrEqual(observed);
    }
    expect(app.errors).toEqual([]);
    expect(app.foreign).toEqual([]);
  });
});

// --- Share links ---------------------------------------------------------------------------------------------------

/** A tiny seeded LCG (Numerical Recipes constants), so the states are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const NUMERIC: readonly NumericInput[] = ['calciumMgPerDay', 'd3IuPerDay', 'k2UgPerDay', 'k1UgPerDay', 'ageYears'];

function randomInputs(random: () => number): Inputs {
  const inputs: Record<string, unknown> = { ...DEFAULT_INPUTS };
  for (const key of NUMERIC) {
    const { min, max } = INPUT_RANGES[key];
    const r = random();
    const u = random();
    if (r < 0.15) continue;
    if (r < 0.25) inputs[key] = min;
    else if (r < 0.35) inputs[key] = max;
    else if (r < 0.7) inputs[key] = Math.round(min + u * (max - min));
    // Decimals too: a link carries whatever number the state holds, not only slider positions.
    else inputs[key] = Number((min + u * (max - min)).toFixed(1 + Math.floor(random() * 3)));
  }
  inputs.k2Form = random() < 0.5 ? 'mk7' : 'mk4';
  inputs.sex = random() < 0.5 ? 'female' : 'male';
  inputs.warfarin = random() < 0.3;
  inputs.mgpAbsent = random() < 0.2;
  return inputs as unknown as Inputs;
}

function randomState(random: () => number, i: number): SharedState {
  const sceneFor = (): SharedState['scene'] => {
    if (random() < 0.45) return null;
    const scene = scenes[Math.floor(random() * scenes.length)] as Scene;
    return { id: scene.id, step: Math.floor(random() * scene.steps.length) };
  };
  const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)] as T;
  return {
    inputs: randomInputs(random),
    view: pick(['day', 'years'] as const),
    seed: random() < 0.2 ? 1 : Math.floor(random() * 4294967296),
    speed: pick(['slow', 'normal', 'fast'] as const),
    scene: sceneFor(),
    compare: random() < 0.4 ? null : randomInputs(random),
    // Full screen needs a gesture, but presenter mode itself is only a layout and travels in the link.
    presenter: i % 9 === 4,
  };
}

describe('share links', () => {
  it('a share link restores exactly the state it was made from', async () => {
    const random = lcg(20240917);
    const states = Array.from({ length: 25 }, (_, i) => randomState(random, i));
    // The sample covers what a link can carry.
    expect(states.some((s) => s.scene !== null && s.scene.step > 0)).toBe(true);
    expect(states.some((s) => s.compare !== null && s.view === 'years')).toBe(true);
    expect(states.some((s) => s.presenter)).toBe(true);

    const errors: string[] = [];
    const foreign: string[] = [];
    for (const [i, state] of states.entries()) {
      const hash = encodeState(state);
      const page = await fresh(`link=${i}`, hash);
      expect(await readState(page), `state ${i}: #${hash}`).toEqual(state);
      expect(await page.getByRole('alert').count(), `state ${i}: no notice`).toBe(0);
      await page.waitForTimeout(500);
      const written = new URL(page.url()).hash;
      const decoded = decodeState(written, { sceneIds });
      expect(decoded.problems, `state ${i}: address bar ${written}`).toEqual([]);
      expect(completeState(decoded.state), `state ${i}: address bar ${written}`).toEqual(state);
      errors.push(...app.errors);
      foreign.push(...app.foreign);
    }

    // Pasted into the tab that is already open, a link applies without a reload.
    const { page } = app;
    await page.evaluate(() => {
      (window as unknown as { sameDocument?: boolean }).sameDocument = true;
    });
    for (const [i, state] of states.slice(0, 6).entries()) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, encodeState(state));
      await expect.poll(() => readState(page), { message: `pasted state ${i}` }).toEqual(state);
    }
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    errors.push(...app.errors);
    foreign.push(...app.foreign);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  }, 150_000);

  it('a malformed hash shows the notice and the sim still starts', async () => {
    const page = await fresh('malformed', 'v=1&d3=abc&ca=-5&scene=nope&cmp=yes&__proto__=1&step=-3');
    const notice = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Part of this link could not be used' }) });
    await expect.poll(() => notice.isVisible()).toBe(true);
    const items = await notice.getByRole('listitem').allTextContents();
    for (const ignored of ['d3=abc', 'ca=-5', 'scene=nope', 'cmp=yes', '__proto__=1', 'step=-3']) {
      expect(
        items.some((item) => item.startsWith(`Ignored ${ignored}:`)),
        `${ignored} in ${items.join(' | ')}`,
      ).toBe(true);
    }
    expect(items.at(-1)).toBe('The sim started with the rest of the link and its usual settings for these.');

    const state = await readState(page);
    expect(state.inputs).toEqual(DEFAULT_INPUTS);
    expect(state.scene).toBeNull();
    expect(state.compare).toBeNull();
    expect(await page.evaluate(() => (window as unknown as Win).calciumRoutes.rendererName)).toBe('webgl');

    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await controller(page)).paused).toBe(false);
    await expect.poll(() => tick(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    expect(app.errors).toEqual([]);
    expect(app.foreign).toEqual([]);

    const garbage: [string, string][] = [
      ['%E0%A4%A', 'is not valid link text'],
      [`v=1&${'x'.repeat(4996)}`, 'more than the 2,000'],
    ];
    for (const [i, [hash, says]] of garbage.entries()) {
      await fresh(`garbage=${i}`, hash);
      expect(await page.evaluate(() => (window as unknown as Win).calciumRoutes.rendererName)).toBe('webgl');
      await expect.poll(() => page.getByRole('alert').filter({ hasText: says }).isVisible()).toBe(true);
      expect((await readState(page)).inputs).toEqual(DEFAULT_INPUTS);
      await page.getByRole('button', { name: 'Step' }).click();
      expect(await tick(page)).toBe(10);
      // The address bar is brought back to a link that describes what is on screen.
      await expect.poll(() => new URL(page.url()).hash).toBe('#v=1');
      expect(app.errors).toEqual([]);
      expect(app.foreign).toEqual([]);
    }
  });

  it('the Share dialog shows the link and a QR code', async () => {
    const page = await fresh('share');
    const d3 = page.getByRole('slider', { name: 'Vitamin D3' });
    await d3.focus();
    await page.keyboard.press('End');
    await page.getByText('Male', { exact: true }).click();
    await page.getByRole('toolbar', { name: 'Time controls' }).getByText('Slow', { exact: true }).click();
    await page.getByRole('button', { name: 'Compare A and B' }).click();

    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const link = await dialog.getByRole('textbox', { name: 'Link to this view' }).inputValue();
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(new URL(served.url).href);
    const decoded = decodeState(url.hash, { sceneIds });
    expect(decoded.problems).toEqual([]);
    const now = await readState(page);
    expect(now.inputs.d3IuPerDay).toBe(INPUT_RANGES.d3IuPerDay.max);
    expect(now.inputs.sex).toBe('male');
    expect(now.speed).toBe('slow');
    expect(now.compare).toEqual(now.inputs);
    expect(completeState(decoded.state)).toEqual(now);

    const qr = dialog.getByRole('img', { name: 'QR code for this link' });
    expect(await qr.count()).toBe(1);
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d/);

    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(app.errors).toEqual([]);
    expect(app.foreign).toEqual([]);
  });
});

// --- Compare mode --------------------------------------------------------------------------------------------------

/** Both runs' seeds as their random streams show them (World keeps no seed field), ticks and inputs. */
function runs(page: Page) {
  return page.evaluate(() => {
    const { session } = (window as unknown as Win).calciumRoutes;
    const { context } = session.actor.getSnapshot();
    type Seeded = { rng: { state(): number[] } };
    const b = session.b;
    return {
      seed: context.seed,
      inputs: { ...context.inputs },
      compare: context.compare ? { ...context.compare } : null,
      a: { tick: session.a.world.model.tick, rng: (session.a.world as unknown as Seeded).rng.state() },
      b: b ? { tick: b.world.model.tick, rng: (b.world as unknown as Seeded).rng.state() } : null,
    };
  });
}

describe('compare mode', () => {
  it('compare mode runs two conditions with the same seed', async () => {
    const page = await fresh('compare');
    const toggle = page.getByRole('button', { name: 'Compare A and B' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const target = page.getByRole('group', { name: 'Sliders change' });
    await target.getByText('B', { exact: true }).click();
    expect(await target.getByRole('radio', { name: 'B' }).isChecked()).toBe(true);

    const d3 = page.getByRole('slider', { name: 'Vitamin D3' });
    await d3.focus();
    await page.keyboard.press('Home');
    expect(await d3.getAttribute('aria-valuetext')).toMatch(/^0 IU\/day/);
    let now = await runs(page);
    expect(now.compare?.d3IuPerDay).toBe(0);
    expect(now.inputs.d3IuPerDay).toBe(DEFAULT_INPUTS.d3IuPerDay);
    expect(now.compare).toEqual({ ...DEFAULT_INPUTS, d3IuPerDay: 0 });
    // One seed: both worlds start from the random stream that seed gives.
    expect(now.a.rng).toEqual(createPrng(now.seed).state());
    expect(now.b?.rng).toEqual(now.a.rng);

    for (let i = 0; i < 5; i++) await page.keyboard.press('.');
    now = await runs(page);
    expect(now.a.tick).toBe(50);
    expect(now.b?.tick).toBe(50);

    // B has its own map, and it draws.
    expect(await page.locator('.map-panel-b').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).calciumRoutes.pixiB !== null)).toBe(true);
    expect(await page.locator('.map-panel-b canvas').count()).toBe(1);
    await expect.poll(() => canvasInk(page, 'pixiB')).toBeGreaterThan(0.3);

    // Two days, so the comparison reads a whole day with B's calcitriol adapted to no vitamin D.
    await stepMinutes(page, 2 * 1440 - 50);
    now = await runs(page);
    expect(now.a.tick).toBe(2 * 1440);
    expect(now.b?.tick).toBe(2 * 1440);
    const table = page.getByRole('table', { name: 'A and B compared' });
    await expect.poll(() => table.isVisible()).toBe(true);
    const absorbed = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Absorbed from the gut' }) });
    await expect.poll(async () => (await absorbed.getByRole('cell').nth(2).textContent()) ?? '').toMatch(/lower$/);
    await expect
      .poll(async () => (await page.locator('.compare-headline').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/less/);
    expect(await page.locator('.compare-headline').textContent()).toMatch(/^Last full day: B absorbs \d+ % less/);

    // Identical conditions on one seed are the same run, to the last packet.
    await page.getByRole('button', { name: 'Reset all' }).click();
    await toggle.click();
    now = await runs(page);
    expect(now.compare).toEqual(now.inputs);
    await page.locator('body').focus();
    for (let i = 0; i < 60; i++) await page.keyboard.press('.');
    const same = await page.evaluate(() => {
      const { session } = (window as unknown as Win).calciumRoutes;
      const b = session.b;
      if (!b) return null;
      const a = session.a;
      return {
        ticks: [a.world.model.tick, b.world.model.tick],
        today: [JSON.stringify(a.day.today(a.world.model)), JSON.stringify(b.day.today(b.world.model))],
        totals: [JSON.stringify(a.world.model.totals), JSON.stringify(b.world.model.totals)],
        packets: [Array.from(a.world.compartment).join(), Array.from(b.world.compartment).join()],
      };
    });
    expect(same?.ticks).toEqual([600, 600]);
    expect(same?.today[1]).toBe(same?.today[0]);
    expect(same?.totals[1]).toBe(same?.totals[0]);
    expect(same?.packets[1]).toBe(same?.packets[0]);
    expect(app.errors).toEqual([]);
    expect(app.foreign).toEqual([]);
  });
});

// --- CSV -----------------------------------------------------------------------------------------------------------

/** Clicks the CSV button and returns the downloaded file's name and rows (RFC 4180, CRLF, no quoted fields here). */
async function downloadCsv(page: Page): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download data (CSV)' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
  return { name: download.suggestedFilename(), rows };
}

const mgText = (text: string): number => Number.parseFloat(text.replace(/[^\d.]/g, ''));

describe('data export', () => {
  it('CSV has the columns and rows the table shows', async () => {
    const page = await fresh('csv');
    await stepMinutes(page, 300);
    const { name, rows } = await downloadCsv(page);
    expect(name).toMatch(/^calcium-routes-day-ca1000-.*-day1\.csv$/);
    const [header = [], ...data] = rows;
    for (const column of [
      'eaten (mg)',
      'absorbed (mg)',
      'faeces (mg)',
      'urine (mg)',
      'bone in (mg)',
      'bone out (mg)',
      'artery wall (mg)',
    ]) {
      expect(header).toContain(column);
    }
    expect(header[0]).toBe('day');
    const points = await page.evaluate(() => (window as unknown as Win).calciumRoutes.session.day.points.length);
    expect(points).toBe(31);
    expect(data).toHaveLength(points);
    expect(data.every((row) => row.length === header.length)).toBe(true);
    const last = data.at(-1) ?? [];
    expect(last[header.indexOf('time (HH:MM)')]).toBe('05:00');

    const absorbedCsv = Number(last[header.indexOf('absorbed (mg)')]);
    const absorbedTable = mgText(await tableCell(page, 'Absorbed from the gut', 0));
    expect(absorbedTable).toBeGreaterThan(0);
    expect(Math.abs(absorbedCsv - absorbedTable)).toBeLessThanOrEqual(0.5);
    const eatenCsv = Number(last[header.indexOf('eaten (mg)')]);
    expect(Math.abs(eatenCsv - mgText(await tableCell(page, 'Eaten', 0)))).toBeLessThanOrEqual(0.5);

    // Compare mode: one file, a leading condition column, A's rows then B's.
    await page.getByRole('button', { name: 'Compare A and B' }).click();
    await stepMinutes(page, 120);
    const compared = await downloadCsv(page);
    expect(compared.name).toMatch(/-vs-/);
    const [head = [], ...both] = compared.rows;
    expect(head[0]).toBe('condition');
    expect(head.slice(1, header.length + 1)).toEqual(header);
    const counts = await page.evaluate(() => {
      const { session } = (window as unknown as Win).calciumRoutes;
      return [session.a.day.points.length, session.b?.day.points.length ?? 0];
    });
    expect(counts).toEqual([13, 13]);
    const labels = both.map((row) => row[0]);
    expect(labels).toEqual([...Array(13).fill('A'), ...Array(13).fill('B')]);
    expect(app.errors).toEqual([]);
    expect(app.foreign).toEqual([]);
  });
});
