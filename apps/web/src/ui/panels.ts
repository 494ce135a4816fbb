import { Networks, Token } from '@coretime/core'
import { networkOptions } from '../networkOptions'
import {
  type AdapterKind,
  type Agents,
  BOUNDS,
  type BuyTiming,
  defaultsFor,
  formatAmount,
  MAX_AMOUNT,
  MAX_LEASED,
  type Network,
  type Params,
  parseAmount,
  parseNumber,
  renewalsBound,
  type ValuationDist,
  type ViewState,
} from '../state'
import type { Store } from '../store'
import { h } from './dom'
import {
  checkField,
  type Refresh as GenericRefresh,
  hiddenWhen,
  type NumberDef,
  numberField,
  selectField,
  textField,
} from './fields'

/** The input panels of the coretime view, built from the generic fields. */

export type Refresh = GenericRefresh<ViewState>
type Which = 'a' | 'b'
type Num = Omit<NumberDef<ViewState>, 'id' | 'get' | 'set'>

const BLOCKS_PER_DAY = Networks.relayBlocksPerDay('polkadot')
/** Timeslices (80 relay blocks) a day. */
const TIMESLICES_PER_DAY = 180
const days = (blocks: number): string => {
  const d = blocks / BLOCKS_PER_DAY
  return `${d.toLocaleString('en-US', { maximumFractionDigits: 2 })} day${d === 1 ? '' : 's'}`
}

const amountBounds = (s: ViewState): string =>
  `Takes 0 to ${Token.format(MAX_AMOUNT, Token.of(s.network), { digits: 0 }).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} (u128 planck).`

/** An amount in the view's token, exact (Token.parse to planck, at most u128). */
export const amountField = (
  store: Store<ViewState>,
  d: {
    id: string
    label: string
    help: string
    get(s: ViewState): bigint
    set(s: ViewState, v: bigint): ViewState
  },
  refreshers: Refresh[],
): HTMLElement =>
  textField<ViewState, bigint>(
    store,
    {
      ...d,
      format: (v, s) => formatAmount(v, s.network),
      parse: (text, s) => parseAmount(text, s.network),
      unit: (s) => Token.of(s.network).symbol,
      bounds: amountBounds,
    },
    refreshers,
  )

const withParams = (s: ViewState, which: Which, f: (p: Params) => Params): ViewState =>
  which === 'a' ? { ...s, a: f(s.a) } : s.b ? { ...s, b: f(s.b) } : s
const paramsOf = (s: ViewState, which: Which): Params => (which === 'a' ? s.a : (s.b ?? s.a))

/** Network and start date. Choosing the other network resets the rest to its defaults. */
export const chainFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => {
  const id = 'start-date'
  const input = h('input', {
    type: 'date',
    id,
    'aria-describedby': `${id}-help ${id}-err`,
    'data-field': 'start',
  })
  const err = h('p', { class: 'error', id: `${id}-err`, role: 'alert', 'data-error': 'start' })
  input.addEventListener('change', () => {
    // a cleared or half-typed date leaves the view as it was, and says so
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) {
      input.setAttribute('aria-invalid', 'true')
      err.textContent = `Simulation starts: expected a full date; still ${store.get().start}`
      return
    }
    input.removeAttribute('aria-invalid')
    err.textContent = ''
    store.set((s) => ({ ...s, start: input.value }))
  })
  refreshers.push((s) => {
    if (document.activeElement === input) return
    input.value = s.start
    input.removeAttribute('aria-invalid')
    err.textContent = ''
  })
  return [
    selectField<ViewState, Network>(
      store,
      {
        id: 'net',
        label: 'Network',
        help: `Amounts in ${Networks.names.map((n) => `${Networks.get(n).token.symbol} (${Networks.get(n).token.decimals} decimals)`).join(' or ')}. Changing the network resets every other input (broker parameters, your core, demand, agents, set B, Monte Carlo, blocks a day) to that network’s defaults; only the start date stays.`,
        options: networkOptions(),
        get: (s) => s.network,
        set: (s, v) => (v === s.network ? s : { ...defaultsFor(v, s.start), log: s.log }),
      },
      refreshers,
    ),
    h(
      'div',
      { class: 'field' },
      h('div', { class: 'field-head' }, h('label', { for: id }, 'Simulation starts')),
      input,
      err,
      h(
        'p',
        { class: 'help', id: `${id}-help` },
        'The calendar date (UTC) the simulation starts (sales start one region later); dates follow at 6 s a block.',
      ),
    ),
  ]
}

