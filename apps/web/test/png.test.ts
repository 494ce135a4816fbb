import { Networks } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { defaultsFor } from '../src/state'
import { pngContent } from '../src/ui/results'

describe('the PNG’s words', () => {
  test.each(Networks.names)(
    'behavior: the title names the network (%s) and the subtitle its token',
    (network) => {
      const s = defaultsFor(network)
      const c = pngContent(s)
      expect(c.title).toBe(
        `Coretime Lab — ${Networks.get(network).label} bulk coretime sale price over ${s.sales} sales`,
      )
      expect(c.subtitle).toContain(`price scale in ${Networks.get(network).token.symbol}`)
    },
  )

  test('error: a Paseo chart is not titled Kusama', () => {
    const s = defaultsFor('paseo')
    expect(pngContent(s).title).not.toContain('Kusama')
  })
})
