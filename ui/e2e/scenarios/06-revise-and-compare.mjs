// Revise a saved quote (a door field changed in the configurator), save the revision, and
// compare the two revisions: the changed field, the price delta, side by side and overlay.
import { App, assert } from "../app.mjs";

export const name = "revise a quote in the configurator and compare the revisions";

const click = async (app, css, settleMs = 300) => {
  await app.d.exec(`setTimeout(() => document.querySelector(${JSON.stringify(css)}).click(), 50); return true;`);
  await new Promise((r) => setTimeout(r, settleMs));
};

const boxesExpr = "[...document.querySelectorAll('[data-testid=side-by-side] .sheet-drawing > svg')].map((s) => s.getAttribute('viewBox'))";
const viewBoxes = `return ${boxesExpr};`;

export async function run(ctx) {
  const app = await App.launch(ctx);
  try {
    await app.screen("quotes");
    await click(app, "[data-action=new-quote]");
    await app.d.waitFor("return !!document.querySelector('#q-customer');", "the new quote form");
    await (await app.d.find("#q-customer")).type("Northgate Estates");
    await (await app.d.find("#q-project")).type("Northgate Lofts");
    await click(app, "[data-action=add-line]");
    const before = await app.d.waitFor("return document.querySelector('[data-testid=quote-total]')?.textContent ?? null;", "the priced total", 20000);
    await click(app, "[data-action=save-quote]");
    const number = await app.d.waitFor("const h = document.querySelector('[data-testid=quote-number]'); return h?.dataset.revision === '1' ? h.dataset.number : null;", "revision 1 saved", 20000);

    // The line's door in the configurator: a wider frame.
    await click(app, "[data-action=edit-line]", 1500);
    await app.d.waitFor("return document.querySelector('main.screen')?.dataset.currentScreen === 'configurator';", "the configurator");
    const v0 = (await app.preview()).version;
    await app.typeInto("frame_width", 1950);
    await app.d.waitFor(`return Number(document.querySelector('[data-testid=preview]').dataset.version) > ${v0};`, "the wider door drawn");
    await click(app, "[data-action=back-to-quote]", 1500);
    await app.d.waitFor("return document.querySelector('main.screen')?.dataset.currentScreen === 'quotes';", "back on the quote");
    const after = await app.d.waitFor(`const t = document.querySelector('[data-testid=quote-total]')?.textContent; return t && t !== ${JSON.stringify(before)} ? t : null;`, "the new total", 20000);
    ctx.log(`  total ${before} → ${after}`);
    await (await app.d.find("[data-testid=revision-note]")).type("frame width 1950");
    await click(app, "[data-action=save-quote]");
    await app.d.waitFor("return document.querySelector('[data-testid=quote-number]')?.dataset.revision === '2' || null;", "revision 2 saved", 20000);
    await app.shot("quotes-revised");

    await click(app, "[data-action=open-revisions]", 1500);
    await app.d.waitFor("return document.querySelector('main.screen')?.dataset.currentScreen === 'revisions';", "the revisions screen");
    await app.d.waitFor("return document.querySelectorAll('[data-revision]:checked').length === 2 || null;", "the two revisions picked");
    await click(app, "[data-action=compare]", 1500);
    const field = await app.d.waitFor("const r = document.querySelector('[data-testid=changed-fields] tr[data-field=frame_width]'); return r ? r.textContent : (document.querySelector('[data-testid=compare-error]')?.textContent ?? null);", "frame_width in the changed fields", 60000);
    assert(/frame_width/.test(field) && /1870/.test(field) && /1950/.test(field), `changed field shown: ${field}`);
    const price = await app.d.exec("return document.querySelector('[data-testid=price-delta]').textContent;");
    assert(/\+£[\d,]+\.\d\d/.test(price), `a positive price delta: ${price}`);
    const weight = await app.d.exec("return document.querySelector('[data-testid=weight-delta]').textContent;");
    ctx.results["compare"] = `${number} 1 → 2: ${field.replace(/\s+/g, " ").trim()}; price ${price.trim()}; weight ${weight.trim()}`;
    await app.d.waitFor(`const v = (${boxesExpr}); return v.length === 2 && v.every(Boolean) || null;`, "both sides drawn");
    await app.shot("revisions-side-by-side");

    // One pan/zoom for both sides.
    const vb0 = await app.d.exec(viewBoxes);
    await click(app, "[data-testid=side-by-side] .pane:first-child button[aria-label='Zoom in']");
    const vb1 = await app.d.waitFor(`const v = (${boxesExpr}); return v[0] !== ${JSON.stringify(vb0[0])} ? v : null;`, "the left side zoomed");
    assert(vb1[0] === vb1[1], `both sides show the same view (${vb1.join(" | ")})`);
    await app.shot("revisions-side-by-side-zoomed");

    await click(app, "[data-mode=overlay]", 1500);
    await app.d.waitFor("return !!document.querySelector('[data-testid=compare-overlay] .sheet-drawing > svg');", "the overlay");
    const groups = await app.d.exec("const h = document.querySelector('[data-testid=compare-overlay]'); const n = (c) => h.querySelector(`g.overlay-${c}`)?.childElementCount ?? -1; return { removed: n('removed'), added: n('added'), colours: [...h.querySelectorAll('g[class^=overlay-]')].map((g) => g.getAttribute('class') + ' ' + g.getAttribute('stroke')) };");
    assert(groups.removed > 0 && groups.added > 0, `overlay shows removed and added geometry: ${JSON.stringify(groups)}`);
    ctx.log(`  overlay: ${JSON.stringify(groups)}`);
    await app.shot("revisions-overlay");
  } finally {
    await app.quit();
  }
}
