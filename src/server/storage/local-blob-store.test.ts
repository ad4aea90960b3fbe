import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentKey, sha256Hex, storeContent } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';

// Lets a test look at the disk at the moment the store renames its temp file into place, or fail the rename.
const renameHook = vi.hoisted(() => ({
  current: undefined as ((from: string, to: string) => void) | undefined,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      renameHook.current?.(from, to);
      return actual.rename(from, to);
    },
  };
});

let root: string;
let store: LocalBlobStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'shahrvand-blobs-'));
  store = new LocalBlobStore(path.join(root, 'files'));
  renameHook.current = undefined;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('local blob store', () => {
  it('stores, reads, sizes and deletes a blob under its content key', async () => {
    const body = Buffer.from('%PDF-1.7 deed of parcel 12');
    const key = contentKey(sha256Hex(body));
    expect(key).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(await store.get(key)).toBeNull();
    expect(await store.head(key)).toBeNull();

    await store.put(key, body, 'application/pdf');
    expect(await store.get(key)).toEqual(body);
    expect(await store.head(key)).toEqual({ size: body.length });
    expect(await readFile(path.join(root, 'files', key))).toEqual(body);

    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it('keeps the final name empty until the blob is complete and flushed', async () => {
    const body = Buffer.alloc(256 * 1024, 7);
    const key = contentKey(sha256Hex(body));
    const final = store.pathOf(key);
    const seen: { finalExisted: boolean; tempBytes: number; tempName: string }[] = [];
    renameHook.current = (from) => {
      seen.push({
        finalExisted: existsSync(final),
        tempBytes: statSync(from).size,
        tempName: path.basename(from),
      });
    };
    await store.put(key, body, 'application/octet-stream');
    expect(seen).toHaveLength(1);
    expect(seen[0].finalExisted).toBe(false);
    expect(seen[0].tempBytes).toBe(body.length);
    expect(seen[0].tempName).toMatch(/^\.tmp-/);
    expect(await filesUnder(path.join(root, 'files'))).toEqual([key]);
  });

  it('leaves neither the blob nor a temp file behind when the write fails before the rename', async () => {
    const body = Buffer.from('interrupted');
    const key = contentKey(sha256Hex(body));
    renameHook.current = () => {
      throw new Error('disk pulled out');
    };
    await expect(store.put(key, body, 'text/plain')).rejects.toThrow('disk pulled out');
    expect(await store.head(key)).toBeNull();
    expect(await filesUnder(path.join(root, 'files'))).toEqual([]);
  });

  it('stores the same content once', async () => {
    const body = Buffer.from('\x89PNG same scan uploaded twice');
    const first = await storeContent(store, body, 'image/png');
    const renames = vi.fn();
    renameHook.current = renames;
    const second = await storeContent(store, body, 'image/png');
    await store.put(first, body, 'image/png');
    expect(second).toBe(first);
    expect(renames).not.toHaveBeenCalled();
    expect(await filesUnder(path.join(root, 'files'))).toEqual([first]);
  });

  it('refuses keys that would leave its folder', () => {
    for (const key of ['../etc/passwd', 'sha256/../../x', '/abs', 'a//b', '.tmp-x', '']) {
      expect(() => store.pathOf(key)).toThrow('Invalid blob key');
    }
  });
});
