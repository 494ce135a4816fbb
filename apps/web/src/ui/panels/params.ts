import { BLOCKS_PER_DAY } from '../../model/units'
import { type AdapterKind, BOUNDS, type Params, type ViewState } from '../../state'
import type { Store } from '../../store'
import { h } from '../dom'
import { checkField, hiddenWhen, numberField, selectField } from '../fields'
import { amountField, days, type Num, type Refresh, TIMESLICES_PER_DAY } from './common'

type Which = 'a' | 'b'

const withParams = (s: ViewState, which: Which, f: (p: Params) => Params): ViewState =>
  which === 'a' ? { ...s, a: f(s.a) } : s.b ? { ...s, b: f(s.b) } : s
const paramsOf = (s: ViewState, which: Which): Params => (which === 'a' ? s.a : (s.b ?? s.a))

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
        rfc17: on ? null : s.rfc17, // B is one or the other (src/rfc17)
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
