import { describe, expect, test } from 'vitest'
import { oneLine } from './main'
import { coretime } from './testing/spawn'

describe('coretime (argument errors)', () => {
  test('default: --help still prints the help and exits 0', () => {
    const r = coretime('ondemand', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: coretime ondemand [options]')
  })

  test.each([
    [
      ['ondemand', '--bogus'],
      "coretime: unknown option '--bogus' (Did you mean --blocks?) (see `coretime ondemand --help`)",
    ],
    [
      ['ondemand', 'extra'],
      "coretime: too many arguments for 'ondemand'. Expected 0 arguments but got 1. (see `coretime ondemand --help`)",
    ],
    [
      ['ondemand', '--base-fee'],
      "coretime: option '--base-fee <amount>' argument missing (see `coretime ondemand --help`)",
    ],
    [['account'], "coretime: missing required argument 'para-id|address' (see `coretime account --help`)"],
    [['plan'], "coretime: required option '--para <id>' not specified (see `coretime plan --help`)"],
    [['bogus'], "coretime: unknown command 'bogus' (see `coretime --help`)"],
  ])('error: %j gets one line naming the input, exit 2', (args, line) => {
    const r = coretime(...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`${line}\n`)
  })

  test('args: oneLine folds commander’s multi-line message', () => {
    expect(oneLine("error: unknown option '--x'\n(Did you mean --y?)\n", 'coretime --help')).toBe(
      "coretime: unknown option '--x' (Did you mean --y?) (see `coretime --help`)\n",
    )
  })
})

// The real edge, in a child process: most CLI tests run in-process (testing/run.ts); these keep the
// binary's own exit codes and streams honest.
describe('coretime (the process edge)', () => {
  test('default: a command prints its result on stdout only and exits 0', () => {
    const r = coretime('deposit', '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).total).toMatch(/^\d+$/)
  })

  test('error: a bad flag prints one line on stderr, nothing on stdout, exit 2', () => {
    const r = coretime('deposit', '--rule', 'cheap')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('coretime: --rule: expected max-code-size or actual-bytes, got "cheap"\n')
  })
})
