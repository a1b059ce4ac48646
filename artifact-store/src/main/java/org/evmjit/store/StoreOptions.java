package org.evmjit.store;

/**
 * How a store is opened.
 *
 * @param readOnly open for reading only (inspection commands; a store another process writes)
 * @param diskBudgetBytes the most bytes of records kept; past it the coldest records are removed
 *     when new ones are written (0: no budget)
 * @param initialMapBytes the LMDB map size to start with; the map grows when it fills
 */
public record StoreOptions(boolean readOnly, long diskBudgetBytes, long initialMapBytes) {
  /** 64 MiB: a few thousand typical artifacts before the first growth. */
  public static final long DEFAULT_INITIAL_MAP_BYTES = 64L << 20;

  public StoreOptions {
    if (diskBudgetBytes < 0) {
      throw new IllegalArgumentException("diskBudgetBytes < 0: " + diskBudgetBytes);
    }
    if (initialMapBytes <= 0) {
      throw new IllegalArgumentException("initialMapBytes <= 0: " + initialMapBytes);
    }
  }

  /** Read-write, no disk budget, the default initial map. */
  public static StoreOptions defaults() {
    return new StoreOptions(false, 0, DEFAULT_INITIAL_MAP_BYTES);
  }

  public StoreOptions withReadOnly(boolean value) {
    return new StoreOptions(value, diskBudgetBytes, initialMapBytes);
  }

  public StoreOptions withDiskBudget(long bytes) {
    return new StoreOptions(readOnly, bytes, initialMapBytes);
  }

  public StoreOptions withInitialMapBytes(long bytes) {
    return new StoreOptions(readOnly, diskBudgetBytes, bytes);
  }
}
