// Keystroke → preview painted, measured with performance marks in the real window. The
// end-to-end run reads `window.__spwPerf` after typing.

export interface PerfLog {
  keystrokes: number[]; // ms from input event to the preview painted
  core_us: number[]; // core time of each preview
  ipc_ms: number[]; // command round trip of each preview
  paint_ms: number[]; // answer received → painted
  update_ms: number[]; // answer received → DOM updated
  wait_ms: number[]; // keystroke → its request sent (the event handled, a request in flight answered)
  event_ms: number[]; // keystroke → its event handled by the page
}

declare global {
  interface Window {
    __spwPerf?: PerfLog;
  }
}

function log(): PerfLog {
  const l = (window.__spwPerf ??= { keystrokes: [], core_us: [], ipc_ms: [], paint_ms: [], update_ms: [], wait_ms: [], event_ms: [] });
  l.ipc_ms ??= [];
  l.paint_ms ??= [];
  l.update_ms ??= [];
  l.wait_ms ??= [];
  l.event_ms ??= [];
  return l;
}

/** Mark a keystroke that will change the preview, at the time its event was made. */
export function markInput(seq: number, at?: number): void {
  performance.mark(`spw-input-${seq}`, at === undefined ? undefined : { startTime: at });
  if (at !== undefined) log().event_ms.push(performance.now() - at);
}

/** After the DOM holds the new preview: wait for the frame to be painted, then measure. */
export function markPainted(seqs: number[], coreUs: number, ipcMs: number, received: number, sent: number): void {
  // coreUs is NaN when the answer was a refusal (no sheet drawn): its message is what is painted.
  const updated = performance.now();
  requestAnimationFrame(() => {
    // The callback after the next frame's rAF runs once the updated frame has been painted.
    setTimeout(() => {
      const l = log();
      if (Number.isFinite(coreUs)) l.core_us.push(coreUs);
      l.ipc_ms.push(ipcMs);
      l.paint_ms.push(performance.now() - received);
      l.update_ms.push(updated - received);
      for (const seq of seqs) {
        const name = `spw-input-${seq}`;
        const marks = performance.getEntriesByName(name, "mark");
        if (marks.length === 0) continue;
        l.wait_ms.push(Math.max(0, sent - marks[0].startTime));
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
