import { Token } from '@coretime/core'
import { BLOCKS_PER_DAY } from '../../model/units'
import { formatAmount, MAX_AMOUNT, parseAmount, type ViewState } from '../../state'
import type { Store } from '../../store'
import { type Refresh as GenericRefresh, type NumberDef, textField } from '../fields'

/** What the input panels share: the refresh type, day units and the amount field. */

export type Refresh = GenericRefresh<ViewState>
export type Num = Omit<NumberDef<ViewState>, 'id' | 'get' | 'set'>

/** Timeslices (80 relay blocks) a day. */
export const TIMESLICES_PER_DAY = 180
export const days = (blocks: number): string => {
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
