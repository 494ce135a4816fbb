import type { Para } from '@coretime/chain/browser'
import type { Snapshot } from '@coretime/chain/snapshot'
import { Clock, Networks, Token } from '@coretime/core'
import { displayAmount } from '../display'
import { utcLabel } from './charts'
import { h } from './dom'

/**
 * "My parachain" (loaded with the live chain, not the page): a para id typed or picked from the paras
 * the chain knows, and what the chain and the planner say about it — its core now and next, a lease,
 * its renewal record and auto-renewal, its sibling sovereign account's balance against what the next
 * N renewals and the XCM fee need, the renewal deadline as a date, and the planner's warnings. Every
 * figure comes from `@coretime/chain`'s `Para` (core `Plan.plan`); this only renders.
 */
export type MyParaDeps = {
  readonly Para: typeof Para
  /** the sovereign account's free balance at the snapshot's block */
  readonly balance: (address: string, blockHash: string) => Promise<bigint>
  /** told when the para or its view changes (the signing card follows it) */
  readonly onView: (v: Para.View | null) => void
}

const TIME = (ms: number) => utcLabel(ms / 1000)

export const myParaCard = (deps: MyParaDeps) => {
  const input = h('input', {
    type: 'text',
    inputmode: 'numeric',
    id: 'para-id',
    'data-field': 'para.id',
    placeholder: 'e.g. 2000',
    autocomplete: 'off',
  })
  const known = h('select', { id: 'para-known', 'data-field': 'para.known' })
  const periods = h('input', {
    type: 'number',
    id: 'para-periods',
    min: 1,
    max: 100,
    value: 3,
    'data-field': 'para.periods',
  })
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'para-error' })
  const body = h('div', { class: 'para-body', 'data-testid': 'para-body' })
  const element = h(
    'section',
    { class: 'card para', 'aria-labelledby': 'h-para', 'data-testid': 'para' },
    h('h2', { id: 'h-para' }, 'My parachain'),
    h(
      'div',
      { class: 'field-row para-pick' },
      h('label', { for: 'para-id' }, 'Para id'),
      input,
      h('label', { for: 'para-known' }, 'or on this chain'),
      known,
      h('label', { for: 'para-periods' }, 'renewals to fund'),
      periods,
    ),
    h(
      'p',
      { class: 'help' },
      'The paras listed are those the Coretime chain holds work, a lease or a renewal right for; the manager of a para is recorded on the relay chain, which a devnet does not have.',
    ),
    error,
    body,
  )

  let snapshot: Snapshot | null = null
  let view: Para.View | null = null
  let seq = 0

  const paraId = (): number | null => {
    const t = input.value.trim()
    if (t === '') return null
    return /^\d+$/.test(t) && Number(t) <= 0xffff_ffff ? Number(t) : Number.NaN
  }

  const render = async () => {
    const s = snapshot
    if (!s) return
    const id = paraId()
    error.textContent = ''
    if (id === null) {
      view = null
      body.replaceChildren(h('p', { class: 'help' }, 'Enter a para id to see its core and renewal.'))
      deps.onView(null)
      return
    }
    if (Number.isNaN(id)) {
      error.textContent = `Para id: expected a whole number from 0 to 4,294,967,295, got "${input.value.trim()}"`
      return
    }
    const n = Number(periods.value)
    const count = Number.isInteger(n) && n >= 1 && n <= 100 ? n : 3
    const mine = ++seq
    let balance: bigint | undefined
    try {
      balance = await deps.balance(deps.Para.sovereignOf(s.network, id).ss58, s.coretime.blockHash)
    } catch {
      balance = undefined
    }
    if (mine !== seq) return
    view = deps.Para.of(s, id, { ...(balance === undefined ? {} : { balance }), periods: count })
    draw(s, view, balance)
    deps.onView(view)
  }

  const draw = (s: Snapshot, v: Para.View, balance: bigint | undefined) => {
    const t = Token.of(s.network)
    const f = (x: bigint) => `${displayAmount(x, t)} (${x.toString()} planck)`
    const TS = s.constants.timeslicePeriod
    const clock = {
      ...(s.relay
        ? { block: s.relay.block, timestamp: s.relay.timestamp }
        : { block: s.coretime.relayBlock, timestamp: s.coretime.timestamp ?? 0 }),
      blockMs: Networks.get(s.network).relay.blockMs,
    }
    const tsDate = (ts: number) => TIME(Clock.timeOf(clock, ts * TS))
    const row = (k: string, val: string, id: string) =>
      h('div', { class: 'now-stat' }, h('dt', {}, k), h('dd', { 'data-para': id }, val))
    const plan = v.plan.ok ? v.plan.value : null
    const renewal = v.renewals
      .map((r) => `core ${r.core}, region from timeslice ${r.when} (${tsDate(r.when)}), ${f(r.price)}`)
      .join('; ')
    const needed = plan?.funds.needed
    // the plan counts the assumed XCM fee while auto-renewal is off (as the auto-renewal card does)
    const feeCounted = plan?.warnings.some((w) => w.code === 'AutoRenewalMissing') ?? false
    body.replaceChildren(
      h(
        'dl',
        { class: 'now-set para-set' },
        row('Core now (workload)', v.coresNow.length ? v.coresNow.join(', ') : 'none', 'core-now'),
        row(
          'Core next (workplan)',
          v.next.length
            ? v.next
                .map((x) => `core ${x.core} from timeslice ${x.timeslice} (${tsDate(x.timeslice)})`)
                .join('; ')
            : 'none planned',
          'core-next',
        ),
        row('Lease', v.lease === null ? 'none' : `until timeslice ${v.lease} (${tsDate(v.lease)})`, 'lease'),
        row('Renewal record', renewal || 'none', 'renewal'),
        row(
          'Auto-renewal',
          v.autoRenewal
            ? `on, core ${v.autoRenewal.core}, next at timeslice ${v.autoRenewal.nextRenewal}`
            : 'off',
          'auto',
        ),
        row('Sovereign account (sibling)', v.sovereign.ss58, 'sovereign'),
        row('Its balance', balance === undefined ? 'not read' : f(balance), 'balance'),
        row(
          `Needed for the next ${plan?.prices.projection.length ?? '—'} renewals, the existential deposit${feeCounted ? ' and the XCM fee to enable auto-renewal' : ''}`,
          needed === undefined ? 'unknown (no renewal price)' : f(needed),
          'needed',
        ),
        row(
          'Renewal deadline',
          plan
            ? `${TIME(plan.renewal.deadline.timestamp)} (relay block ${plan.renewal.deadline.relayBlock.toLocaleString('en-US')})`
            : '—',
          'deadline',
        ),
        row(
          'Safe window (interlude)',
          plan
            ? `${TIME(plan.renewal.safeWindow.start.timestamp)} – ${TIME(plan.renewal.safeWindow.end.timestamp)}`
            : '—',
          'window',
        ),
      ),
      ...(plan?.prices.projection.length
        ? [
            h(
              'ul',
              { class: 'para-projection', 'data-testid': 'para-projection' },
              ...plan.prices.projection.map((p) =>
                h('li', {}, `region ${p.regionBegin}–${p.regionEnd}: ${displayAmount(p.price, t)}`),
              ),
            ),
          ]
        : []),
      h(
        'ul',
        { class: 'para-warnings', 'data-testid': 'para-warnings' },
        ...(v.plan.ok
          ? v.plan.value.warnings.map((w) => h('li', { 'data-code': w.code }, `${w.code}: ${w.message}`))
          : [h('li', {}, v.plan.error.message)]),
      ),
    )
  }

  input.addEventListener('input', () => void render())
  periods.addEventListener('input', () => void render())
  known.addEventListener('change', () => {
    if (known.value === '') return
    input.value = known.value
    void render()
  })

  const update = (s: Snapshot) => {
    snapshot = s
    const ids = deps.Para.parasOf(s)
    const current = known.value
    known.replaceChildren(
      h('option', { value: '' }, ids.length ? '—' : 'none found'),
      ...ids.map((id) => h('option', { value: String(id) }, String(id))),
    )
    known.value = ids.map(String).includes(current) ? current : ''
    void render()
  }
  return { element, update, view: () => view }
}
