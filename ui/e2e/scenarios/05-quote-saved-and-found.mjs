// Save a quote, quit the app, start it again, see it among the recent quotes and find it by a
// search with a typo.
import { App, assert } from "../app.mjs";
import { Keys } from "../webdriver.mjs";
import { spawnSync } from "node:child_process";

export const name = "save a quote, quit, relaunch and find it by a search with a typo";

// Clicked from the page: a click that replaces what is under the pointer does not return
// through WebKitWebDriver's element click.
const click = async (app, css, settleMs = 300) => {
  await app.d.exec(`setTimeout(() => document.querySelector(${JSON.stringify(css)}).click(), 50); return true;`);
  await new Promise((r) => setTimeout(r, settleMs));
};

async function replace(app, css, text) {
  const el = await app.d.find(css);
  await el.click();
  await el.type(`${Keys.CONTROL}a${Keys.CONTROL}${Keys.BACKSPACE}`);
  await el.type(String(text));
}

const totalText = "return document.querySelector('[data-testid=quote-total]')?.textContent ?? null;";

export async function run(ctx) {
  let number;
  const app = await App.launch(ctx);
  try {
    await app.screen("quotes");
    await click(app, "[data-action=new-quote]");
    await app.d.waitFor("return !!document.querySelector('#q-customer');", "the new quote form");
    await (await app.d.find("#q-customer")).type("Harbour View Developments Ltd");
    await (await app.d.find("#q-project")).type("Harbour View Apartments, Block B");
    await (await app.d.find("#q-reference")).type("PRJ-2025-034");
    await replace(app, "#q-discount", 5);
    await click(app, "[data-action=add-line]");
    const one = await app.d.waitFor(totalText, "the priced total of one door", 20000);
    await replace(app, "[data-testid=line-quantity]", 2);
    const two = await app.d.waitFor(`const t = document.querySelector('[data-testid=quote-total]')?.textContent; return t && t !== ${JSON.stringify(one)} ? t : null;`, "the total of two doors");
    ctx.log(`  total: one door ${one}, two doors ${two}`);
    await app.shot("quotes-new");
    await click(app, "[data-action=save-quote]");
    number = await app.d.waitFor("return document.querySelector('[data-testid=quote-number]')?.dataset.number || (document.querySelector('[data-testid=save-error]')?.textContent ?? null);", "the saved quote's number", 20000);
    const saveError = await app.d.exec("return document.querySelector('[data-testid=save-error]')?.textContent ?? null;");
    assert(!saveError, `saved without error (${saveError})`);
    await app.d.waitFor(`return !!document.querySelector('[data-testid=quote-row][data-number="${number}"]');`, "the quote in the list");
    const saved = await app.d.exec("return document.querySelector('[data-testid=quote-total]').textContent;");
    assert(saved === two, `the saved total is the live total (${saved} vs ${two})`);
    ctx.results["saved quote"] = `${number} ${saved}`;
    await app.shot("quotes-saved");
  } finally {
    await app.quit();
  }

  // A new app on the same data folder: the quote is in the database.
  const again = await App.launch(ctx);
  try {
    await again.screen("quotes");
    // Remembered across the relaunch among the recent quotes (also File › Open recent quote).
    await again.d.waitFor(`return !!document.querySelector('[data-testid=recent-quotes] [data-number="${number}"]');`, "the saved quote among the recent quotes");
    // The native menu, used with real X input where there is a display: File › Open recent
    // quote › the saved quote opens it.
    const xte = process.env.DISPLAY ? spawnSync("sh", ["-c", "command -v xte"], { encoding: "utf8" }).stdout.trim() : "";
    if (xte) {
      const opened = `return document.querySelector('[data-testid=quote-number]')?.dataset.number === ${JSON.stringify(number)};`;
      // A second try, slower, in case the menu had not opened before the keys arrived.
      for (const pause of [300000, 1000000]) {
        spawnSync(xte, ["mousemove 20 12", "mouseclick 1", `usleep ${pause}`, "key Down", "key Down", "key Down", "key Right", `usleep ${pause}`]);
        await again.shot("menu-recent-quotes");
        spawnSync(xte, ["key Return"]);
        try {
          await again.d.waitFor(opened, "the quote opened from File › Open recent quote", 5000);
          break;
        } catch (e) {
          spawnSync(xte, ["key Escape", "key Escape", "key Escape"]);
          if (pause > 300000) throw e;
        }
      }
      ctx.results["recent quotes menu"] = `File › Open recent quote › ${number} opened it`;
    }
    const search = await again.d.find("[data-testid=quote-search]");
    await search.click();
    await search.type("Harbur");
    await again.d.waitFor(`return !!document.querySelector('[data-testid=quote-row][data-number="${number}"]') && !!document.querySelector('[data-testid=corrections]');`, "the quote found by a search with a typo");
    const corr = await again.d.exec("return document.querySelector('[data-testid=corrections]').textContent;");
    assert(/harbur/i.test(corr) && /harbour/i.test(corr), `the correction is shown: ${corr}`);
    ctx.results["search with a typo"] = corr.trim();
    await click(again, `[data-testid=quote-row][data-number="${number}"]`);
    await again.d.waitFor(`return document.querySelector('[data-testid=quote-number]')?.dataset.number === ${JSON.stringify(number)};`, "the quote opened");
    const customer = await again.d.exec("return document.querySelector('#q-customer').value;");
    assert(customer === "Harbour View Developments Ltd", `customer kept (${customer})`);
    const lines = await again.d.exec("return document.querySelectorAll('[data-testid=quote-line]').length;");
    assert(lines === 1, `one line (${lines})`);
    await again.shot("quotes-found-after-relaunch");
  } finally {
    await again.quit();
  }
}