/** Every broker parameter of set A or B, with a plain-words explanation each. */
export const paramFields = (store: Store<ViewState>, which: Which, refreshers: Refresh[]): HTMLElement[] => {
  const p = (s: ViewState) => paramsOf(s, which)
  const num = (key: keyof Params, def: Num): HTMLElement =>
    numberField(
      store,
      {
        ...def,
        id: `${which}.${key}`,
        get: (s) => p(s)[key] as number,
        set: (s, v) => withParams(s, which, (x) => ({ ...x, [key]: v })),
      },
      refreshers,
    )
  const minField = hiddenWhen(
    amountField(
      store,
      {
        id: `${which}.min`,
        label: 'Minimum end price',
        help: 'MinimumPrice never lets a sale’s end price fall below this floor (10 DOT on Polkadot today).',
        get: (s) => p(s).minPrice,
        set: (s, v) => withParams(s, which, (x) => ({ ...x, minPrice: v })),
      },
      refreshers,
    ),
    (s) => p(s).adapter !== 'MinimumPrice',
    refreshers,
  )
  return [
    selectField<ViewState, AdapterKind>(
      store,
      {
        id: `${which}.adapter`,
        label: 'Price adapter and lead-in curve',
        help: 'How the price falls during the lead-in and how each sale’s price follows the last. Today: MinimumPrice (100× the end price falling to 1×, next end = a tenth of the sellout price, floored). RFC-1 Linear: 2× falling to 1×, next price scaled by how many cores sold.',
        options: [
          ['MinimumPrice', 'MinimumPrice — live today'],
          ['CenterTargetPrice', 'CenterTargetPrice — 2024 to mid-2025'],
          ['Linear', 'RFC-1 Linear — the original proposal'],
        ],
        get: (s) => p(s).adapter,
        set: (s, v) => withParams(s, which, (x) => ({ ...x, adapter: v })),
      },
      refreshers,
    ),
    minField,
    amountField(
      store,
      {
        id: `${which}.price`,
        label: 'Starting price',
        help: 'The end price given to start_sales: the first sale’s price after its lead-in.',
        get: (s) => p(s).startPrice,
        set: (s, v) => withParams(s, which, (x) => ({ ...x, startPrice: v })),
      },
      refreshers,
    ),
    num('interlude', {
      label: 'Interlude',
      help: 'Relay blocks between the start of a sale and its lead-in, when only renewals happen. In blocks, or in days (14,400 blocks).',
      bound: BOUNDS.interlude,
      slider: { min: 0, max: 201_600, step: 7_200 },
      alt: { unit: 'days', per: BLOCKS_PER_DAY },
      note: days,
    }),
    num('leadin', {
      label: 'Lead-in',
      help: 'Relay blocks over which the price falls from its top to the end price. In blocks, or in days (14,400 blocks).',
      bound: BOUNDS.leadin,
      slider: { min: 0, max: 403_200, step: 7_200 },
      alt: { unit: 'days', per: BLOCKS_PER_DAY },
      note: days,
    }),
    num('regionLength', {
      label: 'Region length',
      help: 'Timeslices (80 relay blocks, 8 minutes) of coretime bought with one core; also the time between sales. In timeslices, or in days (180 timeslices).',
      bound: BOUNDS.region,
      slider: { min: 0, max: 10_080, step: TIMESLICES_PER_DAY },
      alt: { unit: 'days', per: TIMESLICES_PER_DAY },
      note: (v) => days(v * 80),
    }),
    num('idealPct', {
      label: 'Ideal bulk proportion',
      help: 'The share of offered cores the sale aims to sell. RFC-1 Linear raises the price when more sell, lowers it when fewer.',
      bound: BOUNDS.ideal,
      slider: { min: 0, max: 100, step: 1 },
      note: (v) => `${v}%`,
    }),
    num('coreLimit', {
      label: 'Core limit',
      help: 'Cores offered in each sale (renewals and purchases together cannot exceed it).',
      bound: BOUNDS.limit,
      slider: { min: 0, max: 100, step: 1 },
      note: (v) => `${v} cores`,
    }),
    num('bumpPct', {
      label: 'Renewal bump',
      help: 'How much the renewal price of a core may rise from one sale to the next.',
      bound: BOUNDS.bump,
      slider: { min: 0, max: 100, step: 0.5 },
      note: (v) => `${v}%`,
    }),
    selectField<ViewState, Params['renewalRule']>(
      store,
      {
        id: `${which}.rule`,
        label: 'Renewal price rule',
        help: 'RFC-149 (live): the next renewal price is the bumped price but never below the sale’s end price. Before it: only the bump.',
        options: [
          ['floorAtEndPrice', 'RFC-149 floor at the end price — live'],
          ['bumpOnly', 'Bump only — before RFC-149'],
        ],
        get: (s) => p(s).renewalRule,
        set: (s, v) => withParams(s, which, (x) => ({ ...x, renewalRule: v })),
      },
      refreshers,
    ),
  ]
}

