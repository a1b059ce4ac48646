package org.hyperledger.besu.plugin.services.metrics;

import java.util.Optional;

public interface MetricCategory {
  String getName();

  Optional<String> getApplicationPrefix();
}
