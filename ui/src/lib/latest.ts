// Run an async job for the latest input only: while one run is in flight, newer inputs
// replace each other and only the newest runs next. No timer delay, so the preview follows
// typing as fast as the core answers and never queues stale work.

export class Latest<I, O> {
  private running = false;
  private pending: { input: I; seq: number } | null = null;
  private seq = 0;

  constructor(
    private readonly job: (input: I) => Promise<O>,
    private readonly done: (output: O, input: I, seqs: number[]) => void,
    private readonly failed: (error: unknown, input: I) => void = () => {},
  ) {}

  private covered: number[] = [];

  /** Submit an input; returns its sequence number. */
  submit(input: I): number {
    const seq = ++this.seq;
    this.pending = { input, seq };
    this.covered.push(seq);
    if (!this.running) void this.pump();
    return seq;
  }

  /** The sequence number the next submit will get. */
  get nextSeq(): number {
    return this.seq + 1;
  }

  get busy(): boolean {
    return this.running;
  }

  private async pump(): Promise<void> {
    this.running = true;
    while (this.pending) {
      const { input } = this.pending;
      const seqs = this.covered;
      this.covered = [];
      this.pending = null;
      try {
        const out = await this.job(input);
        this.done(out, input, seqs);
      } catch (e) {
        this.failed(e, input);
      }
    }
    this.running = false;
  }
}

/** Classic trailing debounce (used for saving settings as the designer types). */
export function debounce<A extends unknown[]>(f: (...a: A) => void, ms: number) {
  let t: ReturnType<typeof setTimeout> | null = null;
  const d = (...a: A) => {
    if (t !== null) clearTimeout(t);
    t = setTimeout(() => {
      t = null;
      f(...a);
    }, ms);
  };
  d.cancel = () => {
    if (t !== null) clearTimeout(t);
    t = null;
  };
  return d;
}