/** The price the user's core was bought at. */
export const coreFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => [
  amountField(
    store,
    {
      id: 'paid',
      label: 'Your core was bought at',
      help: 'What you paid for your core. Its renewal price follows from this, sale by sale, under the renewal rule.',
      get: (s) => s.userPaid,
      set: (s, v) => ({ ...s, userPaid: v }),
    },
    refreshers,
  ),
]

const fill = (arr: number[], n: number): number[] =>
  Array.from({ length: n }, (_, i) => arr[i] ?? arr.at(-1) ?? 0)

/** The sale-by-sale table of renewals and purchases (sale 1 takes no renewals, and says so). */
const perSaleTable = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement => {
  const perSale = h('div', { class: 'per-sale' })
  const perSaleErrId = 'per-sale-err'
  const perSaleErr = h('p', { class: 'error', id: perSaleErrId, role: 'alert', 'data-error': 'perSale' })
  // what each invalid cell expected, in the order they went wrong; the first one is shown
  const cellErrors = new Map<string, string>()
  const showCellErrors = (): void => {
    perSaleErr.textContent = cellErrors.values().next().value ?? ''
  }
  let builtFor = ''
  refreshers.push((s) => {
    perSale.hidden = s.demand.mode !== 'perSale'
    const key = `${s.demand.mode}-${s.sales}`
    if (s.demand.mode !== 'perSale' || key === builtFor) {
      perSale.querySelectorAll<HTMLInputElement>('input[data-sale]').forEach((el) => {
        const i = Number(el.dataset.sale)
        const arr = el.dataset.kind === 'ren' ? s.demand.renewals : s.demand.purchases
        if (document.activeElement !== el && el.value !== String(arr[i] ?? 0)) {
          // the view's value replaces what was typed, and with it the mark and message
          el.value = String(arr[i] ?? 0)
          el.removeAttribute('aria-invalid')
          cellErrors.delete(el.getAttribute('aria-label') ?? '')
        }
      })
      showCellErrors()
      return
    }
    builtFor = key
    cellErrors.clear()
    showCellErrors()
    const cell = (kind: 'ren' | 'buy', i: number) => {
      const arr = kind === 'ren' ? s.demand.renewals : s.demand.purchases
      const label = `Sale ${i + 1} ${kind === 'ren' ? 'renewals' : 'purchases'}`
      if (kind === 'ren' && i === 0)
        // sale 1's region is still covered by the leases: the engine renews nothing into it
        return h(
          'span',
          { class: 'muted', 'data-sale': 0, 'data-kind': 'ren', title: 'No renewals in sale 1' },
          '—',
        )
      const bound = () => (kind === 'ren' ? renewalsBound(store.get().agents.renewers) : BOUNDS.purchases)
      const el = h('input', {
        type: 'number',
        min: 0,
        max: bound().max,
        step: 1,
        value: arr[i] ?? 0,
        'data-sale': i,
        'data-kind': kind,
        'aria-label': label,
        'aria-describedby': perSaleErrId,
      })
      el.addEventListener('change', () => {
        const v = parseNumber(el.value, bound())
        if (typeof v === 'string') {
          // nothing changes: the box keeps what was typed, marked and explained
          el.setAttribute('aria-invalid', 'true')
          cellErrors.delete(label)
          cellErrors.set(label, `${label}: ${v}`)
          showCellErrors()
          return
        }
        el.removeAttribute('aria-invalid')
        cellErrors.delete(label)
        showCellErrors()
        store.set((st) => {
          const key2 = kind === 'ren' ? 'renewals' : 'purchases'
          const next = [...st.demand[key2]]
          next[i] = v
          return { ...st, demand: { ...st.demand, [key2]: next } }
        })
      })
      return el
    }
    perSale.replaceChildren(
      h(
        'p',
        { class: 'help', 'data-testid': 'sale1-note' },
        'Sale 1 takes no renewals: the cores renewing into it are still on their leases, so the engine starts renewals in sale 2.',
      ),
      h(
        'table',
        { class: 'grid' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Sale'), h('th', {}, 'Renewals'), h('th', {}, 'Purchases'))),
        h(
          'tbody',
          {},
          ...Array.from({ length: s.sales }, (_, i) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, String(i + 1)),
              h('td', {}, cell('ren', i)),
              h('td', {}, cell('buy', i)),
            ),
          ),
        ),
      ),
      perSaleErr,
    )
  })
  return perSale
}

