// The error shown over the window: a backend CommandError or a front-end exception, with the
// details a designer can copy into a support e-mail. Also written to the app's log file.
import { api, asCommandError } from "./api";

export interface ShownError {
  code: string;
  message: string;
  details: string;
}

export const errorState = $state<{ current: ShownError | null }>({ current: null });

/** Show an error and log it. */
export function reportError(e: unknown): void {
  const ce = asCommandError(e);
  const stack = e instanceof Error && e.stack ? e.stack : "";
  const details = [
    `code: ${ce.code}`,
    `message: ${ce.message}`,
    ce.issues.length ? `issues: ${JSON.stringify(ce.issues, null, 2)}` : "",
    stack ? `stack:\n${stack}` : "",
    `app: SPW600e Designer ${navigator.userAgent}`,
    `time: ${new Date().toISOString()}`,
  ]
    .filter(Boolean)
    .join("\n");
  errorState.current = { code: ce.code, message: ce.message, details };
  api.logUiError(`${ce.code}: ${ce.message}`, details).catch(() => {});
}

/** Copy text: the async clipboard when allowed, else a selected textarea. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand("copy");
    ta.remove();
    return ok;
  }
}
