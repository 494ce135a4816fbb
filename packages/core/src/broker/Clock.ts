import { fastForward, nextActiveBlock } from './FastForward'
import { tick } from './Tick'
import type { BlockNumber, BrokerState, Sink } from './types'

// When the per-block hook runs: once for each relay block entered (the Coretime chain's
// `on_initialize` reads the relay block number). The one place time moves.

/**
 * Advances to `block`, running the per-block hook (`on_initialize` → `do_tick`) once for each
 * block entered. Blocks in which the hook can do nothing are skipped in one step, and with a
 * `quietHistory` sink so are runs of idle timeslices; the state is the same as ticking each block.
 * Mutates `state`.
 */
export const advanceTo = (s: BrokerState, block: BlockNumber, out: Sink): void => {
  if (block < s.block) throw new RangeError(`Broker.advanceTo: block ${block} is before ${s.block}`)
  while (s.block < block) {
    if (out.quietHistory && fastForward(s, block)) continue
    const next = nextActiveBlock(s)
    if (next > block) {
      s.block = block
      return
    }
    s.block = next > s.block + 1 ? next : s.block + 1
    tick(s, out)
  }
}