/** Sales to observe and demand (constant or sale by sale). */
export const demandFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => [
  numberField(
    store,
    {
      id: 'sales',
      label: 'Sales to observe',
      help: 'How many sales (one per region) to run through the engine.',
      bound: BOUNDS.sales,
      slider: { min: 1, max: BOUNDS.sales.max, step: 1 },
      get: (s) => s.sales,
      set: (s, v) => ({
        ...s,
        sales: v,
        demand:
          s.demand.mode === 'perSale'
            ? { ...s.demand, renewals: fill(s.demand.renewals, v), purchases: fill(s.demand.purchases, v) }
            : s.demand,
      }),
    },
    refreshers,
  ),
  selectField<ViewState, 'constant' | 'perSale'>(
    store,
    {
      id: 'demand',
      label: 'Demand',
      help: 'The same renewals and purchases every sale, or a number for each sale.',
      options: [
        ['constant', 'Constant every sale'],
        ['perSale', 'Sale by sale'],
      ],
      get: (s) => s.demand.mode,
      set: (s, v) => ({
        ...s,
        demand:
          v === 'perSale'
            ? {
                ...s.demand,
                mode: v,
                renewals: fill(s.demand.renewals, s.sales),
                purchases: fill(s.demand.purchases, s.sales),
              }
            : {
                ...s.demand,
                mode: v,
                renewals: [s.demand.renewals[0] ?? 0],
                purchases: [s.demand.purchases[0] ?? 0],
              },
      }),
    },
    refreshers,
  ),
  hiddenWhen(
    numberField(
      store,
      {
        id: 'renewals',
        label: 'Renewals per sale',
        help: `Parachains that renew their core in the interlude, from sale 2 (the first sale’s holders are still on leases). With the renewers below, at most ${MAX_LEASED.toLocaleString('en-US')} (the runtime’s leased cores).`,
        bound: (s) => renewalsBound(s.agents.renewers),
        slider: { min: 0, max: 100, step: 1 },
        get: (s) => s.demand.renewals[0] ?? 0,
        set: (s, v) => ({ ...s, demand: { ...s.demand, renewals: [v] } }),
      },
      refreshers,
    ),
    (s) => s.demand.mode !== 'constant',
    refreshers,
  ),
  hiddenWhen(
    numberField(
      store,
      {
        id: 'purchases',
        label: 'Purchases per sale',
        help: 'New cores bought on the open market in each sale; each is then renewed in the next one. More than the cores on offer are turned away.',
        bound: BOUNDS.purchases,
        slider: { min: 0, max: 100, step: 1 },
        get: (s) => s.demand.purchases[0] ?? 0,
        set: (s, v) => ({ ...s, demand: { ...s.demand, purchases: [v] } }),
      },
      refreshers,
    ),
    (s) => s.demand.mode !== 'constant',
    refreshers,
  ),
  perSaleTable(store, refreshers),
  numberField(
    store,
    {
      id: 'at',
      label: 'Buyers purchase at',
      help: 'How far through the lead-in buyers buy: 0% at the top price, 100% at the end price. The sellout price sets the next sale’s price.',
      bound: BOUNDS.at,
      slider: { min: 0, max: 100, step: 1 },
      get: (s) => s.demand.buyAtPct,
      set: (s, v) => ({ ...s, demand: { ...s.demand, buyAtPct: v } }),
      note: (v) => `${v}% of the lead-in`,
    },
    refreshers,
  ),
]

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

