import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from './blob-store.js';

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Flushes a directory so the names created or renamed in it survive a crash. */
async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Blobs as files under one folder (by default `DATA_DIR/files`). A blob appears under its final name only
 * once it is complete and flushed: it is written to a dot-named temp file beside it, fsynced, then renamed.
 */
export class LocalBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file of a key; keys are relative, slash-separated and never climb out of the root. */
  pathOf(key: string): string {
    const segments = key.split('/');
    if (!segments.every((segment) => SEGMENT.test(segment))) {
      throw new Error(`Invalid blob key: "${key}"`);
    }
    return path.join(this.root, ...segments);
  }

  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    // Keys are content hashes, so an existing file already holds these bytes.
    if (await this.head(key)) return;
    const dir = path.dirname(target);
    const firstCreated = await mkdir(dir, { recursive: true, mode: 0o750 });
    if (firstCreated) await this.syncNewDirs(firstCreated, dir);
    // Temp names start with a dot, which no key segment may, so they never collide with a blob.
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      const handle = await open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => {});
      throw err;
    }
    await fsyncDir(dir);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    try {
      await unlink(target);
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    await fsyncDir(path.dirname(target));
  }

  /** Directories made by mkdir -p are only durable once each parent has been flushed too. */
  private async syncNewDirs(firstCreated: string, deepest: string): Promise<void> {
    let dir = deepest;
    const parents: string[] = [];
    while (dir !== path.dirname(firstCreated) && dir !== path.dirname(dir)) {
      parents.push(path.dirname(dir));
      dir = path.dirname(dir);
    }
    for (const parent of parents) await fsyncDir(parent);
  }
}
