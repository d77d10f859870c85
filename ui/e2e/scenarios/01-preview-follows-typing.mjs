// Type a frame width and see the preview change; then measure keystroke → preview painted
// over many keystrokes: from the key event's time stamp to the frame that shows its sheet
// (performance marks in the page), with the phases between. The product's budget is
// p95 ≤ 50 ms; the run reports the figure against it rather than failing on a timing taken in a
// GPU-less Xvfb on a shared machine (a timing gate there would fail or pass with the load, not
// with the code).
import { App, assert } from "../app.mjs";
import { Keys } from "../webdriver.mjs";
import { spawn, spawnSync } from "node:child_process";

export const name = "preview follows typing";

export async function run(ctx) {
  const app = await App.launch(ctx);
  try {
    const before = await app.preview();
    assert(before.text.includes("1870"), "the seed door's elevation dimensions its 1870 mm width");
    await app.shot("configurator");
    await app.typeInto("frame_width", 1500);
    const after = await app.d.waitFor(
      "const p = document.querySelector('[data-testid=preview]'); const t = p.querySelector('svg')?.textContent ?? ''; return t.includes('1500') && !t.includes('1870') ? {version: Number(p.dataset.version)} : null;",
      "the preview to show the 1500 mm width",
    );
    assert(after.version > before.version, "a new sheet was drawn");
    await app.shot("configurator-1500");

    // Keystroke → preview painted, in the window, over 40 keystrokes.
    await app.d.exec("window.__spwPerf = { keystrokes: [], core_us: [], ipc_ms: [], paint_ms: [], update_ms: [], wait_ms: [], event_ms: [] };");
    const el = await app.d.find("#f-frame_width");
    await el.click();
    const n = Number(process.env.SPW_E2E_KEYS ?? 40);
    const gap = Number(process.env.SPW_E2E_KEY_MS ?? 60);
    // Real X key presses on the Xvfb display (XTest, from one long-running `xte` fed a line per
    // key), as a person's keyboard sends them: no process is started per key, and WebDriver's
    // synthetic key actions (which hold WebKit's UI process while they are dispatched and would
    // be measured as app latency) are only the fallback.
    const xte = process.env.DISPLAY ? spawnSync("sh", ["-c", "command -v xte"], { encoding: "utf8" }).stdout.trim() : "";
    const keyboard = xte ? spawn(xte, [], { stdio: ["pipe", "ignore", "inherit"] }) : null;
    ctx.results["keystrokes sent by"] = keyboard ? "xte (X key events)" : "WebDriver key actions";
    try {
      for (let i = 0; i < n; i++) {
        if (keyboard) keyboard.stdin.write("key Up\n");
        else await el.type(Keys.ARROW_UP);
        // A fast typist's rhythm: the next key comes before a slow preview would have landed.
        await new Promise((r) => setTimeout(r, gap));
      }
    } finally {
      keyboard?.stdin.end();
    }
    const perf = await app.d.waitFor(
      `const p = window.__spwPerf; return p && p.keystrokes.length >= ${n} ? p : null;`,
      `${n} measured keystrokes`,
    );
    const value = await el.prop("value");
    assert(Number(value) === 1500 + n, `ArrowUp stepped the width to ${1500 + n} (is ${value})`);
    await app.d.waitFor(`return (document.querySelector('[data-testid=preview] svg')?.textContent ?? '').includes('${1500 + n}');`, "the last width drawn");
    const sorted = [...perf.keystrokes].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1];
    const median = sorted[Math.floor(sorted.length / 2)];
    const core = [...perf.core_us].sort((a, b) => a - b);
    const coreP95 = core[Math.ceil(0.95 * core.length) - 1] / 1000;
    ctx.results["keystroke → preview painted"] = `p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms over ${sorted.length} keystrokes`;
    const med = (a) => { const s = a.filter(Number.isFinite).sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)].toFixed(1) : "n/a"; };
    ctx.results["preview phases (median)"] = `keystroke → event handled ${med(perf.event_ms)} ms, → request sent ${med(perf.wait_ms)} ms, command round trip ${med(perf.ipc_ms)} ms, answer → DOM updated ${med(perf.update_ms)} ms, answer → painted ${med(perf.paint_ms)} ms`;
    ctx.results["core preview time"] = `p95 ${coreP95.toFixed(2)} ms, median ${(core[Math.floor(core.length / 2)] / 1000).toFixed(2)} ms`;
    ctx.results["keystroke → preview budget"] =
      p95 <= 50 ? `within 50 ms (p95 ${p95.toFixed(1)} ms)` : `OVER the 50 ms budget (p95 ${p95.toFixed(1)} ms)`;
  } finally {
    await app.quit();
  }
}
