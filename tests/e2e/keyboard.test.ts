/**
 * The same run by keyboard alone: Tab reaches every control in a sensible order, and keys alone play, pause, step,
 * move sliders, switch warfarin, open the shortcut help and reset everything.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, percent, type Served, serve, tableCell, tick } from './harness';

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

/** Presses Tab until `target` has focus (or gives up), returning how many presses it took. */
async function tabTo(target: ReturnType<Page['getByRole']>, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

describe('keyboard only', () => {
  it('reaches every control with Tab, in reading order', async () => {
    await page.locator('body').focus();
    const order = [
      page.getByRole('button', { name: "What's simplified?" }),
      page.getByRole('radio', { name: 'Day' }),
      page.getByRole('button', { name: 'Play' }),
      page.getByRole('button', { name: 'Step' }),
      page.getByRole('radio', { name: 'Normal' }),
      page.getByRole('button', { name: 'Reset all' }),
      page.getByRole('slider', { name: 'Dietary calcium' }),
      page.getByRole('slider', { name: 'Vitamin D3' }),
      page.getByRole('slider', { name: 'Vitamin K2' }),
      page.getByRole('radio', { name: 'MK-7' }),
      page.getByRole('slider', { name: 'Vitamin K1' }),
      page.getByRole('switch', { name: 'Warfarin' }),
      page.getByRole('slider', { name: 'Age' }),
      page.getByRole('radio', { name: 'Female' }),
    ];
    for (const control of order) expect(await tabTo(control)).toBeLessThan(12);
  });

  it('plays and pauses with Space, steps with the full stop, and moves sliders with Home and End', async () => {
    const d3 = page.getByRole('slider', { name: 'Vitamin D3' });
    await d3.focus();
    await page.keyboard.press('End');
    expect(await d3.getAttribute('aria-valuetext')).toMatch(/^50,000 IU\/day/);
    await expect.poll(() => page.getByText(/^Toxic range:/).isVisible()).toBe(true);
    await page.keyboard.press('Home');
    expect(await d3.getAttribute('aria-valuetext')).toMatch(/^0 IU\/day/);
    await page.keyboard.press('ArrowRight');
    expect(await d3.getAttribute('aria-valuetext')).toMatch(/^100 IU\/day/);

    // Space belongs to the page while a slider has focus: it plays and pauses.
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.waitForTimeout(600);
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);

    const before = await tick(page);
    await page.keyboard.press('.');
    expect(await tick(page)).toBe(before + 10);
  });

  it('switches warfarin with Space and reads the change in the table', async () => {
    const mgpBefore = percent(await tableCell(page, 'MGP switched on'));
    const warfarin = page.getByRole('switch', { name: 'Warfarin' });
    await warfarin.focus();
    await page.keyboard.press('Space');
    expect(await warfarin.isChecked()).toBe(true);
    await expect.poll(async () => percent(await tableCell(page, 'MGP switched on'))).toBeLessThan(mgpBefore);
  });

  it('opens the shortcut help with ?, closes it with Escape and returns focus', async () => {
    const warfarin = page.getByRole('switch', { name: 'Warfarin' });
    await warfarin.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.getByRole('table').textContent()).toContain('Play or pause');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(await warfarin.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('resets everything from the keyboard', async () => {
    await tabTo(page.getByRole('button', { name: 'Reset all' }));
    await page.keyboard.press('Enter');
    expect(await page.getByRole('switch', { name: 'Warfarin' }).isChecked()).toBe(false);
    expect(await page.getByRole('slider', { name: 'Vitamin D3' }).getAttribute('aria-valuetext')).toMatch(
      /^1,000 IU\/day/,
    );
    expect(await tick(page)).toBe(0);
  });

  it('lets single-key shortcuts be turned off in Preferences (for speech input), and on again', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Preferences' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByRole('switch', { name: 'Single-key shortcuts' }).uncheck({ force: true });
    await page.keyboard.press('Escape');
    await page.locator('body').focus();
    const before = await tick(page);
    await page.keyboard.press('.');
    await page.keyboard.press('y');
    expect(await tick(page)).toBe(before);
    expect(await page.getByRole('radio', { name: 'Day' }).isChecked()).toBe(true);
    // The help dialog says they are off; buttons still work from the keyboard.
    await page.getByRole('navigation').getByRole('button', { name: 'Keyboard shortcuts' }).click();
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent()).toContain(
      'Single-key shortcuts are off',
    );
    await page.keyboard.press('Escape');
    await page.getByRole('navigation').getByRole('button', { name: 'Preferences' }).click();
    await dialog.getByRole('switch', { name: 'Single-key shortcuts' }).check({ force: true });
    await page.keyboard.press('Escape');
    await page.locator('body').focus();
    await page.keyboard.press('.');
    await expect.poll(() => tick(page)).toBeGreaterThan(before);
  });
});
