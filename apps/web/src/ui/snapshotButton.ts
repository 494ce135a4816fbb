import type { Start } from '../snapshot'
import type { ViewState } from '../state'
import { h } from './dom'

/**
 * A "Load snapshot" file input; `apply` receives what was loaded, `report` a one-line note or error.
 * The snapshot schema (../snapshot) loads only when a file is picked, not with the page.
 */
export const snapshotButton = (
  current: () => ViewState,
  apply: (loaded: Start) => void,
  report: (message: string, ok: boolean) => void,
): HTMLElement => {
  const input = h('input', {
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'snapshot-file',
    class: 'sr-only',
    id: 'snapshot-file',
  })
  input.addEventListener('change', async () => {
    const file = input.files?.[0]
    if (!file) return
    const [{ fromSnapshotText }, text] = await Promise.all([import('../snapshot'), file.text()])
    const r = fromSnapshotText(text, current())
    input.value = ''
    if (r.ok) apply(r.value)
    report(r.ok ? r.value.note : r.error.message, r.ok)
  })
  return h(
    'label',
    { class: 'button ghost', for: 'snapshot-file', title: 'A file from `coretime snapshot`' },
    'Load snapshot',
    input,
  )
}
