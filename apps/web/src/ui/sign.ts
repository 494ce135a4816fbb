import type { Para, Tx } from '@coretime/chain/browser'
import type { Snapshot } from '@coretime/chain/snapshot'
import * as Status from '@coretime/chain/status'
import { Calls, Hex, Token } from '@coretime/core'
import type { PolkadotClient, PolkadotSigner } from 'polkadot-api'
import { displayAmount } from '../display'
import { parseAmount } from '../state'
import { h } from './dom'
import { autoRenewPart } from './signAutoRenew'
import { field, json, sameAccount } from './signParts'

/**
 * "Sign and submit" (loaded with the live chain): a wallet extension the browser already has
 * (polkadot-api's `connectInjectedExtension`; no key is ever typed here), an action — renew, purchase,
 * assign, transfer, partition, interlace, fund the para's sovereign account, on-demand order (shown
 * only: a relay call) — then a review with the exact planck amount and the fee estimate before
 * signing, and the outcome: the events, or the pallet's error by name. Auto-renewal shows the XCM the
 * planner builds, copyable, and on a devnet submits `enable_auto_renew` as the sovereign account.
 */
export type InjectedAccount = {
  readonly address: string
  readonly name?: string
  readonly polkadotSigner: PolkadotSigner
}
export type SignDeps = {
  readonly Tx: typeof Tx
  readonly Para: typeof Para
  readonly client: PolkadotClient
  readonly extensions: () => string[]
  readonly connect: (name: string) => Promise<{ getAccounts(): InjectedAccount[] }>
  /** read the chain again now (Now and My parachain follow) */
  readonly refresh: () => Promise<unknown>
  /** the endpoint is a devnet (chopsticks' `dev_*` methods): submitting as a sovereign account is possible */
  readonly isDevnet: () => Promise<boolean>
}

type Action = 'renew' | 'purchase' | 'assign' | 'transfer' | 'partition' | 'interlace' | 'fund' | 'ondemand'
const ACTIONS: [Action, string][] = [
  ['renew', 'Renew a core'],
  ['purchase', 'Purchase a core'],
  ['assign', 'Assign a region to a task'],
  ['transfer', 'Transfer a region'],
  ['partition', 'Partition a region (in time)'],
  ['interlace', 'Interlace a region (split the core)'],
  ['fund', 'Fund the para’s sovereign account'],
  ['ondemand', 'On-demand order (relay chain)'],
]

type Built =
  | { ok: true; call: Tx.Call; amount: bigint; amountNote: string; describe: string }
  | { ok: false; message: string }

