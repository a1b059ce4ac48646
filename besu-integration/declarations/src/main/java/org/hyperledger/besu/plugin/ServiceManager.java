package org.hyperledger.besu.plugin;

import java.util.Optional;
import org.hyperledger.besu.plugin.services.BesuService;

public interface ServiceManager {
  <T extends BesuService> Optional<T> getService(Class<T> serviceType);
}
