// What every scenario does with the app window: launch it, reach fields, wait for the core's
// answers, take screenshots. Scenarios live in scenarios/*.mjs, one test case each.
import { WebDriver, Keys } from "./webdriver.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export class App {
  constructor(driver, ctx) {
    this.d = driver;
    this.ctx = ctx;
  }

  static async launch(ctx) {
    const d = await new WebDriver(ctx.driverUrl).start(ctx.binary);
    const app = new App(d, ctx);
    await app.ready();
    return app;
  }

  async ready() {
    await this.d.waitFor(
      "const p = document.querySelector('[data-testid=preview]'); return p && Number(p.dataset.version) > 0 && !!p.querySelector('svg');",
      "the first preview",
      30000,
    );
  }

  /** The preview's version (bumped at each new sheet) and its SVG text. */
  preview() {
    return this.d.exec(
      "const p = document.querySelector('[data-testid=preview]'); const s = p.querySelector('svg'); return { version: Number(p.dataset.version), text: s ? s.textContent : '', error: document.querySelector('[data-testid=preview-error]')?.textContent ?? null };",
    );
  }

  /** Replace a number field's value by typing, key by key, as a person does. */
  async typeInto(field, value) {
    const el = await this.d.find(`#f-${field.replace(".", "\\.")}`);
    await el.click();
    await el.type(`${Keys.CONTROL}a${Keys.CONTROL}${Keys.BACKSPACE}`);
    await el.type(String(value));
    return el;
  }

  async screen(id) {
    await (await this.d.find(`[data-screen=${id}]`)).click();
    await this.d.waitFor(`return document.querySelector('main.screen')?.dataset.currentScreen === '${id}';`, `screen ${id}`);
  }

  async shot(name) {
    const png = await this.d.screenshot();
    const path = join(this.ctx.out, `${name}.png`);
    writeFileSync(path, png);
    this.ctx.log(`  screenshot ${path}`);
  }

  quit() {
    return this.d.quit();
  }
}

export function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}
