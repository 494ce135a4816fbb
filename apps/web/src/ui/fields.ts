import type { Failure, Result } from '@coretime/core'
import { type Bound, describeBound, parseNumber } from '../state'
import type { Store } from '../store'
import { h } from './dom'

/**
 * Generic inputs over any store: a labelled slider with exact-value boxes, an amount in tokens, a
 * select, a checkbox. Each reads its value with `get`, writes with `set`, refuses what `parse` or
 * its bound refuses (marked and explained under it; nothing changes), and is refreshed from the
 * store by the refreshers the panels collect. They know nothing of the coretime view.
 */

/** A refresher re-reads the store into the control (after a link, a load or a network change). */
export type Refresh<S> = (s: S) => void

export interface Binding<S, T> {
  get(s: S): T
  set(s: S, v: T): S
}

let seq = 0
const uid = (id: string): string => `${id.replace(/[^\w-]/g, '-')}-${seq++}`

const fieldShell = (
  id: string,
  label: string,
  help: string,
  helpId: string,
  control: HTMLElement,
  extra: { note?: HTMLElement; err?: HTMLElement; bounds?: string } = {},
): HTMLElement =>
  h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, label), extra.note),
    control,
    extra.err,
    h(
      'p',
      { class: 'help', id: helpId },
      help,
      extra.bounds ? h('span', { class: 'bounds' }, ` ${extra.bounds}`) : null,
    ),
  )

export interface NumberDef<S> extends Binding<S, number> {
  id: string
  label: string
  help: string
  /** What the engine accepts (the boxes take all of it); a function when it depends on the view. */
  bound: Bound | ((s: S) => Bound)
  /** The slider's usual range and step; its positions are multiples of `step` (round values). */
  slider: { min: number; max: number; step: number }
  /** A second box in another unit: `per` of the value make one of it (14,400 blocks a day). */
  alt?: { unit: string; per: number }
  note?(v: number): string
}

/**
 * A slider with a box for the exact value (and optionally a box in days). Slider positions are
 * multiples of its step from 0, so it lands on round values; below the bound's minimum it gives
 * the minimum. The box takes the bound's whole range; beyond the slider's range the slider pins.
 */
export const numberField = <S>(store: Store<S>, d: NumberDef<S>, refreshers: Refresh<S>[]): HTMLElement => {
  const id = uid(d.id)
  const helpId = `${id}-help`
  const errId = `${id}-err`
  const boundOf = (): Bound => (typeof d.bound === 'function' ? d.bound(store.get()) : d.bound)
  const sliderMin = Math.floor(d.slider.min / d.slider.step) * d.slider.step
  const range = h('input', {
    type: 'range',
    id,
    min: sliderMin,
    max: d.slider.max,
    step: d.slider.step,
    'aria-describedby': helpId,
    'data-field': d.id,
  })
  const b0 = boundOf()
  const box = h('input', {
    type: 'number',
    min: b0.min,
    max: b0.max,
    step: b0.step,
    'aria-label': `${d.label} (exact value)`,
    'aria-describedby': `${helpId} ${errId}`,
    'data-field-box': d.id,
    class: 'box',
  })
  const altBox = d.alt
    ? h('input', {
        type: 'number',
        min: 0,
        step: 0.01,
        'aria-label': `${d.label} in ${d.alt.unit}`,
        'aria-describedby': `${helpId} ${errId}`,
        'data-field-alt': d.id,
        class: 'box alt',
      })
    : null
  const note = h('span', { class: 'note', 'aria-live': 'polite' })
  const err = h('p', { class: 'error', id: errId, role: 'alert', 'data-error': d.id })
  const bounds = h('span', { class: 'bounds' })
  const fail = (el: HTMLInputElement, message: string): void => {
    // nothing changes: the box keeps what was typed, marked and explained
    el.setAttribute('aria-invalid', 'true')
    err.textContent = `${d.label}: ${message}`
  }
  const apply = (v: number): void => {
    box.removeAttribute('aria-invalid')
    altBox?.removeAttribute('aria-invalid')
    err.textContent = ''
    store.set((s) => d.set(s, v))
  }
  range.addEventListener('input', () => {
    const b = boundOf()
    apply(Math.min(b.max, Math.max(b.min, Number(range.value))))
  })
  box.addEventListener('change', () => {
    const r = parseNumber(box.value, boundOf())
    if (r.ok) apply(r.value)
    else fail(box, r.error.message)
  })
  altBox?.addEventListener('change', () => {
    const alt = d.alt
    if (!alt) return
    const b = boundOf()
    const text = altBox.value.trim()
    const days = Number(text)
    const expected = `expected ${fmtAlt(b.min / alt.per)} to ${fmtAlt(b.max / alt.per)} ${alt.unit}`
    if (text === '' || !Number.isFinite(days)) return fail(altBox, `${expected}, got "${text}"`)
    const v = Math.round(days * alt.per)
    if (v < b.min || v > b.max) return fail(altBox, `${expected}, got ${text}`)
    apply(v)
  })
  // the view's value and bound last shown: a refresh that changes neither, with nothing marked,
  // would write what is there (every field refreshes on every change; a slider move stays cheap)
  let shown = ''
  refreshers.push((s) => {
    const v = d.get(s)
    const b = typeof d.bound === 'function' ? d.bound(s) : d.bound
    const key = `${v}|${b.min}|${b.max}|${b.step}`
    const marked = box.hasAttribute('aria-invalid') || altBox?.hasAttribute('aria-invalid') || err.textContent
    if (key === shown && !marked) return
    shown = key
    range.value = String(v)
    box.max = String(b.max)
    bounds.textContent = `Takes ${describeBound(b).replace(/^a /, '')}${d.alt ? ` (${fmtAlt(b.min / d.alt.per)} to ${fmtAlt(b.max / d.alt.per)} ${d.alt.unit})` : ''}.`
    // what the user is typing in stays; the other box follows the view
    const focused = document.activeElement
    if (focused !== box) {
      box.value = String(v)
      box.removeAttribute('aria-invalid')
    }
    if (altBox && d.alt && focused !== altBox) {
      altBox.value = String(Math.round((v / d.alt.per) * 100) / 100)
      altBox.removeAttribute('aria-invalid')
    }
    if (focused !== box && focused !== altBox) err.textContent = ''
    note.textContent = d.note ? d.note(v) : ''
  })
  const row = h(
    'div',
    { class: 'field-row' },
    range,
    box,
    altBox
      ? h('span', { class: 'unit-pair' }, altBox, h('span', { class: 'unit' }, d.alt?.unit ?? ''))
      : null,
  )
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, d.label), note),
    row,
    err,
    h('p', { class: 'help', id: helpId }, d.help, ' ', bounds),
  )
}

