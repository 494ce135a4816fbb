import { BOUNDS, MAX_LEASED, parseNumber, renewalsBound, type ViewState } from '../../state'
import type { Store } from '../../store'
import { h } from '../dom'
import { hiddenWhen, numberField, selectField } from '../fields'
import { amountField, type Refresh } from './common'

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
        const r = parseNumber(el.value, bound())
        if (!r.ok) {
          // nothing changes: the box keeps what was typed, marked and explained
          el.setAttribute('aria-invalid', 'true')
          cellErrors.delete(label)
          cellErrors.set(label, `${label}: ${r.error.message}`)
          showCellErrors()
          return
        }
        el.removeAttribute('aria-invalid')
        cellErrors.delete(label)
        showCellErrors()
        store.set((st) => {
          const key2 = kind === 'ren' ? 'renewals' : 'purchases'
          const next = [...st.demand[key2]]
          next[i] = r.value
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
