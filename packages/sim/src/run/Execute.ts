import { OnDemand } from '@coretime/core'
import type { Actor } from '../agents/Actor'
import * as Actors from '../agents/Actor'
import type { OnDemandUser } from '../agents/OnDemandUser'
import type { SaleView } from '../agents/View'
import * as Relay from '../Relay'
import { type SaleTally, tally } from '../Results'
import * as Engine from './Engine'
import type { Intent } from './Intents'
import * as Intents from './Intents'
import { fail, type Run } from './Run'

/**
 * The sale's intents in block order (renewals before purchases before orders in a block, then a
 * seeded shuffle), each a real call: time advances to its block first.
 */
export const execute = (run: Run, view: SaleView, t: SaleTally): void => {
  const e = run.engine
  const intents = run.intents.intents
  const order = Intents.order(run.intents, run.rng)
  for (let o = 0; o < order.length; o++) {
    const it = intents[order[o] as number] as Intent
    if (it.block > e.s.block) Engine.advanceTo(e, it.block)
    if (it.type === 'order') placeOrder(run, it, it.actor as OnDemandUser, t)
    else if (it.type === 'renew') renew(run, view, it.actor, t)
    else buy(run, view, it, t)
  }
}

/** `place_order_allow_death` on the relay, which serves orders from the broker's instantaneous pool. */
const placeOrder = (run: Run, it: Intent, a: OnDemandUser, t: SaleTally): void => {
  const params = run.scenario.chain.onDemand
  run.market = Relay.advance(run.market, params, it.block, Engine.poolCores(run.engine))
  const r = OnDemand.Market.apply(run.market.state, params, {
    type: 'placeOrderAllowDeath',
    who: a.id,
    maxAmount: it.limit,
    paraId: a.task,
  })
  if (!r.ok) {
    a.ordersRejected++
    t.ordersRejected++
    return
  }
  run.market = { ...run.market, state: r.state }
  let price = 0n
  for (const ev of r.events) if (ev.type === 'OnDemandOrderPlaced') price = ev.spotPrice
  a.orders++
  a.cost += price
  tally(t.orderPrices, price)
}

/** `renew` at the recorded price, unless the holder declines; the right moves to the new core. */
const renew = (run: Run, view: SaleView, a: Actor, t: SaleTally): void => {
  const right = a.right
  if (!right) return
  const price = Engine.renewalPrice(run.engine, right.core, right.when)
  if (price === undefined) {
    a.right = null
    return
  }
  const no = Actors.declines(a, price, run.rng)
  if (no !== null) {
    a.right = null
    fail(run, t, a, no)
    return
  }
  const r = Engine.renew(run.engine, a.id, right.core)
  if (!r.ok) {
    a.right = null
    fail(run, t, a, Engine.errorCode(r))
    return
  }
  // do_renew paid the recorded price and took the sale's next core
  a.right = { core: Engine.lastCoreSold(run.engine), when: view.regionEnd }
  a.cost += price
  a.renewals++
  a.heldUntil.push(view.regionEnd)
  tally(t.renewalPrices, price)
}

/**
 * `purchase` up to `count` times; each region is assigned to the buyer's parachain (creating its
 * right to renew) or held. A large actor that bought some cores has not failed when they run out.
 */
const buy = (run: Run, view: SaleView, it: Intent, t: SaleTally): void => {
  const e = run.engine
  const a = it.actor
  let bought = 0
  for (let i = 0; i < it.count; i++) {
    const r = Engine.purchase(e, a.id, it.limit)
    if (!r.ok) {
      if (bought === 0 || Number.isFinite(it.count)) fail(run, t, a, Engine.errorCode(r))
      break
    }
    // do_purchase took the sale's next core and recorded the price paid in the region
    const { id, paid } = Engine.purchased(e, view.regionBegin, Engine.lastCoreSold(e))
    bought++
    a.cost += paid
    a.purchases++
    a.heldUntil.push(view.regionEnd)
    tally(t.purchasePrices, paid)
    if (Actors.assignsPurchases(a)) {
      Engine.assignFinal(e, a.id, id, a.task)
      a.right = { core: id.core, when: view.regionEnd }
    } else a.regions.push({ id, end: view.regionEnd, paid, sale: view.k })
  }
}
