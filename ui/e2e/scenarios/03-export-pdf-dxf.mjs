// Export PDF and DXF through the dialog; the files pass qpdf --check and ezdxf's audit.
import { App, assert } from "../app.mjs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const name = "export PDF and DXF, checked by qpdf and ezdxf";

export async function run(ctx) {
  const app = await App.launch(ctx);
  try {
    const folder = mkdtempSync(join(tmpdir(), "spw-e2e-export-"));
    await (await app.d.find("[data-action=export]")).click();
    await (await app.d.find("[data-testid=export-folder]")).type(folder);
    await app.shot("export-dialog");
    await (await app.d.find("[data-action=run-export]")).click();
    const n = await app.d.waitFor(
      "const l = document.querySelectorAll('[data-testid=export-files] li'); return l.length || (document.querySelector('[data-testid=export-error]')?.textContent ? -1 : 0);",
      "the exported files",
      60000,
    );
    assert(n > 0, "export succeeded");
    const progress = await app.d.exec("return document.querySelector('[data-testid=export-progress] span')?.textContent ?? '';");
    assert(/of \d+ files/.test(progress), `progress shown: ${progress}`);
    await app.shot("export-done");
    const files = readdirSync(folder);
    const pdfs = files.filter((f) => f.endsWith(".pdf"));
    const dxfs = files.filter((f) => f.endsWith(".dxf"));
    // A DXF per sheet (the details may take more than one sheet) and one PDF for the set.
    assert(pdfs.length === 1 && dxfs.length >= 5, `one PDF and a DXF per sheet (got ${files.join(", ")})`);
    for (const code of ["ELV", "PLN", "SEC", "DET", "ISO"]) {
      assert(dxfs.some((f) => f.includes(`-${code}-`)), `a ${code} sheet was exported`);
    }
    assert(!files.some((f) => f.includes(".tmp-")), "no temporary files left");
    for (const p of pdfs) {
      const r = spawnSync("qpdf", ["--check", join(folder, p)], { encoding: "utf8" });
      assert(r.status === 0, `qpdf --check ${p}: ${r.stdout}${r.stderr}`);
    }
    const py = process.env.SPW_PYTHON ?? "python3";
    const script = [
      "import sys, ezdxf",
      "for p in sys.argv[1:]:",
      "    doc = ezdxf.readfile(p)",
      "    a = doc.audit()",
      "    assert not a.has_errors, (p, [str(e) for e in a.errors])",
      "    assert not a.has_fixes, (p, [str(f) for f in a.fixes])",
      "    assert len(doc.modelspace()) > 0, p",
      "print('ezdxf ok', len(sys.argv) - 1)",
    ].join("\n");
    const r = spawnSync(py, ["-c", script, ...dxfs.map((f) => join(folder, f))], { encoding: "utf8" });
    assert(r.status === 0, `ezdxf audit: ${r.stdout}${r.stderr}`);
    ctx.results["exported"] = files.map((f) => `${f} ${statSync(join(folder, f)).size} B`).join(", ");
  } finally {
    await app.quit();
  }
}
