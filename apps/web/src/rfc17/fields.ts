import type { ViewState } from '../state'
import type { Store } from '../store'
import { h } from '../ui/dom'
import { checkField, hiddenWhen, numberField } from '../ui/fields'
import { amountField, type Refresh } from '../ui/panels/common'
import { RFC17_BOUNDS, type Rfc17View, rfc17Defaults } from './state'

/** The Compare panel's "B = RFC-17 market" choice and RFC-17's parameters (the rest: the RFC's). */
export const rfc17Fields = (store: Store<ViewState>, refreshers: Refresh[]): HTMLElement[] => {
  const toggle = checkField<ViewState>(
    store,
    {
      id: 'rfc17',
      label: 'B = RFC-17 market',
      help: 'The same demand and agents, with the same seed, through RFC-17’s clearing-price market (docs/markets.md); compared sale by sale below the charts.',
      get: (s) => s.rfc17 !== null,
      set: (s, on) => ({ ...s, rfc17: on ? rfc17Defaults(s.a.startPrice) : null, b: on ? null : s.b }),
    },
    refreshers,
  )
  const r = (s: ViewState): Rfc17View => s.rfc17 ?? rfc17Defaults(s.a.startPrice)
  const with_ = (s: ViewState, x: Partial<Rfc17View>): ViewState => ({ ...s, rfc17: { ...r(s), ...x } })
  const fields = hiddenWhen(
    h(
      'div',
      { class: 'b-fields', 'data-testid': 'rfc17-fields' },
      amountField(
        store,
        {
          id: 'rfc17.reserve',
          label: 'RFC-17 reserve price (sale 1)',
          help: 'Where the first sale’s clock ends; later reserves follow consumption.',
          get: (s) => r(s).reserve,
          set: (s, v) => with_(s, { reserve: v }),
        },
        refreshers,
      ),
      numberField<ViewState>(
        store,
        {
          id: 'rfc17.penalty',
          label: 'Renewal penalty',
          help: 'Renewals pay the clearing price plus this when bidders and renewers outnumber the cores.',
          bound: RFC17_BOUNDS.penalty,
          slider: { min: 0, max: 100, step: 1 },
          note: (v) => `${v}%`,
          get: (s) => r(s).penaltyPct,
          set: (s, v) => with_(s, { penaltyPct: v }),
        },
        refreshers,
      ),
      numberField<ViewState>(
        store,
        {
          id: 'rfc17.k',
          label: 'K (reserve sensitivity)',
          help: 'The next reserve is reserve × e^(K × (consumption − target)).',
          bound: RFC17_BOUNDS.k,
          slider: { min: 0, max: 5, step: 0.5 },
          note: (v) => String(v),
          get: (s) => r(s).k,
          set: (s, v) => with_(s, { k: v }),
        },
        refreshers,
      ),
      numberField<ViewState>(
        store,
        {
          id: 'rfc17.target',
          label: 'Target consumption',
          help: 'The share of cores sold at which the reserve stays put.',
          bound: RFC17_BOUNDS.target,
          slider: { min: 50, max: 100, step: 1 },
          note: (v) => `${v}%`,
          get: (s) => r(s).targetPct,
          set: (s, v) => with_(s, { targetPct: v }),
        },
        refreshers,
      ),
      numberField<ViewState>(
        store,
        {
          id: 'rfc17.level',
          label: 'Clock level length',
          help: 'Hours each price level of the 14-day (336-hour) descending clock is held; a divisor of 336.',
          bound: RFC17_BOUNDS.level,
          slider: { min: 1, max: 48, step: 1 },
          note: (v) => `${v} h`,
          get: (s) => r(s).levelHours,
          set: (s, v) => with_(s, { levelHours: v }),
        },
        refreshers,
      ),
    ),
    (s) => s.rfc17 === null,
    refreshers,
  )
  return [toggle, fields]
}
