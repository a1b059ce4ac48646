package org.evmjit.statetest.cli;

import org.evmjit.statetest.runner.EntryResult;

/** Prints results as they arrive. */
interface ResultWriter {
  void write(EntryResult result);
}
