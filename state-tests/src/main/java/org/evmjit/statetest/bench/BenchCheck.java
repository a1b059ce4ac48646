package org.evmjit.statetest.bench;

/**
 * Checks one engine's result of an input against the reference engine's: the gas used and how the
 * transaction ended (ok, reverted or halted; not the engines' wording of a halt) must be the same.
 */
public final class BenchCheck {
  private BenchCheck() {}

  /** {@code r} as it is when it agrees (or either was not measured), else {@code r} with a "diverges" status. */
  public static BenchResult against(BenchResult r, BenchResult reference) {
    if (!r.measured() || !reference.measured()) {
      return r;
    }
    if (r.gasUsed() == reference.gasUsed() && ending(r.status()).equals(ending(reference.status()))) {
      return r;
    }
    return r.withStatus("diverges from " + reference.engine() + ": gas used " + r.gasUsed() + " vs "
        + reference.gasUsed() + ", " + r.status() + " vs " + reference.status());
  }

  /** "ok", "reverted" or "halted", without the reason after the colon. */
  private static String ending(String status) {
    int colon = status.indexOf(':');
    return colon < 0 ? status : status.substring(0, colon);
  }
}
