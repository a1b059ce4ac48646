package org.hyperledger.besu.plugin.services;

public interface PicoCLIOptions extends BesuService {
  void addPicoCLIOptions(String namespace, Object optionObject);
}