/** A second parameter set B, drawn beside A. */
export const compareFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => {
  const toggle = checkField<ViewState>(
    store,
    {
      id: 'compare',
      label: 'Compare with a second parameter set (B)',
      help: 'B starts as a copy of A with another price adapter; change any of its inputs below.',
      get: (s) => s.b !== null,
      set: (s, on) => ({
        ...s,
        b: on ? { ...s.a, adapter: s.a.adapter === 'Linear' ? 'MinimumPrice' : 'Linear' } : null,
      }),
    },
    refreshers,
  )
  const bFields = hiddenWhen(
    h('div', { class: 'b-fields' }, ...paramFields(store, 'b', refreshers)),
    (s) => s.b === null,
    refreshers,
  )
  return [toggle, bFields]
}

/** Monte Carlo runs and seed. */
export const mcFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => [
  numberField(
    store,
    {
      id: 'runs',
      label: 'Monte Carlo runs',
      help: 'Run the sales many times through the simulator, each run with its own random draws for the agents, and draw p5–p95 bands of what buyers paid and of the end price. 0 turns it off. Computed in background workers; the page stays usable.',
      bound: BOUNDS.runs,
      slider: { min: 0, max: 500, step: 10 },
      get: (s) => s.mc.runs,
      set: (s, v) => ({ ...s, mc: { ...s.mc, runs: v } }),
    },
    refreshers,
  ),
  numberField(
    store,
    {
      id: 'seed',
      label: 'Seed',
      help: 'Where the random draws start: the same seed gives the same agents, runs and bands. The main chart is the batch’s first run.',
      bound: BOUNDS.seed,
      slider: { min: 0, max: 1000, step: 1 },
      get: (s) => s.mc.seed,
      set: (s, v) => ({ ...s, mc: { ...s.mc, seed: v } }),
    },
    refreshers,
  ),
]

/** Blocks a day the parachain needs (bulk against on-demand). */
export const costFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => [
  numberField(
    store,
    {
      id: 'bpd',
      label: 'Blocks a day your parachain needs',
      help: 'A full core makes 14,400 blocks a day (one every 6 s). On-demand buys each block separately.',
      bound: BOUNDS.bpd,
      slider: { min: 0, max: 14_400, step: 60 },
      get: (s) => s.blocksPerDay,
      set: (s, v) => ({ ...s, blocksPerDay: v }),
      note: (v) => `${((v / 14_400) * 100).toFixed(1)}% of a core`,
    },
    refreshers,
  ),
]
