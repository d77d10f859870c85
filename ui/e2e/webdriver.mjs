// A small W3C WebDriver client over fetch: just what the desktop's end-to-end tests use.

const ELEMENT = "element-6066-11e4-a23f-4a4f1ae5f9d0";

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async cmd(method, path, body) {
    const url = `${this.base}${this.session ? `/session/${this.session}` : ""}${path}`;
    const res = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A hung window must fail the test, not the whole run.
      signal: AbortSignal.timeout(90000),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || (json.value && json.value.error)) {
      const v = json.value ?? {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`);
    }
    return json.value;
  }

  async start(application, env = {}) {
    const v = await this.cmd("POST", "/session", {
      capabilities: {
        alwaysMatch: { browserName: "wry", "tauri:options": { application, env } },
      },
    });
    this.session = v.sessionId;
    return this;
  }

  async quit() {
    if (!this.session) return;
    try {
      await this.cmd("DELETE", "");
    } finally {
      this.session = null;
    }
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this, elementId(v));
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => new Element(this, elementId(e)));
  }

  /** Run a script in the page; its `return` value comes back. */
  async exec(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Poll `script` until it returns a truthy value. */
  async waitFor(script, what, timeoutMs = 15000, ...args) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      try {
        last = await this.exec(script, ...args);
        if (last) return last;
      } catch (e) {
        last = e.message;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
  }
}

/** The id in an element reference (W3C key, or the legacy `ELEMENT`). */
function elementId(ref) {
  const id = ref?.[ELEMENT] ?? ref?.ELEMENT ?? Object.values(ref ?? {})[0];
  if (typeof id !== "string") throw new Error(`not an element reference: ${JSON.stringify(ref)}`);
  return id;
}

export class Element {
  constructor(driver, id) {
    this.d = driver;
    this.id = id;
  }
  click() {
    return this.d.cmd("POST", `/element/${this.id}/click`, {});
  }
  type(text) {
    return this.d.cmd("POST", `/element/${this.id}/value`, { text });
  }
  text() {
    return this.d.cmd("GET", `/element/${this.id}/text`);
  }
  attr(name) {
    return this.d.cmd("GET", `/element/${this.id}/attribute/${name}`);
  }
  prop(name) {
    return this.d.cmd("GET", `/element/${this.id}/property/${name}`);
  }
}

/** WebDriver key codes. */
export const Keys = { CONTROL: "\uE009", ARROW_UP: "\uE013", BACKSPACE: "\uE003", ENTER: "\uE007" };