export const signCard = (deps: SignDeps) => {
  let snapshot: Snapshot | null = null
  let para: Para.View | null = null
  let accounts: InjectedAccount[] = []

  // ---- wallet ----------------------------------------------------------------------------------
  const extSelect = h('select', { id: 'sign-ext', 'data-field': 'sign.extension' })
  const connectBtn = h('button', { type: 'button', 'data-action': 'wallet-connect' }, 'Connect wallet')
  const accountSelect = h('select', { id: 'sign-account', 'data-field': 'sign.account', disabled: true })
  const walletNote = h('p', { class: 'help', 'data-testid': 'wallet-note' })
  const listExtensions = () => {
    const names = deps.extensions()
    extSelect.replaceChildren(...names.map((n) => h('option', { value: n }, n)))
    connectBtn.disabled = names.length === 0
    walletNote.textContent = names.length
      ? 'Your wallet extension signs; the page never sees a key.'
      : 'No wallet extension found in this browser (polkadot.js, Talisman, SubWallet… inject one).'
  }
  connectBtn.addEventListener('click', async () => {
    walletNote.textContent = `Asking ${extSelect.value}…`
    try {
      const ext = await deps.connect(extSelect.value)
      accounts = ext.getAccounts()
      accountSelect.replaceChildren(
        ...accounts.map((a) =>
          h('option', { value: a.address }, a.name ? `${a.name} — ${a.address}` : a.address),
        ),
      )
      accountSelect.disabled = accounts.length === 0
      walletNote.textContent = accounts.length
        ? `${accounts.length} account${accounts.length === 1 ? '' : 's'} from ${extSelect.value}.`
        : `${extSelect.value} shared no sr25519/ed25519/ecdsa account.`
      refreshFields()
    } catch (e) {
      walletNote.textContent = `Not connected: ${(e as Error)?.message ?? e}`
    }
  })
  const account = () => accounts.find((a) => a.address === accountSelect.value) ?? null
  accountSelect.addEventListener('change', () => refreshFields())

  // ---- action and its fields -------------------------------------------------------------------
  const action = h(
    'select',
    { id: 'sign-action', 'data-field': 'sign.action' },
    ...ACTIONS.map(([v, label]) => h('option', { value: v }, label)),
  )
  const text = (id: string, placeholder = '') =>
    h('input', {
      type: 'text',
      id,
      'data-field': `sign.${id.slice(5)}`,
      placeholder,
      autocomplete: 'off',
      spellcheck: false,
    })
  const core = text('sign-core', 'core')
  const limit = text('sign-limit', 'price limit')
  const region = h('select', { id: 'sign-region', 'data-field': 'sign.region' })
  const task = text('sign-task', 'para id')
  const finality = h(
    'select',
    { id: 'sign-finality', 'data-field': 'sign.finality' },
    h('option', { value: 'Final' }, 'Final'),
    h('option', { value: 'Provisional' }, 'Provisional'),
  )
  const owner = text('sign-owner', 'SS58 address')
  const pivot = text('sign-pivot', 'timeslice')
  const mask = text('sign-mask', '0x + 20 hex digits')
  const amount = text('sign-amount', 'amount')
  const fields: Record<string, HTMLElement> = {
    core: field('Core', core, 'sign-core', 'Renews at the price recorded for the core (its renewal record).'),
    limit: field(
      'Price limit',
      limit,
      'sign-limit',
      'The most you pay; the sale charges its price at the block the purchase lands in. Defaults to the price now.',
    ),
    region: field('Region', region, 'sign-region', 'Regions the chosen account owns.'),
    task: field('Task (para id)', task, 'sign-task'),
    finality: field('Finality', finality, 'sign-finality'),
    owner: field('New owner', owner, 'sign-owner'),
    pivot: field('Pivot (timeslice)', pivot, 'sign-pivot'),
    mask: field('Pivot mask (the part kept first)', mask, 'sign-mask'),
    amount: field('Amount', amount, 'sign-amount'),
  }
  const shown: Record<Action, string[]> = {
    renew: ['core'],
    purchase: ['limit'],
    assign: ['region', 'task', 'finality'],
    transfer: ['region', 'owner'],
    partition: ['region', 'pivot'],
    interlace: ['region', 'mask'],
    fund: ['amount'],
    ondemand: ['amount', 'task'],
  }
  const token = () => Token.of(snapshot?.network ?? 'polkadot')
  const show = (x: bigint) => `${displayAmount(x, token())} = ${x.toString()} planck`
  const regionsOf = (who: string | null) =>
    (snapshot?.broker.regions ?? []).filter((r) => who !== null && sameAccount(r.owner, who))

  const refreshFields = () => {
    const a = action.value as Action
    for (const [k, el] of Object.entries(fields)) el.hidden = !shown[a].includes(k)
    const s = snapshot
    if (!s) return
    if (core.value === '' && para?.core != null) core.value = String(para.core)
    if (task.value === '' && para) task.value = String(para.paraId)
    if (limit.dataset.touched !== '1') {
      const now = Status.of(s).sale?.priceNow
      limit.value = now === undefined ? '' : Token.format(now, token())
    }
    const who = account()?.address ?? null
    const current = region.value
    const mine = regionsOf(who)
    region.replaceChildren(
      ...(mine.length
        ? mine.map((r) =>
            h(
              'option',
              { value: `${r.begin}:${r.core}:${r.mask.toString()}` },
              `core ${r.core}, timeslices ${r.begin}–${r.end}, mask 0x${r.mask.toString(16).padStart(20, '0')}`,
            ),
          )
        : [h('option', { value: '' }, who ? 'this account owns no region' : 'connect a wallet first')]),
    )
    if ([...region.options].some((o) => o.value === current)) region.value = current
  }
  action.addEventListener('change', () => {
    reset()
    refreshFields()
  })
  limit.addEventListener('input', () => {
    limit.dataset.touched = '1'
  })

  const regionId = (): Tx.RegionId | null => {
    const [b, c, m] = region.value.split(':')
    return b && c && m ? { begin: Number(b), core: Number(c), mask: BigInt(m) } : null
  }
  const whole = (label: string, el: HTMLInputElement, max: number): number | string => {
    const t = el.value.trim()
    return /^\d+$/.test(t) && Number(t) <= max
      ? Number(t)
      : `${label}: expected a whole number from 0 to ${max.toLocaleString('en-US')}, got "${t}"`
  }

  /** the call of the chosen action, with the amount it moves (planck) and a sentence for it */
  const build = (): Built => {
    const s = snapshot
    if (!s) return { ok: false, message: 'no chain state yet' }
    const a = action.value as Action
    const sale = s.broker.saleInfo
    switch (a) {
      case 'renew': {
        const c = whole('Core', core, 65_535)
        if (typeof c === 'string') return { ok: false, message: c }
        const record =
          sale && s.broker.potentialRenewals.find((r) => r.core === c && r.when === sale.regionBegin)
        if (!record)
          return {
            ok: false,
            message: `Core ${c} has no renewal record for this sale's region: nothing to renew`,
          }
        return {
          ok: true,
          call: deps.Tx.calls.renew(c),
          amount: record.price,
          amountNote: 'the renewal price recorded for the core',
          describe: `Renew core ${c} into the region from timeslice ${record.when}`,
        }
      }
      case 'purchase': {
        const parsed = parseAmount(limit.value, s.network)
        if (!parsed.ok) return { ok: false, message: `Price limit: ${parsed.error.message}` }
        const p = parsed.value
        const now = Status.of(s).sale?.priceNow
        return {
          ok: true,
          call: deps.Tx.calls.purchase(p),
          amount: p,
          amountNote: `at most (the price limit); the price now is ${now === undefined ? 'unknown' : show(now)}`,
          describe: 'Purchase a core in this sale',
        }
      }
      case 'assign':
      case 'transfer':
      case 'partition':
      case 'interlace': {
        const id = regionId()
        if (!id) return { ok: false, message: 'Region: choose a region the account owns' }
        const none = { amount: 0n, amountNote: 'nothing moves but the fee' }
        if (a === 'assign') {
          const t = whole('Task', task, 0xffff_ffff)
          if (typeof t === 'string') return { ok: false, message: t }
          const fin = finality.value === 'Provisional' ? 'Provisional' : 'Final'
          return {
            ok: true,
            call: deps.Tx.calls.assign(id, t, fin),
            ...none,
            describe: `Assign the region to task ${t} (${fin})`,
          }
        }
        if (a === 'transfer') {
          const o = owner.value.trim()
          if (!/^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(o))
            return { ok: false, message: `New owner: expected an SS58 address, got "${o}"` }
          return {
            ok: true,
            call: deps.Tx.calls.transfer(id, o),
            ...none,
            describe: `Transfer the region to ${o}`,
          }
        }
        if (a === 'partition') {
          const p = whole('Pivot', pivot, 0xffff_ffff)
          if (typeof p === 'string') return { ok: false, message: p }
          return {
            ok: true,
            call: deps.Tx.calls.partition(id, p),
            ...none,
            describe: `Partition the region at timeslice ${p}`,
          }
        }
        const m = mask.value.trim()
        if (!/^0x[0-9a-fA-F]{20}$/.test(m))
          return { ok: false, message: `Pivot mask: expected 0x + 20 hex digits, got "${m}"` }
        return {
          ok: true,
          call: deps.Tx.calls.interlace(id, BigInt(m)),
          ...none,
          describe: `Interlace the region with the mask ${m}`,
        }
      }
      case 'fund': {
        if (!para) return { ok: false, message: 'Enter a para id under My parachain first' }
        const parsed = parseAmount(amount.value, s.network)
        if (!parsed.ok) return { ok: false, message: `Amount: ${parsed.error.message}` }
        const p = parsed.value
        return {
          ok: true,
          call: deps.Tx.calls.fund(para.sovereign.ss58, p),
          amount: p,
          amountNote: 'sent to the sovereign account',
          describe: `Fund para ${para.paraId}'s sovereign account ${para.sovereign.ss58}`,
        }
      }
      case 'ondemand':
        return { ok: false, message: 'ondemand' }
    }
  }

  // ---- review, sign, outcome -------------------------------------------------------------------
  const reviewBtn = h('button', { type: 'button', 'data-action': 'sign-review' }, 'Review')
  const signBtn = h(
    'button',
    { type: 'button', 'data-action': 'sign-submit', hidden: true },
    'Sign and submit',
  )
  const review = h('div', { class: 'sign-review', 'data-testid': 'sign-review' })
  const outcome = h('div', {
    class: 'sign-outcome',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'sign-outcome',
  })
  let pending: { call: Tx.Call; account: InjectedAccount } | null = null
  const reset = () => {
    pending = null
    signBtn.hidden = true
    review.replaceChildren()
  }

  const onDemandView = (s: Snapshot) => {
    const parsed = parseAmount(amount.value, s.network)
    const p = parsed.ok ? parsed.value : parsed.error.message
    const t = whole('Task', task, 0xffff_ffff)
    if (typeof p === 'string' || typeof t === 'string')
      return review.replaceChildren(
        h('p', { class: 'error' }, typeof p === 'string' ? `Amount: ${p}` : String(t)),
      )
    const built = Calls.build('on_demand.place_order_allow_death', { max_amount: p, para_id: t })
    if (!built.ok) return review.replaceChildren(h('p', { class: 'error' }, built.error.message))
    review.replaceChildren(
      h('p', {}, `On-demand order for para ${t}, paying at most ${show(p)}.`),
      h('pre', { class: 'calldata', 'data-testid': 'ondemand-call' }, Hex.toHex(Calls.encode(built.value))),
      h(
        'p',
        { class: 'help' },
        'This is a relay-chain call (OnDemand.place_order_allow_death; the pallet index is Polkadot’s): sign it against the relay with your wallet. It is only built here — a devnet has no relay runtime to send it to.',
      ),
    )
  }

  reviewBtn.addEventListener('click', async () => {
    reset()
    outcome.replaceChildren()
    const s = snapshot
    if (!s) return
    if (action.value === 'ondemand') return onDemandView(s)
    const who = account()
    if (!who) {
      review.replaceChildren(h('p', { class: 'error' }, 'Connect a wallet and choose an account first.'))
      return
    }
    const b = build()
    if (!b.ok) {
      review.replaceChildren(h('p', { class: 'error', 'data-testid': 'sign-invalid' }, b.message))
      return
    }
    review.replaceChildren(h('p', {}, 'Estimating the fee…'))
    const prepared = await deps.Tx.prepare(deps.client, b.call, who.address)
    if (!prepared.ok) {
      review.replaceChildren(h('p', { class: 'error' }, `${prepared.error.code}: ${prepared.error.message}`))
      return
    }
    review.replaceChildren(
      h('p', { class: 'sign-what' }, `${b.describe}, signed by ${who.name ?? who.address}.`),
      h(
        'dl',
        { class: 'now-set' },
        h(
          'div',
          { class: 'now-stat' },
          h('dt', {}, 'Call'),
          h('dd', { 'data-sign': 'call' }, `${b.call.pallet}.${b.call.name} ${json(b.call.args)}`),
        ),
        h(
          'div',
          { class: 'now-stat' },
          h('dt', {}, `Amount (${b.amountNote})`),
          h('dd', { 'data-sign': 'amount' }, show(b.amount)),
        ),
        h(
          'div',
          { class: 'now-stat' },
          h('dt', {}, 'Fee estimate'),
          h('dd', { 'data-sign': 'fee' }, show(prepared.value.fee)),
        ),
      ),
      h('pre', { class: 'calldata', 'data-sign': 'calldata' }, prepared.value.callData),
    )
    pending = { call: b.call, account: who }
    signBtn.hidden = false
  })

  const eventLine = (e: Tx.TxEvent) =>
    h('li', { 'data-event': `${e.pallet}.${e.name}` }, `${e.pallet}.${e.name} ${json(e.fields)}`)
  const submitWith = async (call: Tx.Call, signer: PolkadotSigner, who: string) => {
    reviewBtn.disabled = true
    signBtn.hidden = true
    outcome.className = 'sign-outcome'
    outcome.replaceChildren(h('p', {}, `Waiting for ${who} to sign…`))
    const r = await deps.Tx.submit(deps.client, call, signer, (step) => {
      if (step === 'broadcast') outcome.replaceChildren(h('p', {}, 'Sent; waiting for a block…'))
    })
    reviewBtn.disabled = false
    pending = null
    if (r.ok) {
      outcome.classList.add('ok')
      outcome.replaceChildren(
        h(
          'p',
          { 'data-testid': 'sign-result' },
          `Included in block #${r.block.number.toLocaleString('en-US')}.`,
        ),
        h('ul', { class: 'events' }, ...r.events.map(eventLine)),
      )
    } else {
      outcome.classList.add('failed')
      outcome.replaceChildren(
        h(
          'p',
          { class: 'error', 'data-testid': 'sign-result', 'data-code': r.error.code },
          r.error.code === 'Rejected'
            ? `Signing was cancelled in the wallet: nothing was sent, nothing changed (${r.error.message}).`
            : `${r.error.code}: ${r.error.message}${r.block ? ` (block #${r.block.number.toLocaleString('en-US')})` : ''}`,
        ),
        ...(r.events?.length ? [h('ul', { class: 'events' }, ...r.events.map(eventLine))] : []),
      )
    }
    if (r.ok || r.block) await deps.refresh()
  }
  signBtn.addEventListener('click', () => {
    if (!pending) return
    const { call, account: who } = pending
    void submitWith(call, who.polkadotSigner, who.name ?? who.address)
  })

  const auto = autoRenewPart({
    Tx: deps.Tx,
    Para: deps.Para,
    isDevnet: deps.isDevnet,
    show,
    submit: submitWith,
  })

  const element = h(
    'section',
    { class: 'card sign', 'aria-labelledby': 'h-sign', 'data-testid': 'sign' },
    h('h2', { id: 'h-sign' }, 'Sign and submit'),
    h('div', { class: 'field-row' }, h('label', { for: 'sign-ext' }, 'Wallet'), extSelect, connectBtn),
    h('div', { class: 'field-row' }, h('label', { for: 'sign-account' }, 'Account'), accountSelect),
    walletNote,
    h('div', { class: 'field-row' }, h('label', { for: 'sign-action' }, 'Action'), action),
    ...Object.values(fields),
    h('div', { class: 'field-row' }, reviewBtn, signBtn),
    review,
    outcome,
    ...auto.nodes,
  )
  listExtensions()
  refreshFields()

  return {
    element,
    update: (s: Snapshot) => {
      snapshot = s
      refreshFields()
    },
    setPara: (v: Para.View | null) => {
      para = v
      refreshFields()
      auto.setPara(v)
    },
  }
}
