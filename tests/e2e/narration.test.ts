/**
 * Screen-reader narration in the real app: the described scene says what is on screen, and the narration live
 * region speaks the effect of a change once the model shows it, with announcements spaced at least the narrator's
 * gap apart while the simulation runs at full speed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NARRATION_GAP_MS } from '../../src/ui/narration/narrator';
import { launch, openApp, type Served, serve } from './harness';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('narration', () => {
  it('describes the scene and announces meaningful changes, throttled', async () => {
    const { page, errors } = await openApp(browser, served.url);
    const live = page.locator('.narration');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    // Record every announcement with its time, from inside the page.
    await page.evaluate(() => {
      const said: { at: number; text: string }[] = [];
      (window as unknown as { said: typeof said }).said = said;
      const region = document.querySelector('.narration') as HTMLElement;
      new MutationObserver(() => said.push({ at: performance.now(), text: region.textContent ?? '' })).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });

    await page.getByRole('slider', { name: 'Vitamin D3' }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('radio', { name: 'Fast' }).check();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { said: { text: string }[] }).said.some((s) =>
          s.text.includes('after lowering vitamin D3'),
        ),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(NARRATION_GAP_MS + 1000);
    const said = await page.evaluate(() => (window as unknown as { said: { at: number; text: string }[] }).said);
    const effect = said.find((s) => s.text.includes('after lowering vitamin D3'))?.text ?? '';
    // Changed before any full day had run, so there is no day before to compare with: the day's own figures.
    expect(effect).toMatch(
      /^Day 1, the first full day after lowering vitamin D3: [\d,]+ mg eaten, \d+ % of the calcium/,
    );
    for (let i = 1; i < said.length; i++) {
      expect((said[i]?.at ?? 0) - (said[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(NARRATION_GAP_MS - 50);
    }

    const description = page.locator('details.scene-description');
    await description.locator('summary').click();
    const text = (await description.textContent()) ?? '';
    expect(text).toContain('vitamin D3 0 IU/day');
    expect(text).toMatch(/The simulation is running at Fast speed: Day \d+, \d\d:\d\d\./);
    expect(text).toMatch(/Vitamin K has switched on \d+ % of MGP/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
