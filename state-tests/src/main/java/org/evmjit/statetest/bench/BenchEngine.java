package org.evmjit.statetest.bench;

/** An engine of {@code bench}: times one input and reports it as a {@link BenchResult}. */
public interface BenchEngine {
  BenchResult run(BenchCase c);
}
