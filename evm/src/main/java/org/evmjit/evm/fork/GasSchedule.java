package org.evmjit.evm.fork;

/**
 * The gas constants that are not an opcode's static cost, per fork. Each fork is the previous
 * fork's schedule plus the edits of its EIPs ({@link #forFork}); opcode static costs are in
 * {@link GasTable}.
 */
public final class GasSchedule {
  /** Which SSTORE metering the fork uses. */
  public enum SstoreRule {
    /** Frontier: 20000 to set, 5000 otherwise, 15000 refund for clearing. */
    CLASSIC,
    /** EIP-1283 (Constantinople only) and EIP-2200 (Istanbul on): net gas metering. */
    NET_METERING,
  }

  public final Fork fork;
  public SstoreRule sstoreRule = SstoreRule.CLASSIC;
  /** EIP-2200's sentry: SSTORE fails when gas left is at most this (0 = no sentry). */
  public long sstoreSentry = 0;
  public long sstoreSet = 20000;
  public long sstoreReset = 5000;
  /** Cost of a no-op or dirty SSTORE under net metering (EIP-1283: 200; EIP-2200: SLOAD's 800; Berlin: warm read 100). */
  public long sstoreDirty = 200;
  public long sstoreClearRefund = 15000;

  /** EIP-2929 (Berlin): access lists. The warm cost is the opcode's static cost in {@link GasTable}. */
  public boolean accessLists = false;
  public long coldAccountSurcharge = 0;
  public long coldSloadSurcharge = 0;
  public long coldSloadCost = 0;
  public long warmReadCost = 0;

  public long expByte = 10;
  public long callValueTransfer = 9000;
  public long callNewAccount = 25000;
  public long callStipend = 2300;
  /** EIP-150 (Tangerine Whistle): calls pass at most all but one 64th of the gas left. */
  public boolean allButOne64th = false;
  public long selfdestructNewAccount = 0;
  public long selfdestructRefund = 24000;
  public long createDataPerByte = 200;
  /** EIP-3860 (Shanghai): initcode word cost and size limit (0 = no limit). */
  public long initcodePerWord = 0;
  public int maxInitcodeSize = 0;
  /** EIP-170 (Spurious Dragon): deployed code size limit (0 = no limit). */
  public int maxCodeSize = 0;
  /** The refund is capped at gas used divided by this (2, or 5 from London, EIP-3529). */
  public long maxRefundQuotient = 2;

  public long txBase = 21000;
  public long txCreate = 0;
  public long txDataZero = 4;
  public long txDataNonZero = 68;
  public long txAccessListAddress = 2400;
  public long txAccessListStorageKey = 1900;
  /** EIP-7623 (Prague): calldata tokens are zero bytes plus this many per non-zero byte. */
  public long txTokensPerNonZeroByte = 4;
  /** EIP-7623: the floor a transaction pays per calldata token, above {@link #txBase} (0 = no floor). */
  public long txFloorPerToken = 0;
  /** EIP-7702 (Prague): intrinsic gas per authorization tuple. */
  public long perEmptyAccountCost = 0;
  /** EIP-7702: what an authorization costs when its authority already exists (the rest is refunded). */
  public long perAuthBaseCost = 0;
  /** EIP-7825 (Osaka): the most gas a transaction may ask for (0 = no cap beyond the block's). */
  public long txMaxGasLimit = 0;

  private GasSchedule(Fork fork) {
    this.fork = fork;
  }

  private static final GasSchedule[] SCHEDULES = new GasSchedule[Fork.values().length];

  static {
    for (Fork f : Fork.values()) {
      SCHEDULES[f.ordinal()] = build(f);
    }
  }

  public static GasSchedule forFork(Fork fork) {
    return SCHEDULES[fork.ordinal()];
  }

  private static GasSchedule build(Fork f) {
    GasSchedule g = new GasSchedule(f);
    if (f.isAtLeast(Fork.HOMESTEAD)) {
      g.txCreate = 32000; // EIP-2
    }
    if (f.isAtLeast(Fork.TANGERINE_WHISTLE)) {
      g.allButOne64th = true; // EIP-150
      g.selfdestructNewAccount = 25000;
    }
    if (f.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      g.expByte = 50; // EIP-160
      g.maxCodeSize = 0x6000; // EIP-170
    }
    if (f == Fork.CONSTANTINOPLE) {
      g.sstoreRule = SstoreRule.NET_METERING; // EIP-1283, removed again in Petersburg
      g.sstoreDirty = 200;
    }
    if (f.isAtLeast(Fork.ISTANBUL)) {
      g.sstoreRule = SstoreRule.NET_METERING; // EIP-2200
      g.sstoreSentry = 2300;
      g.sstoreDirty = 800;
      g.txDataNonZero = 16; // EIP-2028
    }
    if (f.isAtLeast(Fork.BERLIN)) {
      g.accessLists = true; // EIP-2929
      g.coldAccountSurcharge = 2500;
      g.coldSloadSurcharge = 2000;
      g.coldSloadCost = 2100;
      g.warmReadCost = 100;
      g.sstoreDirty = 100;
      g.sstoreReset = 5000 - 2100;
    }
    if (f.isAtLeast(Fork.LONDON)) {
      g.sstoreClearRefund = 4800; // EIP-3529
      g.selfdestructRefund = 0;
      g.maxRefundQuotient = 5;
    }
    if (f.isAtLeast(Fork.SHANGHAI)) {
      g.initcodePerWord = 2; // EIP-3860
      g.maxInitcodeSize = 2 * 0x6000;
    }
    if (f.isAtLeast(Fork.PRAGUE)) {
      g.txFloorPerToken = 10; // EIP-7623
      g.perEmptyAccountCost = 25000; // EIP-7702
      g.perAuthBaseCost = 12500;
    }
    if (f.isAtLeast(Fork.OSAKA)) {
      g.txMaxGasLimit = 1L << 24; // EIP-7825
    }
    return g;
  }
}
