/**
 * Languages in the real app: switching English → Spanish → Simplified Chinese → English from the Preferences
 * dialog happens without a reload, keeps the simulation's state and the map's canvas, lands focus back on the
 * language menu, and leaves no untranslated key (`⟦key⟧`) anywhere in the page — visible text, closed dialogs,
 * accessible names. A first visit follows the browser's language; the long-string test locale (every string
 * doubled) lays out without pushing the page sideways or clipping a button.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, openApp, type Served, serve } from './harness';

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

/** Every untranslated key in the page: text of all elements (hidden ones too) and naming attributes. */
function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const scan = (text: string | null): void => {
      for (const m of (text ?? '').matchAll(/⟦[^⟧]*⟧/g)) found.add(m[0]);
    };
    scan(document.body.textContent);
    scan(document.title);
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) scan(el.getAttribute(name));
    }
    return [...found];
  });
}

async function chooseLanguage(page: Page, openLabel: RegExp, tag: string): Promise<void> {
  const dialogOpen = await page.locator('dialog.dialog-prefs[open]').count();
  if (!dialogOpen) await page.getByRole('navigation').getByRole('button', { name: openLabel }).click();
  await page.locator('dialog.dialog-prefs[open] select').selectOption(tag);
  await page.waitForFunction((want) => document.documentElement.lang === want, tag);
  // The rebuilt dialog is open again with focus on the language menu.
  await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
}

describe('languages', () => {
  it('switches live between English, Spanish and Chinese with nothing untranslated and the state kept', async () => {
    const { page, errors } = await openApp(browser, served.url);
    await page.getByRole('slider', { name: 'Vitamin D3' }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Step' }).click();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
      const canvas = document.querySelector('canvas') as HTMLCanvasElement & { marker?: number };
      canvas.marker = 7;
    });
    const tickBefore = await page.evaluate(
      () =>
        (window as unknown as { calciumRoutes: { session: { world: { model: { tick: number } } } } }).calciumRoutes
          .session.world.model.tick,
    );
    expect(await untranslated(page)).toEqual([]);

    const steps: [RegExp, string, string][] = [
      [/Preferences/, 'es', 'Escenas'],
      [/Preferencias/, 'zh-Hans', '情景'],
      [/偏好|设置/, 'en', 'Scenes'],
    ];
    for (const [openLabel, tag, scenesButton] of steps) {
      await chooseLanguage(page, openLabel, tag);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: scenesButton }).count()).toBe(1);
      expect(await untranslated(page), tag).toEqual([]);
      const kept = await page.evaluate(() => ({
        marker: (window as unknown as { marker?: number }).marker,
        canvas: (document.querySelector('canvas') as (HTMLCanvasElement & { marker?: number }) | null)?.marker,
        canvases: document.querySelectorAll('canvas').length,
        d3: (document.querySelector('input[type="range"][data-input="d3IuPerDay"]') as HTMLInputElement | null)?.value,
        tick: (window as unknown as { calciumRoutes: { session: { world: { model: { tick: number } } } } })
          .calciumRoutes.session.world.model.tick,
      }));
      expect(kept.marker, 'no reload').toBe(42);
      expect(kept.canvas, 'same map canvas').toBe(7);
      expect(kept.canvases).toBe(1);
      expect(kept.tick).toBe(tickBefore);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has every scene and dialog translated in Spanish and Chinese', async () => {
    for (const tag of ['es', 'zh-Hans']) {
      const { page, errors } = await openApp(browser, served.url);
      await page.evaluate((language) => {
        localStorage.setItem('calcium-routes.preferences.v1', JSON.stringify({ language }));
      }, tag);
      await page.reload();
      await page.waitForFunction((want) => document.documentElement.lang === want, tag);
      // Open every header dialog once (some are built on first use), then look through the whole page.
      const buttons = page.getByRole('navigation').getByRole('button');
      const count = await buttons.count();
      for (let i = 0; i < count; i++) {
        await buttons.nth(i).click();
        // Some dialogs' code loads on first use: wait for the dialog before closing it.
        await page.waitForSelector('dialog[open]');
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
      }
      for (const scene of ['warfarin', 'ageing-and-menopause']) {
        await page.goto(`${served.url}?${tag}-${scene}#v=1&scene=${scene}&step=0`);
        await page.waitForSelector('.lesson-panel:not([hidden])');
        const lesson = (await page.locator('.lesson-panel').textContent()) ?? '';
        expect(lesson).not.toMatch(/\b(the|which|what)\b/i);
        expect(await untranslated(page), `${tag} ${scene}`).toEqual([]);
        expect(await axeViolations(page), `axe, ${tag} ${scene}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('follows the browser language on a first visit', async () => {
    const page = await browser.newPage({ locale: 'es-MX' });
    await page.goto(served.url);
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Escenas' }).count()).toBe(1);
    await page.close();
  });

  it('lays out the long-string test locale (every string doubled) without sideways scrolling or clipped buttons', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1024, height: 768 },
      { width: 390, height: 844 },
      { width: 320, height: 640 },
    ]) {
      const { page, errors } = await openApp(browser, served.url, viewport);
      await page.evaluate(() => {
        localStorage.setItem('calcium-routes.preferences.v1', JSON.stringify({ language: 'en-XA' }));
      });
      await page.goto(`${served.url}?long#v=1&scene=no-vitamin-d&step=0`);
      await page.waitForFunction(() => document.documentElement.lang === 'en-XA');
      await page.waitForSelector('.lesson-panel:not([hidden])');
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) {
          out.push(`page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
        }
        for (const button of document.querySelectorAll<HTMLElement>('button, .btn, label')) {
          if (button.offsetParent === null) continue;
          const style = getComputedStyle(button);
          if (style.overflow === 'visible' && style.textOverflow !== 'ellipsis') continue;
          if (button.scrollWidth > button.clientWidth + 1) out.push(`clipped: ${button.textContent?.slice(0, 40)}`);
        }
        return out;
      });
      expect(problems, `${viewport.width}×${viewport.height}`).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
