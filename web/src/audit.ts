import type { ChainVerification } from './types';

/** What the chain check found, in words: intact (how many blocks, the head) or broken at block N (and why). */
export function chainSummary(verification: ChainVerification): { intact: boolean; title: string; detail: string } {
  if (verification.intact) {
    const { blocksChecked, headSequence } = verification;
    if (blocksChecked === 0) {
      return { intact: true, title: 'Chain intact', detail: 'The trail is empty: no block has been appended yet.' };
    }
    return {
      intact: true,
      title: 'Chain intact',
      detail: `${blocksChecked === 1 ? '1 block' : `${blocksChecked} blocks`} checked from block 1 to the head, block ${headSequence}.`,
    };
  }
  const { sequence, blockId, problem, message } = verification;
  return {
    intact: false,
    title: `Chain broken at block ${sequence}`,
    detail: `${problem}${blockId ? ` (block id ${blockId})` : ''}: ${message}`,
  };
}

/** A hash shortened for a table cell; the whole value stays in the cell's title. */
export function shortHash(hash?: string | null): string {
  if (!hash) return '—';
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
