package org.hyperledger.besu.plugin;

import org.evmjit.besu.declarations.Absent;

public interface BesuPlugin {
  default String getName() {
    throw Absent.absent();
  }

  void register(ServiceManager context);

  void start();

  void stop();
}
