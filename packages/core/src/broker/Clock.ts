import { InvariantError } from '../errors/BaseError'
import { fastForward, nextActiveBlock } from './FastForward'
import { tick } from './Tick'
import type { BlockNumber, BrokerState, Sink } from './types'

// When the per-block hook runs: once for each relay block entered (the Coretime chain's
// `on_initialize` reads the relay block number). The one place time moves.

/**
 * Advances to `block`, running the per-block hook (`on_initialize` → `do_tick`) once for each
 * block entered. Blocks in which the hook can do nothing are skipped in one step, and so are runs
 * of idle timeslices (FastForward.ts); the state and the events are the same as ticking each block.
 * Mutates `state`.
 */
export const advanceTo = (s: BrokerState, block: BlockNumber, out: Sink): void => {
  if (block < s.block) throw new InvariantError(`Broker.advanceTo: block ${block} is before ${s.block}`)
  while (s.block < block) {
    if (fastForward(s, block, out)) continue
    const next = nextActiveBlock(s)
    if (next > block) {
      s.block = block
      return
    }
    s.block = next > s.block + 1 ? next : s.block + 1
    tick(s, out)
  }
}

/**
 * The parachain clock: how the Coretime chain itself drives the pallet. One parachain block whose
 * relay parent is `relayParent`: its `on_initialize` runs `do_tick` once, at the relay number the
 * previous block's extrinsics saw (`s.block`: cumulus `RelayChainBlockNumberProvider` reads the
 * last stored relay number in the hook), committing at most one timeslice however far the relay
 * moved; then the clock moves to `relayParent`, the number this block's extrinsics see. Run the
 * block's calls after it. (docs/model.md "Clocks"; real-runtime.md, seen on coretime-paseo 2000006.)
 */
export const paraBlock = (s: BrokerState, relayParent: BlockNumber, out: Sink): void => {
  if (relayParent < s.block)
    throw new InvariantError(`Broker.paraBlock: relay parent ${relayParent} is before ${s.block}`)
  tick(s, out)
  s.block = relayParent
}
