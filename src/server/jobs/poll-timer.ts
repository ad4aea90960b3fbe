/**
 * Calls `tick` every `intervalMs` (measured from the end of the previous tick, so ticks never overlap) until
 * stopped; a failed tick is reported and the next one still comes.
 */
export class PollTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tick: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    const next = () => {
      this.tick()
        .catch(this.onError)
        .finally(() => {
          if (this.timer) this.timer = setTimeout(next, intervalMs);
        });
    };
    this.timer = setTimeout(next, intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
