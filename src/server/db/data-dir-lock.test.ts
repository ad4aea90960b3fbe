import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-lock-'));
}

describe('the data folder lock', () => {
  it('refuses a second process on the same folder, naming the holder', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(
        path.join(dir, 'shahrvand.lock'),
        JSON.stringify({ pid: holder.pid, host: os.hostname() }),
      );
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(
      path.join(dir, 'shahrvand.lock'),
      JSON.stringify({ pid: dead.pid, host: os.hostname() }),
    );
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'shahrvand.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'shahrvand.lock'))).toBe(false);
  });

  it('lets two servers use two different folders', () => {
    const releaseA = lockDataDir(tempDir());
    const releaseB = lockDataDir(tempDir());
    releaseA();
    releaseB();
  });
});
