// What every scenario does with the app window: launch it, reach fields, wait for the core's
// answers, take screenshots. Scenarios live in scenarios/*.mjs, one test case each.
import { WebDriver, Keys } from "./webdriver.mjs";
import { writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
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
    // Clicked from the page, a little after the script has answered: WebKitWebDriver stops
    // answering when its reply crosses the screen being rebuilt (an element click, or a click
    // in the same task as the script, hangs the session).
    await this.d.exec(`setTimeout(() => document.querySelector('[data-screen=${id}]').click(), 50); return true;`);
    await new Promise((r) => setTimeout(r, 1500));
    await this.d.waitFor(`return document.querySelector('main.screen')?.dataset.currentScreen === '${id}';`, `screen ${id}`);
  }

  /**
   * Save a screenshot: of the X display when there is one (what a person sees, menus and
   * all; WebKitWebDriver's own screenshot can stall on large SVG pages), else WebDriver's.
   */
  async shot(name) {
    const path = join(this.ctx.out, `${name}.png`);
    await new Promise((r) => setTimeout(r, 150)); // let the last frame paint
    const x = process.env.DISPLAY ? spawnSync("import", ["-window", "root", path]) : null;
    if (!x || x.status !== 0) writeFileSync(path, await this.d.screenshot());
    this.ctx.log(`  screenshot ${path}`);
  }

  quit() {
    return this.d.quit();
  }
}

export function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}
