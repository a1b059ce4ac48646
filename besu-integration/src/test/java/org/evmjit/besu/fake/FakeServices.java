package org.evmjit.besu.fake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.besu.plugin.ServiceManager;
import org.hyperledger.besu.plugin.services.BesuService;

/** A ServiceManager holding test implementations, as Besu's plugin context holds its services. */
public final class FakeServices implements ServiceManager {
  private final Map<Class<?>, BesuService> services = new HashMap<>();

  public <T extends BesuService> FakeServices add(Class<T> type, T service) {
    services.put(type, service);
    return this;
  }

  @Override
  public <T extends BesuService> Optional<T> getService(Class<T> serviceType) {
    return Optional.ofNullable(serviceType.cast(services.get(serviceType)));
  }
}
