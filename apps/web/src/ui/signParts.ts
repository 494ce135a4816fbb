import { Hex, Ss58 } from '@coretime/core'
import { h } from './dom'

// Small pieces of the Sign and submit card (sign.ts, signAutoRenew.ts).

/** A labelled control with optional help. */
export const field = (label: string, control: HTMLElement, id: string, help?: string) =>
  h(
    'div',
    { class: 'field sign-field', 'data-for': id },
    h('div', { class: 'field-head' }, h('label', { for: id }, label)),
    control,
    help ? h('p', { class: 'help' }, help) : null,
  )

/** JSON with bigints as decimal strings and bytes as hex. */
export const json = (x: unknown): string =>
  JSON.stringify(x, (_k, v) =>
    typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Hex.toHex(v) : v,
  )

/** Two account ids the same, whatever their SS58 prefix or hex form (the chain's owners against the wallet's addresses). */
export const sameAccount = (owner: string | null, address: string): boolean => {
  if (owner === null) return false
  const a = Ss58.accountHex(owner)
  return a !== undefined && a === Ss58.accountHex(address)
}
