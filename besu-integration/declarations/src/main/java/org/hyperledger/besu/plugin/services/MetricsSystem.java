package org.hyperledger.besu.plugin.services;

import java.util.function.DoubleSupplier;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.plugin.services.metrics.MetricCategory;

public interface MetricsSystem extends BesuService {
  default void createCounter(MetricCategory category, String name, String help, DoubleSupplier valueSupplier) {
    throw Absent.absent();
  }

  default void createGauge(MetricCategory category, String name, String help, DoubleSupplier valueSupplier) {
    throw Absent.absent();
  }
}
