import { Rng } from '@coretime/sim'
import type { Devnet } from '../devnet'
import { Devnet as D } from '../devnet'
import * as Model from './Model'
import { firstDifference, type Plain } from './Normal'
import * as Runtime from './Runtime'
import { generate, type Scenario } from './Scenario'

/**
 * The differential check (docs/oracle.md): random scenarios run on the compiled runtime (a devnet)
 * and on the model with the same relay numbers; after every block the broker's events and storage
 * are compared, and whether each call dispatched. A difference is shrunk (calls dropped while it
 * stays) into a reproducer that holds the runtime's observed values.
 */
export type Difference = {
  readonly scenario: Scenario
  /** index of the block (0: the opening block with configure + start_sales) */
  readonly block: number
  readonly relay: number
  /** where the values first differ, e.g. `saleInfo.endPrice`, `ok[1]` */
  readonly path: string
  readonly runtime: Plain
  readonly model: Plain
}

export type Report = {
  readonly runs: number
  readonly agree: number
  readonly differences: readonly Difference[]
}

export type Options = {
  readonly runs: number
  readonly seed: number
  /** a raw chain spec (path) to start the devnet from; or a devnet already running */
  readonly spec?: string
  readonly devnet?: Devnet.Devnet
  /** test-only: a deliberately broken rule, applied to the model after each call */
  readonly tamper?: Model.Tamper
  /** try to shorten a difference (default true) */
  readonly shrink?: boolean
  readonly onScenario?: (i: number, agreed: boolean) => void
}

/** Compares one scenario; the first difference, or null. */
export const check = async (
  net: Devnet.Devnet,
  base: { hash: string; relay: number },
  scenario: Scenario,
  tamper?: Model.Tamper,
): Promise<Difference | null> => {
  const rt = await Runtime.play(net, base.hash, scenario)
  const md = Model.play(base.relay, scenario, tamper)
  for (let i = 0; i < rt.length; i++) {
    const a = rt[i] as Runtime.Observed
    const b = md[i] as Model.Modelled
    const ra: Plain = { ok: a.ok as Plain, state: a.state }
    const rb: Plain = { ok: b.ok as Plain, state: b.state }
    const path = firstDifference(ra, rb)
    if (path) return { scenario, block: i, relay: a.relay, path, runtime: at(ra, path), model: at(rb, path) }
  }
  return null
}

const at = (v: Plain, path: string): Plain => {
  let x: Plain = v
  for (const part of path.split(/\.|\[|\]/).filter((p) => p !== '' && p !== 'length')) {
    if (x === null || typeof x !== 'object') return x
    x = (Array.isArray(x) ? (x as Plain[])[Number(part)] : (x as Record<string, Plain>)[part]) ?? null
  }
  return x
}

/** Drops calls, then trailing blocks, while the difference stays: a shorter reproducer. */
export const shrink = async (
  net: Devnet.Devnet,
  base: { hash: string; relay: number },
  d: Difference,
  tamper?: Model.Tamper,
): Promise<Difference> => {
  let best = d
  // blocks after the one that differs cannot matter
  const cut: Scenario = { ...best.scenario, blocks: best.scenario.blocks.slice(0, Math.max(0, best.block)) }
  const c0 = await check(net, base, cut, tamper)
  if (c0) best = c0
  for (let b = best.scenario.blocks.length - 1; b >= 0; b--) {
    for (let k = (best.scenario.blocks[b]?.calls.length ?? 0) - 1; k >= 0; k--) {
      const blocks = best.scenario.blocks.map((x, i) =>
        i === b ? { ...x, calls: x.calls.filter((_, j) => j !== k) } : x,
      )
      const c = await check(net, base, { ...best.scenario, blocks }, tamper)
      if (c) best = c
    }
  }
  return best
}

export const run = async (options: Options): Promise<Report> => {
  const net = options.devnet ?? (await D.start({ spec: options.spec as string }))
  try {
    const base = { hash: net.head().hash, relay: await net.relayNumber() }
    const differences: Difference[] = []
    for (let i = 0; i < options.runs; i++) {
      const scenario = generate(Rng.derive(options.seed, i), base.relay)
      let d = await check(net, base, scenario, options.tamper)
      if (d && options.shrink !== false) d = await shrink(net, base, d, options.tamper)
      if (d) differences.push(d)
      options.onScenario?.(i, d === null)
    }
    await net.setHead(base.hash)
    return { runs: options.runs, agree: options.runs - differences.length, differences }
  } finally {
    if (!options.devnet) await net.close()
  }
}

/** The reproducer file: the scenario, and at the first differing block what the runtime showed. */
export const reproducer = (d: Difference): string =>
  `${JSON.stringify(
    {
      format: 'coretime-oracle-reproducer/1',
      runtime: 'coretime-paseo 2000006 (chopsticks 1.5.1)',
      clock: 'parachain',
      scenario: d.scenario,
      difference: { block: d.block, relay: d.relay, path: d.path, expected: d.runtime, model: d.model },
    },
    (_, v) => (typeof v === 'bigint' ? String(v) : v),
    2,
  )}\n`
