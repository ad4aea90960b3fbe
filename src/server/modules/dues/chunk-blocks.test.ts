import { describe, expect, it } from 'vitest';
import { chunkBlocks } from './chunk-repository.js';

// 50,000-parcel chunks at 50 parcels a block: 1,000 blocks a chunk; the tail floor of 10,000 parcels is 200 blocks.
const sizes = (workers: number, totalBlocks: number) => {
  const taken: number[] = [];
  for (let cursor = 0; cursor < totalBlocks; ) {
    const blocks = chunkBlocks({
      chunkSize: 50_000,
      rowsPerBlock: 50,
      remainingBlocks: totalBlocks - cursor,
      workers,
    });
    taken.push(blocks);
    cursor += blocks;
  }
  return taken;
};

describe('chunkBlocks', () => {
  it('takes whole chunks with one worker, and only what is left at the end', () => {
    expect(sizes(1, 20_000)).toEqual(Array(20).fill(1_000));
    expect(sizes(1, 2_500)).toEqual([1_000, 1_000, 500]);
  });

  it('cuts the end of a run into smaller chunks for two workers, never below the floor, covering every block', () => {
    const taken = sizes(2, 20_000);
    expect(taken.reduce((sum, n) => sum + n, 0)).toBe(20_000);
    expect(taken.slice(0, 16)).toEqual(Array(16).fill(1_000));
    const tail = taken.slice(16);
    expect(tail[0]).toBe(1_000);
    expect(tail.slice(1).every((n, i) => n <= tail[i])).toBe(true);
    expect(tail.slice(0, -1).every((n) => n >= 200)).toBe(true);
    expect(Math.max(...tail.slice(-3))).toBeLessThan(1_000);
  });

  it('never takes more than is left or less than a block', () => {
    expect(chunkBlocks({ chunkSize: 50_000, rowsPerBlock: 50, remainingBlocks: 3, workers: 2 })).toBe(3);
    expect(chunkBlocks({ chunkSize: 10, rowsPerBlock: 100, remainingBlocks: 9, workers: 4 })).toBe(1);
  });
});
