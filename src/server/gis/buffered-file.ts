import fs from 'node:fs/promises';

/** Sequential reads of exact byte counts from a file, through one reusable buffer. */
export class BufferedFile {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private start = 0;
  private end = 0;
  private eof = false;
  private closed = false;

  private constructor(private readonly handle: fs.FileHandle) {}

  /** Opens a file for reading. */
  static async open(path: string): Promise<BufferedFile> {
    return new BufferedFile(await fs.open(path, 'r'));
  }

  /**
   * The next `n` bytes, or fewer only at the end of the file (an empty buffer once nothing is left).
   * The bytes are a view that the next read may overwrite: copy what must be kept.
   */
  async read(n: number): Promise<Buffer> {
    if (this.end - this.start < n && !this.eof) await this.fill(n);
    const size = Math.min(n, this.end - this.start);
    const out = this.buffer.subarray(this.start, this.start + size);
    this.start += size;
    return out;
  }

  /** Closes the file; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  private async fill(n: number): Promise<void> {
    const have = this.end - this.start;
    if (n > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, this.start, this.end);
      this.buffer = bigger;
    } else {
      this.buffer.copy(this.buffer, 0, this.start, this.end);
    }
    this.start = 0;
    this.end = have;
    while (this.end < n) {
      const { bytesRead } = await this.handle.read(
        this.buffer,
        this.end,
        this.buffer.length - this.end,
        null,
      );
      if (bytesRead === 0) {
        this.eof = true;
        return;
      }
      this.end += bytesRead;
    }
  }
}
