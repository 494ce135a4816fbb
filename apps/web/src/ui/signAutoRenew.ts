import type { Para, Tx } from '@coretime/chain/browser'
import type { PolkadotSigner } from 'polkadot-api'
import { h } from './dom'
import { field } from './signParts'

/**
 * Sign and submit's auto-renewal part: the XCM program the planner builds for the para's sudo or
 * governance (copyable), and on a devnet `enable_auto_renew` submitted as the sovereign account with
 * chopsticks' mock signature.
 */
export type AutoRenewDeps = {
  readonly Tx: typeof Tx
  readonly Para: typeof Para
  readonly isDevnet: () => Promise<boolean>
  /** an amount in the network's token and in planck */
  readonly show: (x: bigint) => string
  /** sign and submit a call, showing the outcome in the card */
  readonly submit: (call: Tx.Call, signer: PolkadotSigner, who: string) => Promise<void>
}

export const autoRenewPart = (deps: AutoRenewDeps) => {
  let para: Para.View | null = null
  const { show, submit } = deps
  const xcmIndex = h('input', {
    type: 'text',
    id: 'sign-xcm',
    'data-field': 'sign.xcmPallet',
    placeholder: 'e.g. 31',
    autocomplete: 'off',
  })
  const autoBody = h('div', { 'data-testid': 'autorenew' })
  const devnetBtn = h(
    'button',
    { type: 'button', 'data-action': 'autorenew-devnet', hidden: true },
    'Enable auto-renewal as the sovereign account (devnet)',
  )
  const copy = (label: string, value: string, id: string) => {
    const btn = h('button', { type: 'button', class: 'link' }, 'Copy')
    btn.addEventListener('click', () => void navigator.clipboard?.writeText(value).catch(() => {}))
    return h(
      'div',
      { class: 'copyable' },
      h('strong', {}, label),
      ' ',
      btn,
      h('pre', { class: 'calldata', 'data-auto': id }, value),
    )
  }
  const drawAuto = () => {
    if (!para) {
      autoBody.replaceChildren(
        h('p', { class: 'help' }, 'Enter a para id under My parachain to build its auto-renewal.'),
      )
      devnetBtn.hidden = true
      return
    }
    const t = xcmIndex.value.trim()
    const idx = /^\d+$/.test(t) && Number(t) <= 255 ? Number(t) : undefined
    const r = deps.Para.autoRenew(para, idx)
    if (!r.ok) {
      autoBody.replaceChildren(h('p', { class: 'error' }, r.error.message))
      devnetBtn.hidden = true
      return
    }
    const v = r.value
    autoBody.replaceChildren(
      h(
        'p',
        { class: 'help' },
        `The para's sudo or governance sends this XCM program to the Coretime chain; it runs broker.enable_auto_renew as the sovereign account ${v.sovereign.ss58}, which must hold ${show(v.funds.total)} (fee, ${v.funds.renewals.length} renewals, existential deposit). Weight and fee are assumed (refunded when unused).`,
      ),
      v.xcm.sendCall
        ? copy(`The para's polkadotXcm.send call (pallet index ${idx})`, v.xcm.sendCall, 'send')
        : h(
            'p',
            { class: 'help' },
            'Give the para’s XCM pallet index to get its polkadotXcm.send call data.',
          ),
      copy('enable_auto_renew call data (Coretime chain)', v.callData, 'call'),
      copy('XCM destination', v.xcm.destination, 'destination'),
      copy('XCM message', v.xcm.message, 'message'),
      ...(v.warnings.length ? [h('ul', {}, ...v.warnings.map((w) => h('li', {}, w)))] : []),
    )
  }
  xcmIndex.addEventListener('input', drawAuto)
  devnetBtn.addEventListener('click', () => {
    if (!para?.plan.ok || para.core === null) return
    const id = Uint8Array.from(para.sovereign.hex.slice(2).match(/../g) ?? [], (b) => Number.parseInt(b, 16))
    void submit(
      deps.Tx.calls.enableAutoRenew(para.core, para.paraId, para.plan.value.workloadEndHint.timeslice),
      deps.Tx.devnetSigner(id),
      `the sovereign account (devnet mock signature)`,
    )
  })
  let devnetIs = false
  void deps.isDevnet().then((yes) => {
    devnetIs = yes
    devnetBtn.hidden = !yes || !para
  })
  drawAuto()
  return {
    nodes: [
      h('h3', {}, 'Auto-renewal'),
      field('The para’s XCM pallet index', xcmIndex, 'sign-xcm', 'Optional: for the para-side send call.'),
      autoBody,
      devnetBtn,
      h(
        'p',
        { class: 'help' },
        'On a devnet the sovereign account signs with chopsticks’ mock signature (0xdeadbeef…), which only a devnet accepts.',
      ),
    ],
    setPara: (v: Para.View | null) => {
      para = v
      drawAuto()
      devnetBtn.hidden = !devnetIs || !v
    },
  }
}
