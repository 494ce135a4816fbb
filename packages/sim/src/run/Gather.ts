import { UNLIMITED } from '../agents/Base'
import * as Table from '../agents/Table'
import type { Decisions, SaleView } from '../agents/View'
import type { SaleTally } from '../Results'
import { seriesAt } from '../Series'
import * as Engine from './Engine'
import * as Intents from './Intents'
import { addActor, fail, type Run } from './Run'

/**
 * Every actor decides what to do in this sale: holders of a right renew or not (in core order),
 * the table demand brings its buyers, then each actor's purchases and orders (in actor order).
 */
export const gather = (run: Run, view: SaleView, t: SaleTally): void => {
  const b = run.intents
  Intents.reset(b)
  const out: Decisions = {
    intend: (type, actor, block, limit, count) => Intents.add(b, type, actor, block, limit, count),
    fail: (actor, reason) => fail(run, t, actor, reason),
    lapse: () => {
      t.lapsed++
    },
  }
  Intents.renewals(b, run.actors, view, run.rng, out)
  tableBuyers(run, view, out)
  Intents.purchases(run.actors, view, run.rng, out)
}

/** The table demand's new buyers of sale k: each buys one core at fraction `buyAt` of the lead-in. */
const tableBuyers = (run: Run, view: SaleView, out: Decisions): void => {
  const table = run.scenario.demand.table
  if (!table) return
  const n = seriesAt(table.purchases, view.k)
  const at = view.leadinBlock(table.buyAt)
  for (let i = 0; i < n; i++) {
    const a = Table.create({ id: `buyer-${view.k}-${i}`, group: 'table buyers', task: run.nextTask++ })
    addActor(run, a)
    run.balances.set(a.id, run.budgets.get(a.id) ?? UNLIMITED)
    Engine.setBalance(run.engine, a.id, UNLIMITED)
    out.intend('buy', a, at, UNLIMITED, 1)
  }
}
