package org.evmjit.besu.fake;

import java.nio.file.Path;
import org.hyperledger.besu.plugin.services.BesuConfiguration;

public record FakeConfiguration(Path dataPath) implements BesuConfiguration {
  @Override
  public Path getDataPath() {
    return dataPath;
  }
}
