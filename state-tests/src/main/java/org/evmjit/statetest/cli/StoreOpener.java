package org.evmjit.statetest.cli;

import java.nio.file.Path;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LmdbArtifactStore;
import org.evmjit.store.StoreOptions;
import org.evmjit.store.StoreUnavailableException;

/** Opens the artifact store a {@code --store DIR} option names (LMDB), read-write. */
final class StoreOpener {
  private StoreOpener() {}

  /**
   * @param diskBudgetBytes the most bytes of records kept (0: no budget)
   * @throws StoreUnavailableException when the directory cannot be used (the message says why)
   */
  static ArtifactStore open(Path directory, long diskBudgetBytes) {
    return LmdbArtifactStore.open(directory, StoreOptions.defaults().withDiskBudget(diskBudgetBytes));
  }
}
