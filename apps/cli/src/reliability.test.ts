import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Snapshot } from '@coretime/chain'
import { sample } from '@coretime/chain/testing'
import { SaleInfo } from '@coretime/core'
import { describe, expect, test } from 'vitest'
import { run } from './testing/inProcess'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

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

const conformance = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../test-fixtures/conformance/${name}.json`, import.meta.url)),
    'utf8',
  )
const scenario = (start: Record<string, unknown>, buyer: Record<string, unknown> = {}) =>
  file(
    JSON.stringify({
      horizon: 2,
      start,
      demand: {
        agents: [{ kind: 'buyer', count: 2, valuation: { dist: 'fixed', value: '100 DOT' }, ...buyer }],
      },
    }),
  )

describe('bounds (issue 17)', () => {
  test('default: a scenario at the u16 edge of cores is accepted', async () => {
    const r = await run('simulate', scenario({ extraCores: 3 }), '--json')
    expect(r.code).toBe(0)
  })

  test('error: extraCores that would wrap the u16 core count (100000 → 34464, 65536 → 0)', async () => {
    for (const extraCores of [100_000, 65_536])
      refused(
        await run('simulate', scenario({ extraCores })),
        new RegExp(
          `start\\.extraCores: leases \\+ reservations \\+ extraCores is the core count, a u16: at most 65535, got 0 \\+ 0 \\+ ${extraCores}`,
        ),
      )
    refused(await run('simulate', scenario({ extraCores: 65_535, reservations: 1 })), /= 65536/)
  })

  test('error: simulate --runs and --workers beyond what the machine can do, before any work', async () => {
    refused(
      await run('simulate', '--runs', '100000000'),
      /^coretime: --runs: 100000000 runs × 13 sales = 1300000000 simulated sales; at most 1000000 in one process \(lower --runs or --sales, or split the batch with --shard\)\n$/,
    )
    refused(
      await run('simulate', '--runs', '100000'),
      /--runs: 100000 runs × 13 sales = 1300000 simulated sales; at most 1000000/,
    )
    refused(await run('simulate', '--workers', '1000', '--runs', '5'), /--workers: at most 64/)
    refused(
      await run('simulate', '--sweep', 'start.extraCores=1,2,3', '--runs', '100000'),
      /^coretime: --sweep: 300000 runs/,
    )
  })

  test('error: a trace step at block 4294967295 is refused at once, naming the step and the limit', async () => {
    const t = JSON.parse(conformance('purchase_works'))
    t.steps.push({ block: 4_294_967_295 })
    const t0 = performance.now()
    refused(
      await run('replay', file(JSON.stringify(t))),
      /: step 5 \(block 4294967295\) is more than 500000 timeslices after the start .*replay is limited to 500000 timeslices/,
    )
    expect(performance.now() - t0).toBeLessThan(5_000)
  })

  test('behavior: a long replay summary counts events instead of keeping them; the same summary', async () => {
    const t = JSON.parse(conformance('purchase_works'))
    delete t.expect
    t.steps.push({ block: 20_000 })
    const f = file(JSON.stringify(t))
    const summary = await run('replay', f)
    const json = JSON.parse((await run('replay', f, '--json')).stdout)
    expect(summary.code).toBe(0)
    expect(summary.stdout).toContain(`events       ${json.events.length} (`)
    expect(summary.stdout).toContain(`assignments  ${json.assignments.length} sent to the relay`)
  })

  test.each([
    [
      'replay',
      ['replay', '/dev/zero'],
      /^coretime: cannot read \/dev\/zero: larger than the 64 MiB an input file may have\n$/,
    ],
    ['simulate FILE', ['simulate', '/dev/zero'], /cannot read \/dev\/zero: larger than the 64 MiB/],
    [
      'simulate --from',
      ['simulate', '--from', '/dev/zero'],
      /^coretime: --from: cannot read \/dev\/zero: larger than the 64 MiB/,
    ],
    [
      'status --snapshot',
      ['status', '--snapshot', '/dev/zero'],
      /^coretime: --snapshot: cannot read \/dev\/zero: larger/,
    ],
    [
      'plan --saleinfo',
      ['plan', '--para', '1', '--saleinfo', '/dev/zero'],
      /^coretime: --saleinfo: cannot read "\/dev\/zero": larger than the 64 MiB/,
    ],
  ])('error: %s of an endless file stops at the size limit', async (_, args, message) => {
    refused(await run(...args), message)
  })
})

describe('CLI defects (issue 17)', () => {
  const planArgs = ['plan', '--para', '2000', '--saleinfo', JSON.stringify(SaleInfo.seedExample)]

  test('default: a real --reference-time is taken', async () => {
    expect((await run(...planArgs, '--reference-time', '2024-02-29T00:00:00Z', '--json')).code).toBe(0)
  })

  test('error: --reference-time 2025-02-30 is not a date (plan and autorenew)', async () => {
    const message = /^coretime: --reference-time: 2025-02-30 is not a date \(that month has 28 days\)/
    refused(await run(...planArgs, '--reference-time', '2025-02-30'), message)
    refused(await run(...planArgs, '--reference-time', '2025-02-30T00:00:00Z'), message)
    refused(
      await run(...planArgs, '--reference-time', '2025-13-01'),
      /^coretime: --reference-time: .*"2025-13-01"/,
    )
    refused(
      await run(
        'autorenew',
        '--para',
        '2000',
        '--core',
        '48',
        '--hint',
        '5',
        '--reference-time',
        '2025-02-30',
      ),
      message,
    )
  })

  test('error: plan refuses blocks beyond u32 and dates it cannot show, instead of a RangeError', async () => {
    const args = [...planArgs, '--reference-time', '2025-04-29T00:00:00Z']
    refused(
      await run(...args, '--block-time', '999999999999'),
      /^coretime: --block-time: must be at most 3600/,
    )
    refused(
      await run(...args, '--reference-block', '99999999999'),
      /^coretime: --reference-block: must be at most 4294967295/,
    )
    refused(
      await run(...args, '--block-time', '3600', '--now', '4294967295'),
      /^coretime: the plan dates phases after the year 9999: check --reference-time/,
    )
    refused(
      await run(...planArgs, '--reference-time', '8640000000000001'),
      /^coretime: --reference-time: expected an ISO date/,
    )
  })

  test('default: encode takes amounts with tokens (and planck)', async () => {
    const call = async (...a: string[]) => JSON.parse((await run('encode', ...a, '--json')).stdout).args
    expect(await call('purchase', '5 DOT')).toEqual({ price_limit: '50000000000' })
    expect(await call('purchase', 'price_limit=0.5 KSM', '--network', 'kusama')).toEqual({
      price_limit: '500000000000',
    })
    expect(await call('purchase', '7 planck')).toEqual({ price_limit: '7' })
    expect(await call('place_order_allow_death', '1.5 DOT', '2000')).toMatchObject({
      max_amount: '15000000000',
    })
  })

  test('error: encode refuses a bad amount naming the argument', async () => {
    refused(await run('encode', 'purchase', '5 XYZ'), /^coretime: purchase: price_limit: unknown unit "XYZ"/)
    refused(await run('encode', 'purchase', '0.00000000001 DOT'), /price_limit: DOT has 10 decimals/)
  })

  test('error: amounts above u128 are refused (deposit and every amount flag)', async () => {
    const big = (1n << 128n).toString()
    refused(
      await run('deposit', '--para-deposit', big),
      /^coretime: --para-deposit: at most 340282366920938463463374607431768211455 planck \(a u128 balance\)/,
    )
    refused(await run('deposit', '--per-byte', big), /--per-byte: at most/)
    expect((await run('deposit', '--para-deposit', ((1n << 128n) - 1n).toString(), '--json')).code).toBe(0)
  })

  test('error: costs --rewards-per-day needs its unit; with one it is taken', async () => {
    refused(
      await run('costs', '--rewards-per-day', '2'),
      /^coretime: --rewards-per-day: give the unit, e.g. "2 DOT" for tokens or "2 planck", got "2"\n$/,
    )
    const r = await run('costs', '--rewards-per-day', '2 DOT', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).inputs.validatorRewardsPerDay).toBe('20000000000')
    expect((await run('costs', '--rewards-per-day', '2 planck', '--json')).code).toBe(0)
  })

  test('default: `timing: end` (documented shorthand) is taken; error: an unknown one is named', async () => {
    const a = await run('simulate', scenario({ extraCores: 3 }, { timing: 'end' }), '--json')
    const b = await run('simulate', scenario({ extraCores: 3 }, { timing: { strategy: 'end' } }), '--json')
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    refused(
      await run('simulate', scenario({ extraCores: 3 }, { timing: 'soon' })),
      /demand\.agents\[0\]\.timing: /,
    )
  })

  test('error: --auto-renew and --no-auto-renew together are refused', async () => {
    refused(
      await run(...planArgs, '--reference-time', '2025-04-29T00:00:00Z', '--auto-renew', '--no-auto-renew'),
      /^coretime: --auto-renew and --no-auto-renew: give one of them, not both\n$/,
    )
    expect(
      (await run(...planArgs, '--reference-time', '2025-04-29T00:00:00Z', '--no-auto-renew', '--json')).code,
    ).toBe(0)
  })

  test('error: plan --para for a para with no core says so instead of printing a plan', async () => {
    refused(
      await run('plan', '--para', '9999', '--snapshot', snapshotFile()),
      /^coretime: --para: para 9999 holds no core in --snapshot .* \(not in broker\.workload, broker\.workplan or broker\.leases\): nothing to renew/,
    )
    // a lease alone ties the para to the chain
    expect((await run('plan', '--para', '2006', '--snapshot', snapshotFile(), '--json')).code).toBe(0)
  })

  test('error: library wording is replaced by plain words', async () => {
    refused(
      await run('plan', '--para', '1', '--snapshot', '{}'),
      /^coretime: --snapshot: saleinfo: missing \(expected a value\)\n$/,
    )
    const r = await run(
      'simulate',
      file(JSON.stringify({ horizon: 2, demand: { agents: [{ kind: 'trader', count: 1 }] } })),
    )
    refused(
      r,
      /demand\.agents\[0\]\.kind: expected "renewer", "buyer", "speculator", "largeActor" or "onDemand"/,
    )
    expect(r.stderr).not.toMatch(/discriminator|nonoptional|Invalid input/)
  })
})

describe('output width (issue 17)', () => {
  const lines = (text: string) => text.replace(/\n$/, '').split('\n')
  const onTerminal = async <T>(width: number, f: () => Promise<T>): Promise<T> => {
    const out = process.stdout as { isTTY?: boolean | undefined; columns?: number | undefined }
    const before = { isTTY: out.isTTY, columns: out.columns }
    out.isTTY = true
    out.columns = width
    try {
      return await f()
    } finally {
      out.isTTY = before.isTTY
      out.columns = before.columns
    }
  }

  test('default: plan (and status) within 80 columns off a terminal', async () => {
    const f = snapshotFile()
    const plan = await run('plan', '--para', '2031', '--snapshot', f)
    expect(plan.code).toBe(0)
    expect(lines(plan.stdout).length).toBeGreaterThan(30)
    for (const l of lines(plan.stdout)) expect(l.length, l).toBeLessThanOrEqual(80)
    // a phase's end continues under its start
    expect(plan.stdout).toMatch(/\n {2}current region {5}\S+ +block \d+ timeslice \d+ {2}→\n {21}\S+ +block/)
    const status = await run('status', '--snapshot', f)
    for (const l of lines(status.stdout)) expect(l.length, l).toBeLessThanOrEqual(80)
  })

  test('args: on a wider terminal plan uses its width; on a narrow one it stays within it', async () => {
    const f = snapshotFile()
    const wide = await onTerminal(160, () => run('plan', '--para', '2031', '--snapshot', f))
    expect(Math.max(...lines(wide.stdout).map((l) => l.length))).toBeGreaterThan(80)
    for (const l of lines(wide.stdout)) expect(l.length).toBeLessThanOrEqual(160)
    const narrow = await onTerminal(60, () => run('plan', '--para', '2031', '--snapshot', f))
    for (const l of lines(narrow.stdout)) expect(l.length, l).toBeLessThanOrEqual(60)
  })

  // simulate's tables were 105–209 columns wide: they now split into parts under the sale column
  test.each([
    [['simulate', 'scenarios/polkadot-today.yaml']],
    [['simulate', 'scenarios/polkadot-today.yaml', '--runs', '8']],
    [['simulate', 'scenarios/rfc17-high-demand.yaml']],
    [['simulate', 'scenarios/rfc17-high-demand.yaml', '--runs', '4']],
    [['simulate', '--compare-market', 'rfc17', 'scenarios/rfc17-high-demand.yaml']],
    [['simulate', '--compare-market', 'rfc17', 'scenarios/rfc17-high-demand.yaml', '--runs', '4']],
  ])('default: %j within 80 columns off a terminal, every sale in it', async (args) => {
    const r = await run(...args.map((a) => (a.startsWith('scenarios/') ? join(ROOT, a) : a)))
    expect(r.code).toBe(0)
    for (const l of lines(r.stdout)) expect(l.length, l).toBeLessThanOrEqual(80)
    // the last sale's row is there (the sale column leads each part)
    expect(r.stdout).toMatch(/\n\s*13\s/)
  })

  test.each([
    [['ondemand']],
    [['deposit']],
    [['account', '2000']],
    [['costs']],
    [['compare', '--blocks-per-day', '1000']],
    [['encode', 'renew', '5']],
    [
      [
        'decode',
        '0x320d00e40b540200000000000000000000007369626cd0070000000000000000000000000000000000000000000000000000',
      ],
    ],
  ])(
    'default: %j within 80 columns off a terminal (a word longer than that alone on its line)',
    async (args) => {
      const r = await run(...args)
      expect(r.code, r.stderr).toBe(0)
      for (const l of lines(r.stdout)) if (l.trim().includes(' ')) expect(l.length, l).toBeLessThanOrEqual(80)
    },
  )

  test('args: on a 200-column terminal simulate prints its table in one part', async () => {
    const f = join(ROOT, 'scenarios/polkadot-today.yaml')
    const wide = await onTerminal(200, () => run('simulate', f))
    expect(wide.stdout.match(/^sale\s/gm)).toHaveLength(1)
    const narrow = await run('simulate', f)
    expect(narrow.stdout.match(/^sale\s/gm)?.length).toBeGreaterThan(1)
  })
})
