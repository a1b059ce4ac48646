package org.hyperledger.besu.plugin.services;

import java.nio.file.Path;

public interface BesuConfiguration extends BesuService {
  Path getDataPath();
}
