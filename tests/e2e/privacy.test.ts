/**
 * Privacy, as docs/privacy.md promises it to school IT: one whole classroom session — play, step, sliders, compare,
 * a scene and a preset, every header dialog, the Share dialog with its QR code, the dark theme, a CSV download, and
 * Spanish then Simplified Chinese from the Preferences dialog — makes no request to any other origin, sets no cookie,
 * and leaves nothing on the device but the preferences under one localStorage key (no sessionStorage, no IndexedDB).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '../../src/ui/preferences';
import { launch, openApp, type Served, serve, type Watched } from './harness';

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

/** Every request the page made, in order, for the failure message. */
function logRequests(page: Page): string[] {
  const log: string[] = [];
  page.on('request', (r) => log.push(`${r.method()} ${r.url()}`));
  page.on('websocket', (ws) => log.push(`WS ${ws.url()}`));
  return log;
}

/** Opens each header dialog (and the teaching-model notice) and closes it again with Escape. */
async function everyHeaderDialog(page: Page): Promise<number> {
  const openers = [
    page.locator('.teaching-notice').getByRole('button'),
    ...(await page.getByRole('navigation').getByRole('button').all()),
  ];
  for (const opener of openers) {
    await opener.click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  }
  return openers.length;
}

async function chooseLanguage(page: Page, tag: string): Promise<void> {
  if ((await page.locator('dialog.dialog-prefs[open]').count()) === 0) {
    // The Preferences button, whatever language the page is in: the fifth in the header's navigation.
    await page.locator('.topbar-actions button').nth(4).click();
  }
  await page.locator('dialog.dialog-prefs[open] select').selectOption(tag);
  await page.waitForFunction((want) => document.documentElement.lang === want, tag);
  await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
}

describe('privacy: a whole session', () => {
  it('talks to no other origin, sets no cookie, and stores only the preferences', async () => {
    const watched: Watched = await openApp(browser, served.url);
    const { page } = watched;
    const requests = logRequests(page);
    const appOrigin = new URL(served.url).origin;
    const toolbar = page.getByRole('toolbar', { name: 'Time controls' });

    // Time: play for a moment, pause, step.
    await toolbar.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(800);
    await toolbar.getByRole('button', { name: 'Pause', exact: true }).click();
    await toolbar.getByRole('button', { name: 'Step', exact: true }).click();

    // Sliders by keyboard, and a choice.
    for (const name of ['Dietary calcium', 'Vitamin D3', 'Vitamin K2', 'Age']) {
      const slider = page.getByRole('slider', { name, exact: true });
      await slider.focus();
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowDown');
    }
    await page.getByText('Male', { exact: true }).click();

    // Compare on, a step, compare off.
    const compare = page.getByRole('button', { name: 'Compare A and B' });
    await compare.click();
    await toolbar.getByRole('button', { name: 'Step', exact: true }).click();
    await compare.click();

    // A scene from the picker, then a preset.
    await page.getByRole('navigation').getByRole('button', { name: 'Scenes', exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Scenes and presets' });
    await picker.getByRole('button', { name: 'Start', exact: true }).first().click();
    await expect.poll(() => page.locator('.lesson-indicator').textContent()).toMatch(/^Step 1 of/);
    await page.getByRole('navigation').getByRole('button', { name: 'Scenes', exact: true }).click();
    await picker.getByRole('button', { name: 'Use this setup', exact: true }).first().click();

    // Every dialog in the header.
    expect(await everyHeaderDialog(page)).toBeGreaterThanOrEqual(7);

    // Share: the link and its QR code are made on the device.
    await page.getByRole('navigation').getByRole('button', { name: 'Share', exact: true }).click();
    const share = page.getByRole('dialog', { name: 'Share this view' });
    const link = await share.getByRole('textbox', { name: 'Link to this view' }).inputValue();
    expect(new URL(link).origin).toBe(appOrigin);
    expect(await share.getByRole('img', { name: 'QR code for this link' }).locator('path').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // Theme: dark, from Preferences.
    await page.getByRole('navigation').getByRole('button', { name: 'Preferences', exact: true }).click();
    await page.getByRole('dialog', { name: 'Preferences' }).getByRole('radio', { name: 'Dark', exact: true }).check();
    await page.keyboard.press('Escape');

    // A CSV download: made in the page, handed over as a blob, never uploaded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download data (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // Languages: Spanish, then Simplified Chinese (its font subset is fetched from the app's own origin).
    await chooseLanguage(page, 'es');
    await chooseLanguage(page, 'zh-Hans');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);

    // Requests: plenty, all to the app's own origin.
    expect(requests.length).toBeGreaterThan(10);
    expect(watched.foreign, requests.join('\n')).toEqual([]);
    const elsewhere = requests.filter((r) => {
      const url = r.slice(r.indexOf(' ') + 1);
      return (
        !/^(data|blob):/.test(url) &&
        new URL(url).origin !== appOrigin.replace(/^http/, url.startsWith('ws') ? 'ws' : 'http')
      );
    });
    expect(elsewhere).toEqual([]);
    expect(
      requests.some((r) => /noto-sans-sc-subset/.test(r)),
      'the Chinese font came from the app',
    ).toBe(true);

    // Cookies: none in the page, none in the browser context.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.context().cookies()).toEqual([]);

    // Storage: one localStorage key with only the preference fields; nothing in sessionStorage or IndexedDB.
    const stored = await page.evaluate(async () => ({
      local: Object.fromEntries(Object.entries(localStorage)),
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).map((d) => d.name),
    }));
    expect(Object.keys(stored.local)).toEqual([PREFERENCES_KEY]);
    const prefs = JSON.parse(stored.local[PREFERENCES_KEY] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(prefs).sort()).toEqual(Object.keys(DEFAULT_PREFERENCES).sort());
    expect(prefs).toMatchObject({ theme: 'dark', language: 'zh-Hans' });
    expect(stored.session).toBe(0);
    expect(stored.databases).toEqual([]);

    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
