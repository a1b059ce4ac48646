package org.evmjit.evm.tx;

import java.math.BigInteger;
import java.util.List;
import org.evmjit.evm.exec.ContractAddress;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.exec.MessageExecutor;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.host.TxContext;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.state.TransactionState;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/** Validates and executes one transaction against a world state, under one fork's rules. */
public final class TransactionProcessor {
  private final Fork fork;
  private final GasSchedule gas;
  private final EngineSelector engines;

  /** A processor that runs all code on the interpreter. */
  public TransactionProcessor(Fork fork) {
    this(fork, (code, f) -> Interpreter.forFork(f));
  }

  public TransactionProcessor(Fork fork, EngineSelector engines) {
    this.fork = fork;
    this.gas = GasSchedule.forFork(fork);
    this.engines = engines;
  }

  public Fork fork() {
    return fork;
  }

  /**
   * Runs {@code tx} in block {@code env}, mutating {@code state}. An invalid transaction leaves
   * {@code state} untouched and returns {@link TransactionResult#invalid}.
   *
   * @param tracer null for no trace
   */
  public TransactionResult process(WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    BlobSchedule blobs = env.blobScheduleFor(fork);
    BigInteger blobBaseFee = blobs != null
        ? BlobGas.baseFee(env.excessBlobGas(), blobs.baseFeeUpdateFraction()) : BigInteger.ZERO;
    String invalid = TransactionValidator.check(fork, state, env, tx, blobBaseFee);
    if (invalid != null) {
      return TransactionResult.invalid(invalid);
    }
    BigInteger baseFee = fork.isAtLeast(Fork.LONDON) ? env.baseFee().toBigInteger() : BigInteger.ZERO;
    BigInteger price = effectiveGasPrice(tx, baseFee);
    Address sender = tx.sender();

    TxContext context = new TxContext(sender, Word.fromBigInteger(price), tx.blobVersionedHashes(),
        Word.fromBigInteger(blobBaseFee), env.chainId());
    TransactionState st = new TransactionState(state, fork, env, context);

    BigInteger upfront = price.multiply(tx.gasLimit());
    if (tx.type() == Transaction.BLOB) {
      upfront = upfront.add(TransactionValidator.blobGas(tx).multiply(blobBaseFee));
    }
    st.subtractBalance(sender, Word.fromBigInteger(upfront));
    long nonce = st.nonce(sender);
    st.setNonce(sender, nonce + 1);

    Address target = tx.isCreate() ? ContractAddress.create(sender, nonce) : tx.to();
    if (gas.accessLists) {
      warmUp(st, env, tx, target);
    }
    if (tx.type() == Transaction.SET_CODE) {
      // EIP-7702: outside the root frame, so a failing transaction keeps the delegations
      st.addRefund(SetCodeAuthorizations.apply(st, tx, env.chainId().toBigInteger(), gas));
    }
    if (!tx.isCreate() && fork.isAtLeast(Fork.PRAGUE)) {
      Address delegate = Delegation.target(st.code(target));
      if (delegate != null) {
        st.warmAccount(delegate); // the executor runs the delegate's code; the transaction warms it
      }
    }
    long intrinsic = IntrinsicGas.of(tx, gas);
    long executionGas = executionGas(tx.gasLimit(), intrinsic);
    Word value = Word.fromBigInteger(tx.value());
    Message root = tx.isCreate()
        ? new Message(CallKind.CREATE, sender, target, null, value, tx.data(), executionGas, false, 0, null, 0, 0)
        : new Message(CallKind.CALL, sender, target, target, value, tx.data(), executionGas, false, 0, null, 0, 0);
    long start = System.nanoTime();
    Frame result = new MessageExecutor(st, engines, tracer).run(root);
    long executionNanos = System.nanoTime() - start;

    long gasUsed = intrinsic + (executionGas - result.gas);
    long refund = Math.min(st.refund(), gasUsed / gas.maxRefundQuotient);
    gasUsed = Math.max(gasUsed - refund, IntrinsicGas.floor(tx, gas)); // EIP-7623's floor
    BigInteger gasLeft = tx.gasLimit().subtract(BigInteger.valueOf(gasUsed));
    st.addBalance(sender, Word.fromBigInteger(price.multiply(gasLeft)));
    BigInteger tip = fork.isAtLeast(Fork.LONDON) ? price.subtract(baseFee) : price;
    st.addBalance(env.coinbase(), Word.fromBigInteger(tip.multiply(BigInteger.valueOf(gasUsed))));
    st.finish();

    boolean success = result.status == ExecutionStatus.SUCCESS;
    List<Log> logs = success ? List.copyOf(st.logs()) : List.of();
    String halt = result.haltReason == null ? null : result.haltReason.message();
    if (tracer != null) {
      // geth's summary line says "execution reverted" for a REVERT
      tracer.onTransactionEnd(result.output, gasUsed,
          result.status == ExecutionStatus.REVERT ? "execution reverted" : halt);
    }
    return new TransactionResult(null, result.status, gasUsed, result.output, logs, halt, executionNanos);
  }

  /**
   * The gas the root frame starts with: the transaction's gas limit (a uint64, up to 2^64 - 1) less
   * the intrinsic gas, at most {@link Long#MAX_VALUE}, the most a frame counts. Only an opcode that
   * reads the gas left (GAS, and the 63/64 of a call) can tell a limit of 2^63 or more from 2^63 - 1;
   * gas used and the refund to the sender are exact.
   */
  static long executionGas(BigInteger gasLimit, long intrinsic) {
    BigInteger left = gasLimit.subtract(BigInteger.valueOf(intrinsic));
    return left.bitLength() < Long.SIZE ? left.longValueExact() : Long.MAX_VALUE;
  }

  /**
   * EIP-2929/2930: sender, target, precompiles, coinbase (Shanghai, EIP-3651) and the access list
   * start warm. Precompiles need no marking: {@link TransactionState#warmAccount} counts them warm.
   */
  private void warmUp(TransactionState st, BlockEnv env, Transaction tx, Address target) {
    st.warmAccount(tx.sender());
    st.warmAccount(target);
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      st.warmAccount(env.coinbase());
    }
    for (AccessListEntry e : tx.accessList()) {
      st.warmAccount(e.address());
      for (Word key : e.storageKeys()) {
        st.warmSlot(e.address(), key);
      }
    }
  }

  /** Legacy: the gas price; EIP-1559: {@code min(maxFee, baseFee + maxPriorityFee)}. */
  static BigInteger effectiveGasPrice(Transaction tx, BigInteger baseFee) {
    if (tx.maxFeePerGas() == null) {
      return tx.gasPrice();
    }
    return tx.maxFeePerGas().min(baseFee.add(tx.maxPriorityFeePerGas()));
  }
}
