// Runs one state-test entry on ethereumjs: pre-state, block environment, the transaction picked
// by the entry's indexes, the fork; returns what evmjit compares.
import { createBlock, paramsBlock } from '@ethereumjs/block'
import { Common, Mainnet, createCustomCommon } from '@ethereumjs/common'
import { RLP } from '@ethereumjs/rlp'
import {
  createAccessList2930Tx,
  createBlob4844Tx,
  createEOACode7702Tx,
  createFeeMarket1559Tx,
  createLegacyTx,
} from '@ethereumjs/tx'
import { Account, bytesToHex, createAddressFromString, hexToBytes, setLengthLeft } from '@ethereumjs/util'
import { createVM, runTx } from '@ethereumjs/vm'
import { keccak_256 } from '@noble/hashes/sha3.js'

import { CANCUN_OR_LATER, RequestError, hardforkOf } from './forks.js'
import { Eip3155Trace } from './trace.js'

/** Hex (even or odd length, with or without 0x; "" and "0x" are empty) to bytes. */
export function bytesOf(hex, field) {
  if (typeof hex !== 'string') {
    throw new RequestError(`${field}: expected a hex string, found ${JSON.stringify(hex)}`)
  }
  let digits = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex
  if (digits.length % 2 === 1) digits = '0' + digits
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    throw new RequestError(`${field}: not hex: ${JSON.stringify(hex)}`)
  }
  return hexToBytes('0x' + digits)
}

/** A quantity in hex (or decimal) to a bigint; "" and "0x" are 0. */
export function bigOf(value, field) {
  if (typeof value === 'number') return BigInt(value)
  if (typeof value !== 'string') {
    throw new RequestError(`${field}: expected a quantity, found ${JSON.stringify(value)}`)
  }
  if (value === '' || value === '0x') return 0n
  try {
    return BigInt(value)
  } catch {
    throw new RequestError(`${field}: not a quantity: ${JSON.stringify(value)}`)
  }
}

/** Minimal hex of a quantity ("0x" for zero), as ethereumjs's authorization lists want it. */
function minimalHex(value, field) {
  const n = bigOf(value, field)
  return n === 0n ? '0x' : '0x' + n.toString(16)
}

const EMPTY_LOGS_HASH = bytesToHex(keccak_256(RLP.encode([])))

export class EntryRunner {
  constructor(kzg) {
    this.kzg = kzg
    this.commons = new Map()
  }

  /** The fork's Common (cached; a copy per run), with the fixture's chain id and KZG. */
  common(fork, config) {
    const chainId = config?.chainid === undefined ? 1n : bigOf(config.chainid, 'config.chainid')
    const key = `${fork}/${chainId}`
    let common = this.commons.get(key)
    if (common === undefined) {
      const hardfork = hardforkOf(fork)
      const opts = { hardfork, customCrypto: CANCUN_OR_LATER.has(hardfork) ? { kzg: this.kzg() } : {} }
      common = chainId === 1n ? new Common({ chain: Mainnet, ...opts })
        : createCustomCommon({ chainId: Number(chainId) }, Mainnet, opts)
      common.updateParams(paramsBlock)
      checkBlobSchedule(common, fork, config)
      this.commons.set(key, common)
    }
    return common.copy()
  }

  /**
   * Runs request {test, fork, indexes, trace}: test holds the fixture's env, pre, transaction
   * and config. Returns {stateRoot, logsHash, gasUsed, rejection, status, output, trace, timeNs}.
   */
  async run(request, timing = {}) {
    return this.execute(this.prepare(request), request.trace === true, timing)
  }

  /**
   * What stays the same from run to run of a request: the Common, the signed transaction (or why
   * it is rejected) and the block. A transaction with `sender` and no `secretKey` (the revmc
   * benchmark format) runs unsigned, its getSenderAddress answering that sender.
   */
  prepare(request) {
    const { test, fork, indexes } = request
    if (test === null || typeof test !== 'object') throw new RequestError('test: missing')
    for (const part of ['env', 'pre', 'transaction']) {
      if (test[part] === null || typeof test[part] !== 'object') throw new RequestError(`test.${part}: missing`)
    }
    const common = this.common(fork, test.config)
    let tx = null
    let rejection = null
    try {
      tx = buildTx(test.transaction, indexes ?? { data: 0, gas: 0, value: 0 }, common)
      if (!tx.isValid()) {
        rejection = tx.getValidationErrors().join('; ')
      }
    } catch (e) {
      if (e instanceof RequestError) throw e
      rejection = `transaction: ${e.message}`
    }
    const block = rejection === null ? buildBlock(test.env, common) : null
    return { test, common, tx, block, rejection }
  }

