package org.evmjit.besu;

import static org.evmjit.besu.BesuValues.address;
import static org.evmjit.besu.BesuValues.bytes32;
import static org.evmjit.besu.BesuValues.uint;
import static org.evmjit.besu.BesuValues.word;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.host.TxContext;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.word.Word;
import org.hyperledger.besu.datatypes.Address;
import org.hyperledger.besu.datatypes.Log;
import org.hyperledger.besu.datatypes.LogTopic;
import org.hyperledger.besu.datatypes.Wei;
import org.hyperledger.besu.evm.account.Account;
import org.hyperledger.besu.evm.account.MutableAccount;
import org.hyperledger.besu.evm.frame.BlockValues;
import org.hyperledger.besu.evm.frame.MessageFrame;
import org.hyperledger.besu.evm.gascalculator.GasCalculator;

/**
 * evmjit's {@link Host} over one Besu {@link MessageFrame}: each method is a direct delegation to
 * the frame or its world updater, written as Besu's own operations make the same call (cited per
 * method). Block and transaction context are read once per frame, when first asked.
 */
final class BesuHost implements Host {
  private static final int BLOCKHASH_WINDOW = 256;

  private final MessageFrame frame;
  private final Fork fork;
  private final GasSchedule gas;
  private final GasCalculator gasCalculator;
  private final Word chainId;
  private BlockEnv block;
  private TxContext tx;

  BesuHost(MessageFrame frame, Fork fork, GasCalculator gasCalculator, Word chainId) {
    this.frame = frame;
    this.fork = fork;
    this.gas = GasSchedule.forFork(fork);
    this.gasCalculator = gasCalculator;
    this.chainId = chainId;
  }

  @Override
  public Fork fork() {
    return fork;
  }

  @Override
  public GasSchedule gas() {
    return gas;
  }

  @Override
  public BlockEnv block() {
    if (block == null) {
      BlockValues b = frame.getBlockValues();
      Word baseFee = b.getBaseFee().map(BesuValues::word).orElse(Word.ZERO);
      block = new BlockEnv(address(frame.getMiningBeneficiary()), b.getNumber(), b.getTimestamp(), b.getGasLimit(),
          word(b.getDifficultyBytes()), word(b.getMixHashOrPrevRandao()), baseFee, 0);
    }
    return block;
  }

  @Override
  public TxContext tx() {
    if (tx == null) {
      List<Word> blobHashes = new ArrayList<>();
      frame.getVersionedHashes().ifPresent(hashes -> hashes.forEach(h -> blobHashes.add(word(h.getBytes()))));
      tx = new TxContext(address(frame.getOriginatorAddress()), word(frame.getGasPrice()), List.copyOf(blobHashes),
          word(frame.getBlobGasPrice()), chainId);
    }
    return tx;
  }

  /** BlockHashOperation: zero outside the last 256 blocks, else Besu's lookup. */
  @Override
  public Word blockHash(Word number) {
    long current = frame.getBlockValues().getNumber();
    if (!number.fitsLong() || number.w0() >= current || number.w0() < current - BLOCKHASH_WINDOW) {
      return Word.ZERO;
    }
    return word(frame.getBlockHashLookup().apply(frame, number.w0()).getBytes());
  }

  private Account account(org.evmjit.evm.word.Address a) {
    return frame.getWorldUpdater().get(address(a));
  }

  @Override
  public boolean exists(org.evmjit.evm.word.Address a) {
    return account(a) != null;
  }

  @Override
  public boolean isDead(org.evmjit.evm.word.Address a) {
    Account account = account(a);
    return account == null || account.isEmpty();
  }

  @Override
  public Word balance(org.evmjit.evm.word.Address a) {
    Account account = account(a);
    return account == null ? Word.ZERO : word(account.getBalance());
  }

  /**
   * The account's own code: for an EIP-7702 delegated account the 23-byte designator, as Besu's
   * EXTCODE* operations and {@code calculateCodeDelegationResolutionGas} read it.
   */
  @Override
  public Code code(org.evmjit.evm.word.Address a) {
    Account account = account(a);
    if (account == null || account.getCode().size() == 0) {
      return Code.EMPTY;
    }
    return new Code(account.getCode().toArrayUnsafe(), account.getCodeHash().getBytes().toArrayUnsafe());
  }

  /** As BalanceOperation and the call operations: warm if warmed before or a precompile. */
  @Override
  public boolean warmAccount(org.evmjit.evm.word.Address a) {
    Address address = address(a);
    boolean wasWarm = frame.warmUpAddress(address) || gasCalculator.isPrecompile(address);
    return !wasWarm;
  }

  @Override
  public boolean warmSlot(org.evmjit.evm.word.Address a, Word key) {
    return !frame.warmUpStorage(address(a), bytes32(key));
  }

  @Override
  public Word storage(org.evmjit.evm.word.Address a, Word key) {
    Account account = account(a);
    return account == null ? Word.ZERO : word(account.getStorageValue(uint(key)));
  }

  @Override
  public Word originalStorage(org.evmjit.evm.word.Address a, Word key) {
    Account account = account(a);
    return account == null ? Word.ZERO : word(account.getOriginalStorageValue(uint(key)));
  }

  /** SStoreOperation: the recipient's mutable account. */
  @Override
  public void setStorage(org.evmjit.evm.word.Address a, Word key, Word value) {
    frame.getWorldUpdater().getAccount(address(a)).setStorageValue(uint(key), uint(value));
  }

  @Override
  public Word transientStorage(org.evmjit.evm.word.Address a, Word key) {
    return word(frame.getTransientStorageValue(address(a), bytes32(key)));
  }

  @Override
  public void setTransientStorage(org.evmjit.evm.word.Address a, Word key, Word value) {
    frame.setTransientStorageValue(address(a), bytes32(key), bytes32(value));
  }

  @Override
  public void addRefund(long delta) {
    frame.incrementGasRefund(delta);
  }

  @Override
  public long refund() {
    return frame.getGasRefund();
  }

  @Override
  public void emitLog(org.evmjit.evm.word.Address a, Word[] topics, byte[] data) {
    List<LogTopic> list = new ArrayList<>(topics.length);
    for (Word t : topics) {
      list.add(LogTopic.create(bytes32(t)));
    }
    frame.addLog(new Log(address(a), Bytes.wrap(data), list));
  }

  /**
   * SelfDestructOperation for the forks evmjit accelerates (up to Osaka; Amsterdam's EIP-7708
   * transfer log is not here): the balance moves to the beneficiary; the account is destroyed
   * unless EIP-6780 (from Cancun) keeps it. Besu's transaction processor adds the pre-London
   * refund per self-destructed account itself.
   */
  @Override
  public void selfDestruct(org.evmjit.evm.word.Address self, org.evmjit.evm.word.Address beneficiary) {
    Address originatorAddress = address(self);
    Address beneficiaryAddress = address(beneficiary);
    MutableAccount originator = frame.getWorldUpdater().getAccount(originatorAddress);
    Wei balance = originator.getBalance();
    MutableAccount target = frame.getWorldUpdater().getOrCreate(beneficiaryAddress);
    boolean destroyed = !fork.isAtLeast(Fork.CANCUN) || frame.wasCreatedInTransaction(originatorAddress);
    originator.decrementBalance(balance);
    target.incrementBalance(balance);
    if (destroyed) {
      frame.addSelfDestruct(originatorAddress);
      originator.setBalance(Wei.ZERO);
    }
    frame.addRefund(beneficiaryAddress, balance);
  }
}
