import { ChainError } from '@coretime/chain'
import { describe, expect, test } from 'vitest'
import { CliError } from '../errors'
import { startingRuntime } from './runtimeOptions'

describe('startingRuntime', () => {
  test('default: the started value passes through', async () => {
    expect(await startingRuntime(async () => 42)).toBe(42)
  })

  test('error: a bad chain spec names --spec and exits 2; another chain failure exits 3', async () => {
    const bad = await startingRuntime(async () => {
      throw new ChainError('BadSpec', 'x.json: not JSON (expected a raw chain spec)')
    }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(CliError)
    expect((bad as CliError).message).toBe('--spec x.json: not JSON (expected a raw chain spec)')
    expect((bad as CliError).exitCode).toBe(2)
    const down = await startingRuntime(async () => {
      throw new ChainError('DevnetUnavailable', 'chopsticks is not installed')
    }).catch((e: unknown) => e)
    expect((down as CliError).message).toBe('chopsticks is not installed')
    expect((down as CliError).exitCode).toBe(3)
  })

  test('error: anything else is not a user failure and escapes unchanged', async () => {
    const bug = new TypeError('a bug')
    await expect(
      startingRuntime(async () => {
        throw bug
      }),
    ).rejects.toBe(bug)
  })
})
