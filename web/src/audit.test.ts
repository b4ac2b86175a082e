import { describe, expect, it } from 'vitest';
import { chainSummary, shortHash } from './audit';

describe('chainSummary', () => {
  it('says intact with the blocks checked and the head', () => {
    const summary = chainSummary({ intact: true, blocksChecked: 12, headSequence: 12, headHash: 'ab'.repeat(32) });

    expect(summary).toEqual({
      intact: true,
      title: 'Chain intact',
      detail: '12 blocks checked from block 1 to the head, block 12.',
    });
  });

  it('says an empty trail is intact', () => {
    expect(chainSummary({ intact: true, blocksChecked: 0, headSequence: 0, headHash: '' }).detail).toMatch(/empty/);
  });

  it('names the block where the chain breaks, the problem and the message', () => {
    const summary = chainSummary({
      intact: false,
      sequence: 7,
      blockId: 'cmd-7',
      problem: 'HASH_MISMATCH',
      message: 'block 7 does not hash to its stored hash',
    });

    expect(summary.intact).toBe(false);
    expect(summary.title).toBe('Chain broken at block 7');
    expect(summary.detail).toBe('HASH_MISMATCH (block id cmd-7): block 7 does not hash to its stored hash');
  });

  it('leaves the block id out when no block is stored there', () => {
    expect(
      chainSummary({ intact: false, sequence: 3, blockId: null, problem: 'SEQUENCE_GAP', message: 'no block 3' })
        .detail,
    ).toBe('SEQUENCE_GAP: no block 3');
  });
});

describe('shortHash', () => {
  it('keeps the first 12 characters', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab…');
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash(null)).toBe('—');
  });
});
