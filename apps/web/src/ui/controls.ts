import { Networks } from '@coretime/core'
import {
  type AdapterKind,
  type Agents,
  type BuyTiming,
  formatAmount,
  LINK_RANGE,
  MAX_SALES,
  type Params,
  parseAmount,
  parseNumber,
  type ValuationDist,
  type ViewState,
} from '../state'
import type { Store } from '../store'
import { h } from './dom'

type Which = 'a' | 'b'
const BLOCKS_PER_DAY = Networks.relayBlocksPerDay('polkadot')
const days = (blocks: number): string => {
  const d = blocks / BLOCKS_PER_DAY
  return `≈ ${d.toLocaleString('en-US', { maximumFractionDigits: 2 })} day${d === 1 ? '' : 's'}`
}

export interface NumberDef {
  id: string
  label: string
  help: string
  min: number
  max: number
  step: number
  /** Slider step when it differs from the box's (e.g. whole percent on the slider, 0.01 in the box). */
  sliderStep?: number
  /**
   * The box's range when wider than the slider's: what a link or a snapshot may set (LINK_RANGE).
   * The slider pins at its end; the box shows, takes and sends the exact value.
   */
  box?: { readonly min: number; readonly max: number }
  get(s: ViewState): number
  set(s: ViewState, v: number): ViewState
  note?(v: number): string
}

/** A refresher re-reads the store into the control (after a URL load or a network change). */
export type Refresh = (s: ViewState) => void

let seq = 0

/** A labelled slider with a number box beside it; arrow keys move the slider, typing sets the box. */
export const numberField = (store: Store<ViewState>, d: NumberDef, refreshers: Refresh[]): HTMLElement => {
  const id = `${d.id}-${seq++}`
  const helpId = `${id}-help`
  const errId = `${id}-err`
  const range = h('input', {
    type: 'range',
    id,
    min: d.min,
    max: d.max,
    step: d.sliderStep ?? d.step,
    'aria-describedby': helpId,
    'data-field': d.id,
  })
  const boxRange = { min: d.box?.min ?? d.min, max: d.box?.max ?? d.max, step: d.step }
  const box = h('input', {
    type: 'number',
    min: boxRange.min,
    max: boxRange.max,
    step: d.step,
    'aria-label': `${d.label} (exact value)`,
    'aria-describedby': `${helpId} ${errId}`,
    'data-field-box': d.id,
    class: 'box',
  })
  const note = h('span', { class: 'note', 'aria-live': 'polite' })
  const err = h('p', { class: 'error', id: errId, role: 'alert', 'data-error': d.id })
  const apply = (raw: string): void => {
    const v = parseNumber(raw, boxRange)
    if (typeof v === 'string') {
      // nothing changes: the box keeps what was typed, marked and explained
      box.setAttribute('aria-invalid', 'true')
      err.textContent = `${d.label}: ${v}`
      return
    }
    box.removeAttribute('aria-invalid')
    err.textContent = ''
    store.set((s) => d.set(s, v))
  }
  range.addEventListener('input', () => apply(range.value))
  box.addEventListener('change', () => apply(box.value))
  refreshers.push((s) => {
    const v = d.get(s)
    range.value = String(v)
    if (document.activeElement !== box) {
      box.value = String(v)
      box.removeAttribute('aria-invalid')
      err.textContent = ''
    }
    note.textContent = d.note ? d.note(v) : ''
  })
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, d.label), note),
    h('div', { class: 'field-row' }, range, box),
    err,
    h('p', { class: 'help', id: helpId }, d.help),
  )
}

export interface AmountDef {
  id: string
  label: string
  help: string
  get(s: ViewState): bigint
  set(s: ViewState, v: bigint): ViewState
}

