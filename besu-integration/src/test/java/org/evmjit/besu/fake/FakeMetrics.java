package org.evmjit.besu.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.hyperledger.besu.plugin.services.MetricsSystem;
import org.hyperledger.besu.plugin.services.metrics.MetricCategory;
import org.hyperledger.besu.plugin.services.metrics.MetricCategoryRegistry;

/** Records metrics as Besu's MetricsSystem would expose them: {@code <category>_<name>}, and the categories added. */
public final class FakeMetrics implements MetricsSystem, MetricCategoryRegistry {
  public final Map<String, DoubleSupplier> counters = new LinkedHashMap<>();
  public final Map<String, DoubleSupplier> gauges = new LinkedHashMap<>();
  public final List<MetricCategory> categories = new ArrayList<>();

  @Override
  public void createCounter(MetricCategory category, String name, String help, DoubleSupplier valueSupplier) {
    counters.put(category.getName() + "_" + name, valueSupplier);
  }

  @Override
  public void createGauge(MetricCategory category, String name, String help, DoubleSupplier valueSupplier) {
    gauges.put(category.getName() + "_" + name, valueSupplier);
  }

  @Override
  public void addMetricCategory(MetricCategory newMetricCategory) {
    categories.add(newMetricCategory);
  }
}