  /** One run of a prepared request (see timed) and its outcome, as run answers it. */
  async execute(prepared, traced, timing = {}) {
    const { test, common } = prepared
    const trace = traced ? new Eip3155Trace() : null
    const { vm, result, rejection } = await this.timed(prepared, trace, timing)
    await touchCoinbase(vm, test.env, common)
    const stateRoot = bytesToHex(await vm.stateManager.getStateRoot())
    const exec = result?.execResult
    const error = exec?.exceptionError?.error
    const output = exec ? bytesToHex(exec.returnValue).slice(2) : ''
    const gasUsed = result ? result.totalGasSpent : 0n
    if (trace && rejection === null) trace.end(output, gasUsed, error ?? null) // a rejected transaction has no trace, as in geth
    return {
      stateRoot,
      logsHash: result ? bytesToHex(keccak_256(RLP.encode(result.receipt.logs))) : EMPTY_LOGS_HASH,
      gasUsed: gasUsed.toString(),
      rejection,
      status: result === null ? null : error === undefined ? 'success' : error === 'revert' ? 'revert' : 'halt',
      halt: error !== undefined && error !== 'revert' ? error : null,
      output,
      trace: trace ? trace.lines : undefined,
      timeNs: timing.ns.toString(),
    }
  }

  /**
   * Runs a prepared request on a new VM holding the pre-state (built outside the timed region).
   * timing.ns is the time of runTx alone, timing.execNs that of its outermost message (the
   * frames' execution, without validation, gas purchase, warming and finalisation); both by
   * process.hrtime.bigint(). Returns the VM, runTx's result (null when rejected) and the rejection.
   */
  async timed(prepared, trace, timing) {
    const { test, common, tx, block } = prepared
    const vm = await createVM({ common: common.copy() })
    await putPreState(vm.stateManager, test.pre)
    if (trace) vm.evm.events.on('step', (step) => trace.step(step))
    timeOutermostMessage(vm.evm, timing)
    let rejection = prepared.rejection
    let result = null
    const started = process.hrtime.bigint()
    if (rejection === null) {
      try {
        result = await runTx(vm, { tx, block, skipHardForkValidation: true })
      } catch (e) {
        rejection = e.message
      }
    }
    timing.ns = process.hrtime.bigint() - started
    return { vm, result, rejection }
  }
}

/**
 * Times the outermost message of the transaction (runTx calls evm.runCall without a message;
 * nested calls pass theirs and go straight through) into timing.execNs.
 */
function timeOutermostMessage(evm, timing) {
  const runCall = evm.runCall.bind(evm)
  evm.runCall = (opts) => (opts.message !== undefined ? runCall(opts) : timedCall(opts))
  async function timedCall(opts) {
    const started = process.hrtime.bigint()
    try {
      return await runCall(opts)
    } finally {
      timing.execNs = process.hrtime.bigint() - started
    }
  }
}

/** Refuses a fixture whose blob schedule for its fork differs from the one ethereumjs uses. */
function checkBlobSchedule(common, fork, config) {
  const schedule = config?.blobSchedule?.[fork]
  if (schedule === undefined || !common.gteHardfork('cancun')) return
  const mine = common.getBlobGasSchedule()
  const perBlob = common.param('blobGasPerBlob')
  const wanted = {
    targetBlobGasPerBlock: bigOf(schedule.target, 'config.blobSchedule.target') * perBlob,
    maxBlobGasPerBlock: bigOf(schedule.max, 'config.blobSchedule.max') * perBlob,
    blobGasPriceUpdateFraction: bigOf(schedule.baseFeeUpdateFraction, 'config.blobSchedule.baseFeeUpdateFraction'),
  }
  for (const [name, value] of Object.entries(wanted)) {
    if (BigInt(mine[name]) !== value) {
      throw new RequestError(`config.blobSchedule.${fork}: ${name} ${value} differs from ethereumjs's ${mine[name]} (unsupported)`)
    }
  }
}

/** Puts the fixture's pre accounts into the state manager and commits them. */
async function putPreState(stateManager, pre) {
  await stateManager.checkpoint()
  for (const [addressHex, account] of Object.entries(pre)) {
    const where = `pre.${addressHex}`
    const address = createAddressFromString(bytesToHex(setLengthLeft(bytesOf(addressHex, where), 20)))
    await stateManager.putAccount(address, new Account())
    for (const [key, value] of Object.entries(account.storage ?? {})) {
      const v = bigOf(value, `${where}.storage.${key}`)
      if (v === 0n) continue
      const bytes = bytesOf('0x' + v.toString(16), where)
      await stateManager.putStorage(address, setLengthLeft(bytesOf(key, `${where}.storage`), 32), bytes)
    }
    await stateManager.putCode(address, bytesOf(account.code ?? '0x', `${where}.code`))
    const stored = await stateManager.getAccount(address)
    stored.nonce = bigOf(account.nonce ?? '0x0', `${where}.nonce`)
    stored.balance = bigOf(account.balance ?? '0x0', `${where}.balance`)
    await stateManager.putAccount(address, stored)
  }
  await stateManager.commit()
}

