import { toHex } from './Hex'
import type { Shape } from './Shape'

/** A valid, non-trivial input for any shape (used to exercise every call). */
export const sampleInput = (s: Shape): unknown => {
  switch (s.kind) {
    case 'u8':
      return 7
    case 'u16':
      return 48
    case 'u32':
      return 322845
    case 'u64':
    case 'u128':
      return 92272712073n
    case 'compact':
      return s.big ? 10n ** 12n : 1005
    case 'bool':
      return true
    case 'option':
      return sampleInput(s.inner)
    case 'bytes':
      return toHex(new Uint8Array(s.length).map((_, i) => 0xf0 + i))
    case 'blob':
      return '0x0102'
    case 'account':
      return '5Eg2fntJ27qsari4FGrGhrMqKFDRnkNSR6UshkZYBGXmSuC8'
    case 'struct':
      return Object.fromEntries(s.fields.map(([n, f]) => [n, sampleInput(f)]))
    case 'enum': {
      const last = s.variants[s.variants.length - 1]!
      return last[2] ? { type: last[0], value: sampleInput(last[2]) } : last[0]
    }
    case 'vec':
      return [sampleInput(s.inner), sampleInput(s.inner)]
    case 'array':
      return Array.from({ length: s.length }, () => sampleInput(s.inner))
  }
}
