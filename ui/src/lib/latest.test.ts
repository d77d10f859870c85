import { describe, expect, it, vi } from "vitest";
import { Latest, debounce } from "./latest";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const p = new Promise<T>((r) => (resolve = r));
  return { p, resolve };
}

describe("Latest", () => {
  it("runs the first input at once and only the newest of those that arrive meanwhile", async () => {
    const calls: number[] = [];
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const done: { out: number; seqs: number[] }[] = [];
    const l = new Latest<number, number>(
      async (i) => {
        calls.push(i);
        const g = deferred<void>();
        gates.push(g);
        await g.p;
        return i * 10;
      },
      (out, _i, seqs) => done.push({ out, seqs }),
    );
    expect(l.nextSeq).toBe(1);
    l.submit(1);
    l.submit(2);
    l.submit(3);
    expect(calls).toEqual([1]);
    gates[0].resolve();
    await vi.waitFor(() => expect(calls).toEqual([1, 3]));
    gates[1].resolve();
    await vi.waitFor(() => expect(done).toHaveLength(2));
    expect(done).toEqual([{ out: 10, seqs: [1] }, { out: 30, seqs: [2, 3] }]);
    expect(l.busy).toBe(false);
  });

  it("reports failures and keeps going", async () => {
    const errors: unknown[] = [];
    const outs: number[] = [];
    const l = new Latest<number, number>(
      async (i) => {
        if (i === 1) throw new Error("bad");
        return i;
      },
      (o) => outs.push(o),
      (e) => errors.push(e),
    );
    l.submit(1);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    l.submit(2);
    await vi.waitFor(() => expect(outs).toEqual([2]));
  });
});

describe("debounce", () => {
  it("calls once with the last arguments after the pause", () => {
    vi.useFakeTimers();
    const f = vi.fn();
    const d = debounce(f, 100);
    d(1);
    d(2);
    vi.advanceTimersByTime(99);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(f).toHaveBeenCalledTimes(1);
    expect(f).toHaveBeenCalledWith(2);
    d(3);
    d.cancel();
    vi.advanceTimersByTime(200);
    expect(f).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
