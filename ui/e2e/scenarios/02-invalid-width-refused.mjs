// Type an invalid width: the coded message appears at the field, and export is refused.
import { App, assert } from "../app.mjs";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const name = "invalid width shows ERR_VAL_002 and export is refused";

export async function run(ctx) {
  const app = await App.launch(ctx);
  try {
    await app.typeInto("frame_width", 2600);
    const issue = await app.d.waitFor(
      "const i = document.querySelector('.field[data-field=frame_width] .issue[data-issue-code=ERR_VAL_002]'); return i ? i.textContent : null;",
      "ERR_VAL_002 at the frame width field",
    );
    assert(issue.includes("ERR_VAL_002"), `code shown: ${issue}`);
    assert(/2000/.test(issue), `the limit is shown: ${issue}`);
    await app.d.waitFor("return !!document.querySelector('[data-testid=preview-error]');", "the preview marked as refused");
    await app.shot("configurator-invalid");

    const folder = mkdtempSync(join(tmpdir(), "spw-e2e-refused-"));
    await (await app.d.find("[data-action=export]")).click();
    const f = await app.d.find("[data-testid=export-folder]");
    await f.type(folder);
    await (await app.d.find("[data-action=run-export]")).click();
    const code = await app.d.waitFor(
      "return document.querySelector('[data-testid=export-error]')?.dataset.errorCode ?? null;",
      "the export refusal",
    );
    assert(code === "ERR_VAL_002", `export refused with ERR_VAL_002 (got ${code})`);
    await app.shot("export-refused");
    assert(readdirSync(folder).length === 0, "nothing was written");
  } finally {
    await app.quit();
  }
}