/** An amount in tokens (exact: parsed to planck by @coretime/core's Token.parse). */
export const amountField = (store: Store<ViewState>, d: AmountDef, refreshers: Refresh[]): HTMLElement => {
  const id = `${d.id}-${seq++}`
  const helpId = `${id}-help`
  const errId = `${id}-err`
  const unit = h('span', { class: 'unit' })
  const input = h('input', {
    type: 'text',
    id,
    inputmode: 'decimal',
    'aria-describedby': `${helpId} ${errId}`,
    'data-field': d.id,
    class: 'amount',
  })
  const err = h('p', { class: 'error', id: errId, role: 'alert' })
  input.addEventListener('change', () => {
    const v = parseAmount(input.value, store.get().network)
    if (typeof v === 'string') {
      input.setAttribute('aria-invalid', 'true')
      err.textContent = `${d.label}: ${v}`
      return
    }
    input.removeAttribute('aria-invalid')
    err.textContent = ''
    store.set((s) => d.set(s, v))
  })
  refreshers.push((s) => {
    if (document.activeElement !== input) input.value = formatAmount(d.get(s), s.network)
    unit.textContent = Networks.get(s.network).token.symbol
  })
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, d.label)),
    h('div', { class: 'field-row' }, input, unit),
    err,
    h('p', { class: 'help', id: helpId }, d.help),
  )
}

export interface SelectDef<T extends string> {
  id: string
  label: string
  help: string
  options: [T, string][]
  get(s: ViewState): T
  set(s: ViewState, v: T): ViewState
}

export const selectField = <T extends string>(
  store: Store<ViewState>,
  d: SelectDef<T>,
  refreshers: Refresh[],
): HTMLElement => {
  const id = `${d.id}-${seq++}`
  const helpId = `${id}-help`
  const select = h(
    'select',
    { id, 'aria-describedby': helpId, 'data-field': d.id },
    ...d.options.map(([v, label]) => h('option', { value: v }, label)),
  )
  select.addEventListener('change', () => store.set((s) => d.set(s, select.value as T)))
  refreshers.push((s) => {
    select.value = d.get(s)
  })
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, d.label)),
    select,
    h('p', { class: 'help', id: helpId }, d.help),
  )
}

const withParams = (s: ViewState, which: Which, f: (p: Params) => Params): ViewState =>
  which === 'a' ? { ...s, a: f(s.a) } : s.b ? { ...s, b: f(s.b) } : s
const paramsOf = (s: ViewState, which: Which): Params => (which === 'a' ? s.a : (s.b ?? s.a))

