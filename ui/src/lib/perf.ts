// Keystroke → preview painted, measured with performance marks in the real window. The
// end-to-end run reads `window.__spwPerf` after typing.

export interface PerfLog {
  keystrokes: number[]; // ms from input event to the preview painted
  core_us: number[]; // core time of each preview
  ipc_ms: number[]; // command round trip of each preview
  paint_ms: number[]; // answer received → painted
}

declare global {
  interface Window {
    __spwPerf?: PerfLog;
  }
}

function log(): PerfLog {
  window.__spwPerf ??= { keystrokes: [], core_us: [], ipc_ms: [], paint_ms: [] };
  window.__spwPerf.ipc_ms ??= [];
  window.__spwPerf.paint_ms ??= [];
  return window.__spwPerf;
}

/** Mark a keystroke that will change the preview. */
export function markInput(seq: number): void {
  performance.mark(`spw-input-${seq}`);
}

/** After the DOM holds the new preview: wait for the frame to be painted, then measure. */
export function markPainted(seqs: number[], coreUs: number, ipcMs = NaN): void {
  const received = performance.now();
  requestAnimationFrame(() => {
    // The callback after the next frame's rAF runs once the updated frame has been painted.
    setTimeout(() => {
      const l = log();
      l.core_us.push(coreUs);
      l.ipc_ms.push(ipcMs);
      l.paint_ms.push(performance.now() - received);
      for (const seq of seqs) {
        const name = `spw-input-${seq}`;
        if (performance.getEntriesByName(name, "mark").length === 0) continue;
        const m = performance.measure(`spw-preview-${seq}`, name);
        l.keystrokes.push(m.duration);
        performance.clearMarks(name);
      }
    }, 0);
  });
}

/** p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(Math.max(rank - 1, 0), s.length - 1)];
}
