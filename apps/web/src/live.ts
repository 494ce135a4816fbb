import * as Endpoints from '@coretime/chain/endpoints'
import { Networks, Results } from '@coretime/core'
import type { Loaded, Start } from './snapshot'
import type { ViewState } from './state'
import { h } from './ui/dom'

/**
 * Live state as the starting point: `@coretime/chain`'s reader, run in the browser over the page's
 * own WebSocket against the endpoints the user gives, then mapped to the view exactly as a snapshot
 * file is (`fromSnapshot`). polkadot-api is loaded only when a read starts.
 */

/** A read in the browser: one retry, and a hint that fits a page rather than the CLI's `--timeout`. */
const TIMEOUT_MS = 30_000
const RETRIES = 1

export type LiveOptions = {
  readonly network: Networks.Network
  readonly coretime: string
  readonly relay: string
  readonly signal?: AbortSignal
  readonly onRetry?: (message: string) => void
}

/** Reads the chain and maps it; every failure is data (`LoadError`, one line in `message`), never a throw. */
export const readLive = async (o: LiveOptions, base: ViewState): Promise<Loaded> => {
  const failed = 'Live state not loaded'
  // no relay endpoint: a devnet (the Coretime chain alone, dates from its own clock, any genesis)
  const noRelay = o.relay.trim() === ''
  for (const [label, url] of [
    ['Coretime chain', o.coretime],
    ...(noRelay ? [] : ([['relay', o.relay]] as const)),
  ] as const)
    if (!Endpoints.isValid(url.trim()))
      return Results.fail({
        code: 'InvalidEndpoint',
        message: `${failed}: ${label} endpoint: expected a ws:// or wss:// URL, got "${url.trim()}"`,
      })
  try {
    // polkadot-api and the snapshot schema load only when a read starts (not on the first load)
    const [{ read }, { fromSnapshot }] = await Promise.all([
      import('@coretime/chain/browser'),
      import('./snapshot'),
    ])
    const snapshot = await read({
      network: o.network,
      endpoints: { coretime: o.coretime.trim(), relay: o.relay.trim() },
      ...(noRelay && { noRelay: true, anyChain: true }),
      timeoutMs: TIMEOUT_MS,
      retries: RETRIES,
      timeoutAdvice: 'the endpoint may be overloaded or not a full node; try again or another endpoint',
      ...(o.signal && { signal: o.signal }),
      ...(o.onRetry && {
        onRetry: ({ error, delayMs }) =>
          o.onRetry?.(`${error.message}; retrying in ${Math.round(delayMs / 1000)} s…`),
      }),
    })
    return fromSnapshot(snapshot, base, { loaded: 'Read live', failed })
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown }
    if (err.code === 'Aborted') return Results.fail({ code: 'Aborted', message: `${failed}: cancelled` })
    return Results.fail({
      code: 'ChainUnreadable',
      chainCode: typeof err.code === 'string' ? err.code : null,
      message: `${failed}: ${String(err.message ?? e)}`,
    })
  }
}

/** The endpoints of a successful read, for following the chain from then on (`live/session.ts`). */
export type FollowTarget = {
  readonly network: Networks.Network
  readonly coretime: string
  readonly relay?: string
}

/**
 * The "Live chain" panel: the two endpoints (the network's public defaults offered), a read button
 * that becomes Cancel while reading, the result or the error under it. The endpoints follow the
 * network input until the user edits them. After a read, `follow` gets the endpoints (the page follows new blocks).
 */
export const liveLoader = (
  current: () => ViewState,
  apply: (loaded: Start) => void,
  report: (message: string, ok: boolean) => void,
  follow: (target: FollowTarget) => void = () => {},
): { element: HTMLElement; refresh: (s: ViewState) => void } => {
  const field = (id: string, label: string, which: 'coretime' | 'relay') => {
    const input = h('input', {
      type: 'text',
      id,
      list: `${id}-defaults`,
      spellcheck: false,
      autocomplete: 'off',
      'data-field': `live.${which}`,
      class: 'endpoint',
    })
    const list = h(
      'datalist',
      { id: `${id}-defaults` },
      ...Networks.names.map((n) =>
        h('option', { value: Endpoints.defaults[n][which] }, `${n} (public default)`),
      ),
    )
    const el = h(
      'div',
      { class: 'field' },
      h('div', { class: 'field-head' }, h('label', { for: id }, label)),
      input,
      list,
    )
    return { input, el }
  }
  const coretime = field('live-coretime', 'Coretime chain endpoint', 'coretime')
  const relay = field('live-relay', 'Relay chain endpoint (empty for a devnet)', 'relay')
  const button = h('button', { type: 'button', 'data-action': 'live' }, 'Read live state')
  const result = h('p', { class: 'help', 'aria-live': 'polite', 'data-testid': 'live-result' })
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'live-error' })
  const networkNote = h('span', {})

  let network: Networks.Network | null = null
  const refresh = (s: ViewState) => {
    networkNote.textContent = Networks.get(s.network).label
    if (s.network === network) return
    network = s.network
    // follow the network unless the user typed an endpoint of their own
    for (const [f, which] of [
      [coretime, 'coretime'],
      [relay, 'relay'],
    ] as const) {
      const v = f.input.value.trim()
      if (v === '' || Object.values(Endpoints.defaults).some((d) => d[which] === v))
        f.input.value = Endpoints.defaults[s.network][which]
    }
  }

  let reading: AbortController | null = null
  button.addEventListener('click', async () => {
    if (reading) {
      reading.abort()
      return
    }
    const ac = new AbortController()
    reading = ac
    button.textContent = 'Cancel'
    error.textContent = ''
    result.textContent = `Connecting to ${[coretime.input.value.trim(), relay.input.value.trim()].filter(Boolean).join(' and ')}…`
    const base = current()
    const r = await readLive(
      {
        network: base.network,
        coretime: coretime.input.value,
        relay: relay.input.value,
        signal: ac.signal,
        onRetry: (m) => {
          result.textContent = m
        },
      },
      base,
    )
    reading = null
    button.textContent = 'Read live state'
    if (r.ok) {
      apply(r.value)
      result.textContent = r.value.note
      const relayUrl = relay.input.value.trim()
      follow({
        network: base.network,
        coretime: coretime.input.value.trim(),
        ...(relayUrl === '' ? {} : { relay: relayUrl }),
      })
    } else {
      result.textContent = ''
      error.textContent = r.error.message
    }
    report(r.ok ? r.value.note : r.error.message, r.ok)
  })

  const element = h(
    'div',
    { class: 'live', 'data-testid': 'live' },
    h(
      'p',
      { class: 'help intro' },
      'Start from the sale in progress on the ',
      networkNote,
      ' Coretime chain, as Load snapshot does. ',
      h(
        'strong',
        {},
        'Your browser connects to these endpoints directly over WebSocket (no server of ours in between);',
      ),
      ' they must speak the new JSON-RPC spec and serve the network chosen above (checked by genesis hash). Leave the relay empty for a devnet (`coretime devnet`). After a read the page follows new blocks.',
    ),
    coretime.el,
    relay.el,
    h('div', { class: 'field-row' }, button),
    result,
    error,
  )
  return { element, refresh }
}
