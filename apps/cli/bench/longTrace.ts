import { Broker, type BrokerCall, type Runtime, Runtimes } from '@coretime/core'

/** One step of a generated trace, already typed (what `Trace.parse` produces from a file). */
export interface GenStep {
  block: number
  origin: string
  call: BrokerCall | null
}

/** Polkadot, with revenue paid to an account so the bench can see it. */
export const POLKADOT_RUNTIME: Runtime = {
  ...Runtimes.polkadot,
  sovereignAccount: 'taskId',
  revenueAccount: 'treasury',
}

const DOT = 10_000_000_000n

/**
 * A Polkadot-sized trace: 5040-timeslice regions, `cores` cores (a few reserved for system
 * chains, the rest sold), `sales` sales; each sale every renewable core renews in the interlude,
 * then buyers purchase the remaining cores during the lead-in and assign them Final (so they
 * renew next time), with a few churned renewals so purchases happen every sale.
 * The plan reads the state as it goes (which cores are renewable), as a bot would.
 */
export const generate = (opts: { sales: number; cores: number; accounts: number }) => {
  const { sales, cores, accounts } = opts
  const balances = new Map<string, bigint>()
  for (let i = 0; i < accounts; i++) balances.set(`acct${i}`, 1_000_000_000n * DOT)
  for (let t = 2000; t < 2000 + cores; t++) balances.set(String(t), 1_000_000_000n * DOT)
  const state = Broker.create(POLKADOT_RUNTIME, balances, 0)
  const out = Broker.sink()
  const steps: GenStep[] = []
  const run = (block: number, origin: string, call: BrokerCall) => {
    Broker.advanceTo(state, block, out)
    const r = Broker.execute(state, origin, call, out)
    steps.push({ block, origin, call })
    out.events.length = 0
    out.assignments.length = 0
    return r
  }
  run(0, 'root', {
    call: 'configure',
    args: {
      advanceNotice: 10,
      interludeLength: 100_800,
      leadinLength: 201_600,
      regionLength: 5040,
      idealBulkProportion: 1_000_000_000n,
      limitCoresOffered: null,
      renewalBump: 30_000_000n,
      contributionTimeout: 5040,
    },
  })
  const reserved = 4
  for (let i = 0; i < reserved; i++)
    run(0, 'root', {
      call: 'reserve',
      args: { workload: [{ mask: (1n << 80n) - 1n, assignment: { task: 1000 + i } }] },
    })
  run(0, 'root', { call: 'startSales', args: { endPrice: 100n * DOT, extraCores: cores - reserved } })

  let nextTask = 2000
  let buyer = 0
  for (let n = 0; n < sales; n++) {
    const sale = state.saleInfo!
    // Renewals in the interlude: every renewable core but a churned one in ten.
    const start = sale.saleStart
    let block = Math.max(state.block, start - 50_000)
    const renewable = Broker.renewalsInOrder(state).filter((k) => k.when === sale.regionBegin)
    renewable.forEach((k, i) => {
      if ((i + n) % 10 === 0) return
      run(block++, String(2000 + (k.core % cores)), { call: 'renew', args: { core: k.core } })
    })
    // Purchases spread over the lead-in, each followed by a Final assignment.
    block = start + 1
    let step = 0
    while (state.saleInfo!.coresSold < state.saleInfo!.coresOffered) {
      block = start + 1 + step * 4000
      step++
      const who = `acct${buyer++ % accounts}`
      const r = run(block, who, { call: 'purchase', args: { priceLimit: 1_000_000n * DOT } })
      if (!r.ok) continue
      const s = state.saleInfo!
      const core = s.firstCore + s.coresSold - 1
      run(block, who, {
        call: 'assign',
        args: {
          regionId: { begin: s.regionBegin, core, mask: (1n << 80n) - 1n },
          task: nextTask++,
          finality: 'Final',
        },
      })
    }
    // Wait for the next rotation.
    const end = state.saleInfo!.regionBegin * 80 - 10
    Broker.advanceTo(state, end + 1, out)
    out.events.length = 0
    out.assignments.length = 0
  }
  steps.push({ block: state.block, origin: '', call: null })
  return { steps, balances, finalBlock: state.block }
}
