/**
 * The adaptive budget in the real app: on this machine's software renderer (about ten frames a second) the map
 * soon draws fewer packets, says so in the legend and in Preferences, and the results are exactly those of a run
 * with the budget off (`?packetMg=10` fixes the packet size and turns it off).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, type Served, serve, stepMinutes } from './harness';

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

/** Resets to the start (same seed), steps `minutes`, and returns the model's running totals. */
async function totalsAfter(page: Page, minutes: number): Promise<Record<string, number>> {
  await page.getByRole('button', { name: 'Reset all' }).click();
  await stepMinutes(page, minutes);
  return page.evaluate(
    () =>
      ({
        ...(window as unknown as { calciumRoutes: { session: { world: { model: { totals: object } } } } }).calciumRoutes
          .session.world.model.totals,
      }) as Record<string, number>,
  );
}

describe('adaptive budget', () => {
  it('draws fewer packets on a slow renderer, says so, and computes the same numbers', async () => {
    const slow = await openApp(browser, served.url);
    // A CPU slowed four times makes sure frames are slow whatever machine runs this.
    const cdp = await slow.page.context().newCDPSession(slow.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await slow.page.getByRole('button', { name: 'Play' }).click();
    const legend = slow.page.locator('.legend-packet-text').first();
    await expect.poll(() => legend.textContent(), { timeout: 30_000, interval: 500 }).toMatch(/One dot = [248]0 mg/);
    const readout = (await slow.page.locator('.prefs-performance').textContent()) ?? '';
    expect(readout).toMatch(/about \d+ frames a second/);
    expect(readout).toMatch(/Drawing one packet in [24]/);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await slow.page.getByRole('button', { name: 'Pause' }).click();
    const withBudget = await totalsAfter(slow.page, 600);

    const fixed = await openApp(browser, `${served.url}?packetMg=10`);
    expect(await fixed.page.locator('.legend-packet-text').first().textContent()).toBe('One dot = 10 mg of calcium');
    expect(await fixed.page.locator('.prefs-performance').textContent()).toContain('fixed by the address');
    expect(await totalsAfter(fixed.page, 600)).toEqual(withBudget);
    expect([...slow.errors, ...fixed.errors]).toEqual([]);
    await slow.page.close();
    await fixed.page.close();
  });

  it('names a bad ?packetMg in a notice and uses the normal packet size', async () => {
    const { page, errors } = await openApp(browser, `${served.url}?packetMg=-5`);
    expect(await page.locator('.page-notice').textContent()).toContain(
      'The address asks for packets of "-5" mg; it must be a number from 0.25 to 100. Packets of 10 mg are used.',
    );
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { calciumRoutes: { session: { world: { packetMg: number } } } }).calciumRoutes.session
            .world.packetMg,
      ),
    ).toBe(10);
    expect(errors).toEqual([]);
    await page.close();
  });
});
