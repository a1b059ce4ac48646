package org.hyperledger.besu.plugin.services.metrics;

import org.hyperledger.besu.plugin.services.BesuService;

public interface MetricCategoryRegistry extends BesuService {
  void addMetricCategory(MetricCategory newMetricCategory);
}
