import {
  type Agents,
  BOUNDS,
  type BuyTiming,
  MAX_LEASED,
  type ValuationDist,
  type ViewState,
} from '../../state'
import type { Store } from '../../store'
import { checkField, hiddenWhen, numberField, selectField } from '../fields'
import { amountField, type Num, type Refresh } from './common'

const withAgents = (s: ViewState, f: (a: Agents) => Agents): ViewState => ({ ...s, agents: f(s.agents) })

/**
 * The simulator's agents (@coretime/sim): renewers, new buyers, speculators and one large actor,
 * each with a plain-words explanation. An agent's own settings show once it takes part.
 */
export const agentFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => {
  const shown = (el: HTMLElement, when: (a: Agents) => boolean): HTMLElement =>
    hiddenWhen(el, (s) => !when(s.agents), refreshers)
  const num = (
    id: string,
    key: 'renewers' | 'forgetPct' | 'buyers' | 'timingPct' | 'speculators' | 'markup',
    def: Num,
  ) =>
    numberField(
      store,
      { ...def, id, get: (s) => s.agents[key], set: (s, v) => withAgents(s, (a) => ({ ...a, [key]: v })) },
      refreshers,
    )
  const amount = (id: string, key: 'renewMax' | 'specMax' | 'largeBelow', label: string, help: string) =>
    amountField(
      store,
      {
        id,
        label,
        help,
        get: (s) => s.agents[key],
        set: (s, v) => withAgents(s, (a) => ({ ...a, [key]: v })),
      },
      refreshers,
    )
  const worth = (id: string, key: 'median' | 'min' | 'max', label: string, help: string) =>
    amountField(
      store,
      {
        id,
        label,
        help,
        get: (s) => s.agents.valuation[key],
        set: (s, v) => withAgents(s, (a) => ({ ...a, valuation: { ...a.valuation, [key]: v } })),
      },
      refreshers,
    )
  const buying = (a: Agents) => a.buyers > 0
  return [
    num('ag.renewers', 'renewers', {
      label: 'Renewers',
      help: 'Parachains on a lease that ends before sale 2. From then on each renews its core every sale while the renewal price is within its limit — unless it forgets, and the core goes back on sale.',
      bound: (s) => ({
        ...BOUNDS.renewers,
        max: Math.min(BOUNDS.renewers.max, MAX_LEASED - Math.max(0, ...s.demand.renewals)),
      }),
      slider: { min: 0, max: 100, step: 1 },
      note: (v) => (v === 0 ? 'none' : `${v} cores`),
    }),
    shown(
      amount(
        'ag.rmax',
        'renewMax',
        'Renewers pay at most',
        'Above this renewal price a renewer gives its core up.',
      ),
      (a) => a.renewers > 0,
    ),
    shown(
      num('ag.forget', 'forgetPct', {
        label: 'Chance a renewer forgets',
        help: 'Each sale, the chance that a renewer misses its renewal and loses the core.',
        bound: BOUNDS.forget,
        slider: { min: 0, max: 100, step: 0.5 },
        note: (v) => `${v}% a sale`,
      }),
      (a) => a.renewers > 0,
    ),
    num('ag.buyers', 'buyers', {
      label: 'New buyers per sale',
      help: 'Parachains looking for a core, on average per sale (each arrives in a random sale). A buyer buys once the price is within what a core is worth to it, then renews while the renewal price stays within that.',
      bound: BOUNDS.buyers,
      slider: { min: 0, max: 50, step: 1 },
      note: (v) => (v === 0 ? 'none' : `≈ ${v} a sale`),
    }),
    shown(
      selectField<ViewState, ValuationDist>(
        store,
        {
          id: 'ag.val',
          label: 'What a core is worth to a buyer',
          help: 'Each buyer draws its own worth: the same for all, anywhere between two amounts, or spread around a typical amount (lognormal: a few value it far higher).',
          options: [
            ['fixed', 'The same for every buyer'],
            ['uniform', 'Anywhere between two amounts'],
            ['lognormal', 'Spread around a typical amount'],
          ],
          get: (s) => s.agents.valuation.dist,
          set: (s, v) => withAgents(s, (a) => ({ ...a, valuation: { ...a.valuation, dist: v } })),
        },
        refreshers,
      ),
      buying,
    ),
    shown(
      worth(
        'ag.vmed',
        'median',
        'Typical worth',
        'Every buyer’s worth (same for all), or the median (spread).',
      ),
      (a) => buying(a) && a.valuation.dist !== 'uniform',
    ),
    shown(
      worth('ag.vmin', 'min', 'Lowest worth', 'The least a core is worth to any buyer.'),
      (a) => buying(a) && a.valuation.dist === 'uniform',
    ),
    shown(
      worth('ag.vmax', 'max', 'Highest worth', 'The most a core is worth to any buyer.'),
      (a) => buying(a) && a.valuation.dist === 'uniform',
    ),
    shown(
      numberField(
        store,
        {
          id: 'ag.vsig',
          label: 'Spread (σ)',
          help: 'How far worths spread around the typical one. At 0.7 about one buyer in six values a core at under half of it, and one in six at over twice.',
          bound: BOUNDS.vsig,
          slider: { min: 0, max: 3, step: 0.05 },
          get: (s) => s.agents.valuation.sigma,
          set: (s, v) => withAgents(s, (a) => ({ ...a, valuation: { ...a.valuation, sigma: v } })),
        },
        refreshers,
      ),
      (a) => buying(a) && a.valuation.dist === 'lognormal',
    ),
    shown(
      selectField<ViewState, BuyTiming>(
        store,
        {
          id: 'ag.timing',
          label: 'When buyers buy',
          help: 'When in the lead-in a buyer tries. If the price is still above its worth then, it buys later, once the price has fallen far enough.',
          options: [
            ['atValuation', 'As soon as the price is within its worth'],
            ['end', 'Wait for the end price'],
            ['fraction', 'At a set point of the lead-in'],
            ['random', 'At a random point of the lead-in'],
          ],
          get: (s) => s.agents.timing,
          set: (s, v) => withAgents(s, (a) => ({ ...a, timing: v })),
        },
        refreshers,
      ),
      buying,
    ),
    shown(
      num('ag.tat', 'timingPct', {
        label: 'Point of the lead-in',
        help: '0% at the top price, 100% at the end price.',
        bound: BOUNDS.tat,
        slider: { min: 0, max: 100, step: 1 },
        note: (v) => `${v}% of the lead-in`,
      }),
      (a) => buying(a) && a.timing === 'fraction',
    ),
    num('ag.specs', 'speculators', {
      label: 'Speculators',
      help: 'Each buys a core every sale at or below its limit and offers it, at a markup, to buyers who missed out in that sale.',
      bound: BOUNDS.specs,
      slider: { min: 0, max: 20, step: 1 },
      note: (v) => (v === 0 ? 'none' : `${v}`),
    }),
    shown(
      amount('ag.smax', 'specMax', 'Speculators buy at or below', 'The most a speculator pays for a core.'),
      (a) => a.speculators > 0,
    ),
    shown(
      num('ag.markup', 'markup', {
        label: 'Resale markup',
        help: 'The resale price is what the speculator paid times this.',
        bound: BOUNDS.markup,
        slider: { min: 1, max: 10, step: 0.05 },
        note: (v) => `× ${v}`,
      }),
      (a) => a.speculators > 0,
    ),
    checkField<ViewState>(
      store,
      {
        id: 'ag.large',
        label: 'A large actor',
        help: 'One buyer that takes every core still on offer once the price falls to its limit — one party cornering the sale.',
        get: (s) => s.agents.largeOn,
        set: (s, v) => withAgents(s, (a) => ({ ...a, largeOn: v })),
      },
      refreshers,
    ),
    shown(
      amount(
        'ag.lbelow',
        'largeBelow',
        'It buys everything at or below',
        'The price at which the large actor buys all it can.',
      ),
      (a) => a.largeOn,
    ),
  ]
}
