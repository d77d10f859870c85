// The drawing viewer (layers, measure, zoom) and the settings screen, with screenshots.
import { App, assert } from "../app.mjs";

export const name = "drawing viewer and settings";

export async function run(ctx) {
  const app = await App.launch(ctx);
  try {
    ctx.log("  → drawings");
    await app.screen("drawings");
    await app.shot("drawings");
    await app.d.waitFor("return document.querySelectorAll('[data-layer]').length > 3;", "layer toggles");
    // Hide the dimensions layer: its SVG group is hidden.
    await (await app.d.find("[data-layer=layer-DIMENSIONS]")).click();
    const hidden = await app.d.exec("return getComputedStyle(document.querySelector('[data-testid=preview] svg #layer-DIMENSIONS')).display;");
    assert(hidden === "none", `DIMENSIONS layer hidden (${hidden})`);
    await app.shot("drawings-no-dimensions");
    await (await app.d.find("[data-layer=layer-DIMENSIONS]")).click();

    // Measure the frame width: click the frame's outer left and right edges. The points come
    // from the sheet's own view frame, so the expected distance is the door's real width.
    await (await app.d.find("[data-action=measure]")).click();
    const target = await app.d.exec(`
      const svg = document.querySelector('[data-testid=preview] svg');
      const m = svg.getScreenCTM();
      const frame = [...svg.querySelectorAll('#layer-FRAME *')].map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
      const left = Math.min(...frame.map(r => r.left)), right = Math.max(...frame.map(r => r.right));
      const top = Math.min(...frame.map(r => r.top)), bottom = Math.max(...frame.map(r => r.bottom));
      return { left, right, y: (top + bottom) / 2 };`);
    for (const x of [target.left, target.right]) {
      await app.d.cmd("POST", "/actions", { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
        { type: "pointerMove", x: Math.round(x), y: Math.round(target.y), origin: "viewport" },
        { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 } ] }] });
    }
    const readout = await app.d.waitFor("const t = document.querySelector('[data-testid=measure]')?.textContent ?? ''; return /\\d+ mm/.test(t) ? t : null;", "a measured distance");
    const mm = Number(readout.match(/([\d.]+) mm/)[1]);
    ctx.results["measured frame width"] = `${readout.trim()} (door 1870 mm)`;
    assert(Math.abs(mm - 1870) <= 40, `measured ${mm} mm across the 1870 mm frame (within a pixel at the sheet's scale)`);
    await app.shot("drawings-measure");

    // Zoom in with the toolbar, then fit.
    const vb0 = await app.d.exec("return document.querySelector('[data-testid=preview] svg').getAttribute('viewBox');");
    await (await app.d.find("button[aria-label='Zoom in']")).click();
    const vb1 = await app.d.exec("return document.querySelector('[data-testid=preview] svg').getAttribute('viewBox');");
    assert(vb0 !== vb1, "zoom changed the view");
    await (await app.d.find("[data-action=fit]")).click();

    for (const v of ["plan", "section", "detail", "isometric"]) {
      const before = await app.preview();
      await (await app.d.find(`[data-view=${v}]`)).click();
      await app.d.waitFor(`return Number(document.querySelector('[data-testid=preview]').dataset.version) > ${before.version};`, `the ${v} sheet`);
      await app.shot(`drawings-${v}`);
    }

    await app.screen("settings");
    const paths = await app.d.waitFor("const d = document.querySelector('.paths'); return d ? d.textContent : null;", "the settings screen");
    assert(paths.includes(ctx.home), `paths under the app's config folder: ${paths}`);
    await app.shot("settings");
  } finally {
    await app.quit();
  }
}