/** Every broker parameter of set A or B, with a plain-words explanation each. */
export const paramFields = (store: Store<ViewState>, which: Which, refreshers: Refresh[]): HTMLElement[] => {
  const p = (s: ViewState) => paramsOf(s, which)
  const num = (key: keyof Params, def: Omit<NumberDef, 'id' | 'get' | 'set'>): HTMLElement =>
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
  const minField = amountField(
    store,
    {
      id: `${which}.min`,
      label: 'Minimum end price',
      help: 'MinimumPrice never lets a sale’s end price fall below this floor (10 DOT on Polkadot today).',
      get: (s) => p(s).minPrice,
      set: (s, v) => withParams(s, which, (x) => ({ ...x, minPrice: v })),
    },
    refreshers,
  )
  refreshers.push((s) => {
    minField.hidden = p(s).adapter !== 'MinimumPrice'
  })
  return [
    selectField<AdapterKind>(
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
      help: 'Relay blocks between the start of a sale and its lead-in, when only renewals happen.',
      min: 0,
      max: 201_600,
      step: 1,
      box: LINK_RANGE.interlude,
      sliderStep: 1_200,
      note: days,
    }),
    num('leadin', {
      label: 'Lead-in',
      help: 'Relay blocks over which the price falls from its top to the end price.',
      min: 1,
      max: 403_200,
      step: 1,
      box: LINK_RANGE.leadin,
      sliderStep: 1_200,
      note: days,
    }),
    num('regionLength', {
      label: 'Region length',
      help: 'Timeslices (80 relay blocks, 8 minutes) of coretime bought with one core; also the time between sales.',
      min: 80,
      max: 10_080,
      step: 1,
      box: LINK_RANGE.region,
      sliderStep: 80,
      note: (v) => days(v * 80),
    }),
    num('idealPct', {
      label: 'Ideal bulk proportion',
      help: 'The share of offered cores the sale aims to sell. RFC-1 Linear raises the price when more sell, lowers it when fewer.',
      min: 0,
      max: 100,
      step: 0.01,
      sliderStep: 1,
      note: (v) => `${v}%`,
    }),
    num('coreLimit', {
      label: 'Core limit',
      help: 'Cores offered in each sale (renewals and purchases together cannot exceed it).',
      min: 1,
      max: 100,
      step: 1,
      box: LINK_RANGE.limit,
      note: (v) => `${v} cores`,
    }),
    num('bumpPct', {
      label: 'Renewal bump',
      help: 'How much the renewal price of a core may rise from one sale to the next.',
      min: 0,
      max: 100,
      step: 0.01,
      sliderStep: 0.5,
      note: (v) => `${v}%`,
    }),
    selectField<Params['renewalRule']>(
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

/** Sales to observe, the user's core, and demand (constant or sale by sale). */
export const demandFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => {
  const perSale = h('div', { class: 'per-sale' })
  const perSaleErrId = `per-sale-err-${seq++}`
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
      const el = h('input', {
        type: 'number',
        min: LINK_RANGE.count.min,
        max: LINK_RANGE.count.max,
        step: 1,
        value: arr[i] ?? 0,
        'data-sale': i,
        'data-kind': kind,
        'aria-label': label,
        'aria-describedby': perSaleErrId,
      })
      el.addEventListener('change', () => {
        const v = parseNumber(el.value, { ...LINK_RANGE.count, step: 1 })
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
  const fill = (arr: number[], n: number): number[] =>
    Array.from({ length: n }, (_, i) => arr[i] ?? arr.at(-1) ?? 0)
  return [
    numberField(
      store,
      {
        id: 'sales',
        label: 'Sales to observe',
        help: 'How many sales (one per region) to run through the engine.',
        min: 1,
        max: MAX_SALES,
        step: 1,
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
    selectField<'constant' | 'perSale'>(
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
    withHidden(
      numberField(
        store,
        {
          id: 'renewals',
          label: 'Renewals per sale',
          help: 'Parachains that renew their core in the interlude (from sale 2: the first sale’s holders are still on leases).',
          min: 0,
          max: 100,
          step: 1,
          box: LINK_RANGE.count,
          get: (s) => s.demand.renewals[0] ?? 0,
          set: (s, v) => ({ ...s, demand: { ...s.demand, renewals: [v] } }),
        },
        refreshers,
      ),
      (s) => s.demand.mode !== 'constant',
      refreshers,
    ),
    withHidden(
      numberField(
        store,
        {
          id: 'purchases',
          label: 'Purchases per sale',
          help: 'New cores bought on the open market in each sale; each is then renewed in the next one.',
          min: 0,
          max: 100,
          step: 1,
          box: LINK_RANGE.count,
          get: (s) => s.demand.purchases[0] ?? 0,
          set: (s, v) => ({ ...s, demand: { ...s.demand, purchases: [v] } }),
        },
        refreshers,
      ),
      (s) => s.demand.mode !== 'constant',
      refreshers,
    ),
    perSale,
    numberField(
      store,
      {
        id: 'at',
        label: 'Buyers purchase at',
        help: 'How far through the lead-in buyers buy: 0% at the top price, 100% at the end price. The sellout price sets the next sale’s price.',
        min: 0,
        max: 100,
        step: 1,
        get: (s) => s.demand.buyAtPct,
        set: (s, v) => ({ ...s, demand: { ...s.demand, buyAtPct: v } }),
        note: (v) => `${v}% of the lead-in`,
      },
      refreshers,
    ),
  ]
}

const withHidden = (
  el: HTMLElement,
  hidden: (s: ViewState) => boolean,
  refreshers: Refresh[],
): HTMLElement => {
  refreshers.push((s) => {
    el.hidden = hidden(s)
  })
  return el
}

const withAgents = (s: ViewState, f: (a: Agents) => Agents): ViewState => ({ ...s, agents: f(s.agents) })

/** A checkbox with its explanation. */
const checkField = (
  store: Store<ViewState>,
  d: {
    id: string
    label: string
    help: string
    get(s: ViewState): boolean
    set(s: ViewState, v: boolean): ViewState
  },
  refreshers: Refresh[],
): HTMLElement => {
  const id = `${d.id}-${seq++}`
  const input = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-help`, 'data-field': d.id })
  input.addEventListener('change', () => store.set((s) => d.set(s, input.checked)))
  refreshers.push((s) => {
    input.checked = d.get(s)
  })
  return h(
    'div',
    { class: 'field check' },
    input,
    h('label', { for: id }, d.label),
    h('p', { class: 'help', id: `${id}-help` }, d.help),
  )
}

/**
 * The simulator's agents (@coretime/sim): renewers, new buyers, speculators and one large actor,
 * each with a plain-words explanation. An agent's own settings show once it takes part.
 */
export const agentFields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => {
  const shown = (el: HTMLElement, when: (a: Agents) => boolean): HTMLElement =>
    withHidden(el, (s) => !when(s.agents), refreshers)
  const num = (
    id: string,
    key: 'renewers' | 'forgetPct' | 'buyers' | 'timingPct' | 'speculators' | 'markup',
    def: Omit<NumberDef, 'id' | 'get' | 'set'>,
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
  const dist = (s: ViewState) => s.agents.valuation.dist
  const buying = (a: Agents) => a.buyers > 0
  return [
    num('ag.renewers', 'renewers', {
      label: 'Renewers',
      help: 'Parachains on a lease that ends before sale 2. From then on each renews its core every sale while the renewal price is within its limit — unless it forgets, and the core goes back on sale.',
      min: 0,
      max: 100,
      step: 1,
      box: LINK_RANGE.renewers,
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
        min: 0,
        max: 100,
        step: 0.01,
        sliderStep: 0.5,
        note: (v) => `${v}% a sale`,
      }),
      (a) => a.renewers > 0,
    ),
    num('ag.buyers', 'buyers', {
      label: 'New buyers per sale',
      help: 'Parachains looking for a core, on average per sale (each arrives in a random sale). A buyer buys once the price is within what a core is worth to it, then renews while the renewal price stays within that.',
      min: 0,
      max: 50,
      step: 1,
      note: (v) => (v === 0 ? 'none' : `≈ ${v} a sale`),
      box: LINK_RANGE.buyers,
    }),
    shown(
      selectField<ValuationDist>(
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
          get: dist,
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
          min: 0,
          max: 3,
          step: 0.01,
          sliderStep: 0.05,
          get: (s) => s.agents.valuation.sigma,
          set: (s, v) => withAgents(s, (a) => ({ ...a, valuation: { ...a.valuation, sigma: v } })),
        },
        refreshers,
      ),
      (a) => buying(a) && a.valuation.dist === 'lognormal',
    ),
    shown(
      selectField<BuyTiming>(
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
        min: 0,
        max: 100,
        step: 1,
        note: (v) => `${v}% of the lead-in`,
      }),
      (a) => buying(a) && a.timing === 'fraction',
    ),
    num('ag.specs', 'speculators', {
      label: 'Speculators',
      help: 'Each buys a core every sale at or below its limit and offers it, at a markup, to buyers who missed out in that sale.',
      min: 0,
      max: 20,
      step: 1,
      box: LINK_RANGE.specs,
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
        min: 1,
        max: 10,
        step: 0.01,
        sliderStep: 0.05,
        note: (v) => `× ${v}`,
      }),
      (a) => a.speculators > 0,
    ),
    checkField(
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
