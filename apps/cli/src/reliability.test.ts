import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Snapshot } from '@coretime/chain'
import { sample } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import { run } from './testing/inProcess'

/** Issue 17: every case its "Why" lists, with the new behaviour. In-process (`main`), one line on stderr. */

const dir = mkdtempSync(join(tmpdir(), 'coretime-rel-'))
let n = 0
const file = (text: string, ext = '.json'): string => {
  const f = join(dir, `f${n++}${ext}`)
  writeFileSync(f, text)
  return f
}
type Plain = {
  broker: { saleInfo: Record<string, unknown> }
}
/** The sample snapshot as a file, after `mutate` on its plain JSON. */
const snapshotFile = (mutate: (p: Plain) => void = () => {}): string => {
  const plain = Snapshot.toPlain(sample) as Plain
  mutate(plain)
  return file(JSON.stringify(plain))
}

/** A refusal: exit 2, nothing on stdout, one line on stderr, no stack. */
const refused = (r: { code: number | 'crash'; stdout: string; stderr: string }, message: RegExp | string) => {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stderr).toMatch(message)
}

describe('snapshot consistency (issue 17)', () => {
  const backwards = () =>
    snapshotFile((p) => {
      p.broker.saleInfo.regionEnd = 70
      p.broker.saleInfo.regionBegin = 28_246_791
    })

  test('default: a consistent snapshot is shown and simulated', async () => {
    const f = snapshotFile()
    expect((await run('status', '--snapshot', f)).code).toBe(0)
    expect((await run('simulate', '--from', f, '--sales', '2', '--json')).code).toBe(0)
  })

  test('error: a sale region ending before it begins — status and simulate --from refuse it', async () => {
    const f = backwards()
    const field =
      /^coretime: --snapshot: .*broker\.saleInfo\.regionEnd: must be after regionBegin \(28246791\), got 70\n$/
    refused(await run('status', '--snapshot', f), field)
    refused(await run('simulate', '--from', f), /broker\.saleInfo\.regionEnd: must be after regionBegin/)
  })

  test('error: more cores sold than offered', async () => {
    const f = snapshotFile((p) => {
      p.broker.saleInfo.coresSold = 999
    })
    refused(
      await run('status', '--snapshot', f),
      /broker\.saleInfo\.coresSold: must be at most coresOffered \(20\), got 999/,
    )
    refused(await run('simulate', '--from', f), /coresSold/)
    refused(await run('plan', '--para', '2031', '--snapshot', f), /coresSold/)
  })

  test('error: --saleinfo with more cores sold than offered', async () => {
    const sale = JSON.stringify({ ...(Snapshot.toPlain(sample) as Plain).broker.saleInfo, coresSold: 999 })
    refused(
      await run('plan', '--para', '2000', '--saleinfo', sale, '--reference-time', '2026-01-01T00:00:00Z'),
      /^coretime: --saleinfo: saleinfo\.coresSold: must be at most coresOffered/,
    )
  })
})

describe('one network per file (issue 17)', () => {
  test('default: plan reads the snapshot network when --network is not given', async () => {
    const r = await run('plan', '--para', '2031', '--snapshot', snapshotFile(), '--json')
    expect(r.code).toBe(0)
    const p = JSON.parse(r.stdout)
    expect(p.prices.renewalPrice).toBe('1300000000000') // 130 DOT, the record of core 12
  })

  test('error: plan and autorenew refuse --network kusama with a Polkadot snapshot', async () => {
    const f = snapshotFile()
    const message = /^coretime: --network: kusama does not match --snapshot .*, which is a polkadot state/
    refused(await run('plan', '--para', '2031', '--snapshot', f, '--network', 'kusama'), message)
    refused(await run('autorenew', '--para', '2031', '--snapshot', f, '--network', 'kusama'), message)
  })
})

describe('autorenew --snapshot reads the records plan finds (issue 17)', () => {
  test('default: the renewal record funds the first renewal; an existing auto-renewal is reported', async () => {
    const r = await run('autorenew', '--para', '2030', '--snapshot', snapshotFile(), '--json')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.core).toBe(11)
    expect(s.funds.renewals).toEqual(['950000000000']) // 95 DOT recorded for core 11
    expect(s.warnings.join('\n')).toMatch(/auto-renewal is already enabled for core 11 \(task 2030/)
    expect(s.warnings.join('\n')).not.toMatch(/renewal price unknown/)
  })

  test('error: a core without a renewal record is said to fail with NotAllowed', async () => {
    const r = await run('autorenew', '--para', '2031', '--core', '13', '--snapshot', snapshotFile(), '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).warnings.join('\n')).toMatch(
      /broker\.potentialRenewals has no entry for core 13 .*NotAllowed/,
    )
  })
})
