package org.evmjit.besu;

import java.util.Optional;
import org.hyperledger.besu.plugin.services.metrics.MetricCategory;

/** The plugin's metric category, {@code evmjit}: metrics are named {@code evmjit_<name>}. */
final class EvmJitMetricCategory implements MetricCategory {
  static final EvmJitMetricCategory INSTANCE = new EvmJitMetricCategory();

  private EvmJitMetricCategory() {}

  @Override
  public String getName() {
    return "evmjit";
  }

  @Override
  public Optional<String> getApplicationPrefix() {
    return Optional.empty();
  }
}
