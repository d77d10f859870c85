// The desktop's end-to-end run: the real app window under Xvfb, driven through WebDriver
// (tauri-driver + WebKitWebDriver). Each scenarios/*.mjs file is one test case with a fresh
// app; all run, failures are listed at the end.
//
//   xvfb-run -a node e2e/run.mjs            (scripts/test.sh does this)
//   SPW_DESKTOP_BIN=/abs/spw-desktop  SPW_E2E_OUT=dir  SPW_E2E_ONLY=name-part
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const binary = resolve(process.env.SPW_DESKTOP_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(repo, "target"), "debug/spw-desktop"));
const out = resolve(process.env.SPW_E2E_OUT ?? join(repo, "e2e-output"));
const port = Number(process.env.SPW_E2E_PORT ?? 4444);
mkdirSync(out, { recursive: true });

// The app's config, data and log folders go to a throwaway home so runs never share settings.
const home = mkdtempSync(join(tmpdir(), "spw-e2e-home-"));
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
  XDG_CACHE_HOME: join(home, "cache"),
  // Xvfb has no GPU: WebKit's accelerated compositing would paint through software GL.
  WEBKIT_DISABLE_COMPOSITING_MODE: "1",
};

const which = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim();
const driverBin = process.env.TAURI_DRIVER ?? (which("tauri-driver") || join(process.env.HOME ?? "", ".cargo/bin/tauri-driver"));
const driver = spawn(driverBin, ["--port", String(port)], { env, stdio: ["ignore", "inherit", "inherit"] });

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("tauri-driver did not start");
}

const log = (...a) => console.log(...a);
const ctx = { driverUrl: `http://127.0.0.1:${port}`, binary, out, repo, home, log, results: {} };
const only = process.env.SPW_E2E_ONLY;
const files = readdirSync(join(here, "scenarios")).filter((f) => f.endsWith(".mjs")).sort();
const failures = [];
let ran = 0;
try {
  await waitForDriver();
  log(`e2e: ${binary}`);
  for (const f of files) {
    const mod = await import(join(here, "scenarios", f));
    const name = mod.name ?? f;
    if (only && !name.includes(only) && !f.includes(only)) continue;
    ran++;
    const t0 = Date.now();
    log(`▶ ${name}`);
    try {
      await mod.run(ctx);
      log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failures.push(name);
      log(`✗ ${name}: ${e.stack ?? e}`);
    }
  }
} finally {
  driver.kill();
  rmSync(home, { recursive: true, force: true });
}
for (const [k, v] of Object.entries(ctx.results)) log(`${k}: ${v}`);
if (failures.length) {
  log(`e2e: ${failures.length} failed: ${failures.join(", ")}`);
  process.exit(1);
}
log(`e2e: all ${ran} scenarios passed; screenshots in ${out}`);
