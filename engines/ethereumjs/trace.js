// EIP-3155 trace lines from ethereumjs's `step` events, in the field order evmjit writes.

/** Collects one JSON line per executed instruction, then the summary line. */
export class Eip3155Trace {
  constructor() {
    this.lines = []
  }

  /** An instruction about to run; opcode.dynamicFee is its whole cost (static and dynamic). */
  step(e) {
    const stack = e.stack.map((v) => '"0x' + v.toString(16) + '"').join(',')
    this.lines.push(
      `{"pc":${e.pc},"op":${e.opcode.code},"gas":"0x${e.gasLeft.toString(16)}",` +
        `"gasCost":"0x${BigInt(e.opcode.dynamicFee ?? e.opcode.fee).toString(16)}",` +
        `"memSize":${Number(e.memoryWordCount) * 32},"stack":[${stack}],"depth":${e.depth + 1},` +
        `"refund":${e.gasRefund},"opName":"${e.opcode.name}"}`,
    )
  }

  /** The transaction ended: output (unprefixed hex), gas used, and the error or null. */
  end(output, gasUsed, error) {
    this.lines.push(JSON.stringify({ output, gasUsed: '0x' + gasUsed.toString(16), error }))
  }
}
