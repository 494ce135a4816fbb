import { Networks } from '@coretime/core'
import { networkOptions } from '../../networkOptions'
import { defaultsFor, type Network, type ViewState } from '../../state'
import type { Store } from '../../store'
import { h } from '../dom'
import { selectField } from '../fields'
import type { Refresh } from './common'

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