const fmtAlt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 })

export interface TextDef<S, T> extends Binding<S, T> {
  id: string
  label: string
  help: string
  /** The text shown for a value. */
  format(v: T, s: S): string
  /** Text typed → the value, or why not (`message`: what was expected). */
  parse(text: string, s: S): Result<T, Failure>
  /** A unit written after the box. */
  unit?(s: S): string
  bounds?(s: S): string
}

/** A text box for an exact value (amounts in tokens: parsed to planck). */
export const textField = <S, T>(store: Store<S>, d: TextDef<S, T>, refreshers: Refresh<S>[]): HTMLElement => {
  const id = uid(d.id)
  const helpId = `${id}-help`
  const errId = `${id}-err`
  const unit = h('span', { class: 'unit' })
  const bounds = h('span', { class: 'bounds' })
  const input = h('input', {
    type: 'text',
    id,
    inputmode: 'decimal',
    'aria-describedby': `${helpId} ${errId}`,
    'data-field': d.id,
    class: 'amount',
  })
  const err = h('p', { class: 'error', id: errId, role: 'alert', 'data-error': d.id })
  input.addEventListener('change', () => {
    const r = d.parse(input.value, store.get())
    if (!r.ok) {
      input.setAttribute('aria-invalid', 'true')
      err.textContent = `${d.label}: ${r.error.message}`
      return
    }
    input.removeAttribute('aria-invalid')
    err.textContent = ''
    store.set((s) => d.set(s, r.value))
  })
  let shown = ''
  refreshers.push((s) => {
    // unchanged value and unit, nothing marked: what is shown stays (see numberField)
    const key = `${d.get(s)}|${d.unit?.(s) ?? ''}`
    if (key === shown && !input.hasAttribute('aria-invalid') && !err.textContent) return
    shown = key
    if (document.activeElement !== input) {
      input.value = d.format(d.get(s), s)
      input.removeAttribute('aria-invalid')
      err.textContent = ''
    }
    unit.textContent = d.unit?.(s) ?? ''
    bounds.textContent = d.bounds?.(s) ?? ''
  })
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, d.label)),
    h('div', { class: 'field-row' }, input, unit),
    err,
    h('p', { class: 'help', id: helpId }, d.help, ' ', bounds),
  )
}

export interface SelectDef<S, T extends string> extends Binding<S, T> {
  id: string
  label: string
  help: string
  options: readonly (readonly [T, string])[]
}

export const selectField = <S, T extends string>(
  store: Store<S>,
  d: SelectDef<S, T>,
  refreshers: Refresh<S>[],
): HTMLElement => {
  const id = uid(d.id)
  const helpId = `${id}-help`
  const select = h(
    'select',
    { id, 'aria-describedby': helpId, 'data-field': d.id },
    ...d.options.map(([v, label]) => h('option', { value: v }, label)),
  )
  select.addEventListener('change', () => store.set((s) => d.set(s, select.value as T)))
  refreshers.push((s) => {
    select.value = d.get(s)
  })
  return fieldShell(id, d.label, d.help, helpId, select)
}

export interface CheckDef<S> extends Binding<S, boolean> {
  id: string
  label: string
  help: string
}

/** A checkbox with its explanation. */
export const checkField = <S>(store: Store<S>, d: CheckDef<S>, refreshers: Refresh<S>[]): HTMLElement => {
  const id = uid(d.id)
  const input = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-help`, 'data-field': d.id })
  input.addEventListener('change', () => store.set((s) => d.set(s, input.checked)))
  refreshers.push((s) => {
    input.checked = d.get(s)
  })
  return h(
    'div',
    { class: 'field check' },
    input,
    h('label', { for: id }, d.label),
    h('p', { class: 'help', id: `${id}-help` }, d.help),
  )
}

/** Hides `el` whenever `hidden(s)`. */
export const hiddenWhen = <S>(
  el: HTMLElement,
  hidden: (s: S) => boolean,
  refreshers: Refresh<S>[],
): HTMLElement => {
  refreshers.push((s) => {
    el.hidden = hidden(s)
  })
  return el
}