/**
 * The transaction the entry's indexes pick: type 4 with an authorization list, 3 with blob
 * hashes, 2 with maxFeePerGas, 1 with an access list for this data index, else legacy; signed
 * with the fixture's secretKey, or else unsigned and sent by the fixture's sender.
 */
export function buildTx(t, indexes, common) {
  const pick = (name, i) => {
    if (!Array.isArray(t[name]) || i >= t[name].length || i < 0) {
      throw new RequestError(`transaction.${name}[${i}]: missing`)
    }
    return t[name][i]
  }
  const data = {
    nonce: t.nonce,
    to: t.to === '' || t.to === null ? undefined : t.to,
    data: pick('data', indexes.data),
    gasLimit: pick('gasLimit', indexes.gas),
    value: pick('value', indexes.value),
  }
  const accessList = Array.isArray(t.accessLists) ? t.accessLists[indexes.data] ?? null : null
  let create
  if (t.maxFeePerGas !== undefined) {
    Object.assign(data, { maxFeePerGas: t.maxFeePerGas, maxPriorityFeePerGas: t.maxPriorityFeePerGas, accessList: accessList ?? [] })
    create = createFeeMarket1559Tx
    if (t.authorizationList !== undefined) {
      data.authorizationList = t.authorizationList.map((a, i) => authorization(a, i))
      create = createEOACode7702Tx
    } else if (t.blobVersionedHashes !== undefined) {
      Object.assign(data, { blobVersionedHashes: t.blobVersionedHashes, maxFeePerBlobGas: t.maxFeePerBlobGas })
      create = createBlob4844Tx
    }
  } else {
    data.gasPrice = t.gasPrice
    if (accessList !== null) {
      data.accessList = accessList
      create = createAccessList2930Tx
    } else {
      create = createLegacyTx
    }
  }
  if (t.secretKey === undefined) {
    if (t.sender === undefined) throw new RequestError('transaction: neither secretKey nor sender is given')
    const sender = createAddressFromString(bytesToHex(setLengthLeft(bytesOf(t.sender, 'transaction.sender'), 20)))
    const unsigned = create(data, { common, freeze: false })
    unsigned.getSenderAddress = () => sender
    return unsigned
  }
  return create(data, { common }).sign(bytesOf(t.secretKey, 'transaction.secretKey'))
}

function authorization(a, i) {
  const field = (name) => `transaction.authorizationList[${i}].${name}`
  return {
    chainId: minimalHex(a.chainId, field('chainId')),
    address: a.address,
    nonce: minimalHex(a.nonce, field('nonce')),
    yParity: minimalHex(a.yParity ?? a.v, field('v')),
    r: minimalHex(a.r, field('r')),
    s: minimalHex(a.s, field('s')),
  }
}

/**
 * The block the transaction runs in: base fee from London (10 when absent, as geth), PREVRANDAO
 * from Paris (the difficulty when currentRandom is absent), excess blob gas from Cancun.
 */
export function buildBlock(env, common) {
  const header = {
    number: env.currentNumber,
    coinbase: env.currentCoinbase,
    difficulty: env.currentDifficulty ?? '0x0',
    gasLimit: env.currentGasLimit,
    timestamp: env.currentTimestamp,
  }
  if (env.previousHash !== undefined) header.parentHash = env.previousHash
  if (common.gteHardfork('london')) header.baseFeePerGas = env.currentBaseFee ?? '0x0a'
  if (common.gteHardfork('paris')) {
    header.mixHash = setLengthLeft(bytesOf(env.currentRandom ?? env.currentDifficulty ?? '0x', 'env.currentRandom'), 32)
    header.difficulty = 0
  }
  if (common.gteHardfork('cancun')) header.excessBlobGas = env.currentExcessBlobGas ?? '0x0'
  return createBlock({ header }, { common, skipConsensusFormatValidation: true })
}

/**
 * The zero reward geth's state-test runner pays after every transaction: it creates the coinbase
 * before Spurious Dragon and deletes it when empty from then on.
 */
async function touchCoinbase(vm, env, common) {
  const coinbase = createAddressFromString(bytesToHex(setLengthLeft(bytesOf(env.currentCoinbase, 'env.currentCoinbase'), 20)))
  const account = await vm.stateManager.getAccount(coinbase)
  if (common.gteHardfork('spuriousDragon')) {
    if (account !== undefined && account.isEmpty()) await vm.stateManager.deleteAccount(coinbase)
  } else if (account === undefined) {
    await vm.stateManager.putAccount(coinbase, new Account())
  }
}
