package org.hyperledger.besu.plugin.services;

public interface BesuService {}
