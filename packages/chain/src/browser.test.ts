import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

const bundle = (entry: string) =>
  build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    conditions: ['@coretime/source'],
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })

describe('@coretime/chain/browser', () => {
  test('default: bundles for the browser without Node built-ins or the ws package', async () => {
    const r = await bundle('./browser.ts')
    const inputs = Object.keys(r.metafile.inputs)
    expect(inputs.some((f) => f.includes('polkadot-api'))).toBe(true)
    expect(inputs.filter((f) => f.startsWith('node:') || f.includes('node_modules/ws/'))).toEqual([])
  })

  test('error: the Node entry does not bundle for the browser (what the split guards)', async () => {
    await expect(bundle('./node/index.ts')).rejects.toThrow(/node:/)
  })
})
