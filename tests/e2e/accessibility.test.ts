/**
 * axe-core, run inside the real app in Chromium, finds no WCAG 2.0/2.1/2.2 A or AA violation in each view, each
 * dialog, each step kind of a scene, compare mode and presenter mode. axe checks what a machine can (names, roles,
 * contrast, structure); keyboard use and announcements have their own tests.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, openApp, type Served, serve } from './harness';

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  ({ page } = await openApp(browser, served.url));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Loads the app at a share link (a real navigation, not a hash change) and waits for the map. */
async function load(label: string, hash = ''): Promise<void> {
  await page.goto(`${served.url}?${label}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(() => {
    const app = (window as unknown as { calciumRoutes?: { rendererName: string | null } }).calciumRoutes;
    return app?.rendererName != null || document.querySelector('.stage-message') !== null;
  });
}

describe('axe-core finds no WCAG A/AA violations', () => {
  it.each([
    ['the day view', ''],
    ['the years view, run for a while', 'v=1&view=years'],
    ['compare mode', 'v=1&cmp=1&b.d3=0'],
    ['a scene in presenter mode', 'v=1&scene=no-vitamin-d&presenter=1'],
  ])('in %s', async (label, hash) => {
    await load(label.replace(/\W+/g, '-'), hash);
    await page.getByRole('button', { name: 'Step' }).click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(['Scenes', 'Share', 'Claims checker', "What's simplified?", 'Preferences', 'Keyboard shortcuts'])(
    'in the "%s" dialog',
    async (name) => {
      await load('dialogs');
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('at every step kind of a scene: predict (open, committed, revealed), observe, explain and the end', async () => {
    await load('scene-steps', 'v=1&scene=no-vitamin-d');
    const panel = page.getByRole('region', { name: 'No vitamin D' });
    const seen = new Set<string>();
    for (let guard = 0; guard < 40; guard++) {
      const kind = (await panel.locator('.lesson-kind').textContent())?.trim() ?? '';
      if (!seen.has(kind)) {
        seen.add(kind);
        expect(await axeViolations(page), kind).toEqual([]);
      }
      if (kind === 'End of scene') break;
      const choice = panel.locator('.lesson-choice').first();
      if (kind === 'Predict') {
        await choice.click();
        expect(await axeViolations(page), 'predict, committed').toEqual([]);
        await page.keyboard.press('p');
        expect(await axeViolations(page), 'predict, revealed').toEqual([]);
      }
      if (kind === 'Observe') {
        // Finish the observation at once: the controller pauses and the runner marks it done.
        await page.evaluate(() => {
          const app = (window as unknown as { calciumRoutes: { session: { actor: Actor } } }).calciumRoutes;
          type Actor = { send(e: unknown): void; getSnapshot(): { context: { observeUntil: number | null } } };
          for (let i = 0; i < 2000 && app.session.actor.getSnapshot().context.observeUntil !== null; i++) {
            app.session.actor.send({ type: 'frame', dtMs: 250 });
          }
        });
      }
      await page.getByRole('button', { name: /^(Next|Finish)/ }).click();
    }
    expect([...seen].sort()).toEqual(['End of scene', 'Explain', 'Observe', 'Predict']);
  });
});
