package org.evmjit.statetest.runner;

/**
 * The outcome of one post entry (or of a whole file that could not be loaded: then {@code test}
 * and {@code fork} are empty and the indexes are -1).
 *
 * @param stateRoot actual state root as {@code 0x} hex, null when not computed
 * @param logsHash actual logs hash as {@code 0x} hex, null when not computed
 * @param output the transaction's output as unprefixed hex
 * @param error why the entry failed or was skipped; for a passing entry whose transaction was
 *     (expectedly) rejected, the rejection reason; otherwise null
 * @param timeNs time spent executing the transaction
 */
public record EntryResult(
    String file,
    String test,
    String fork,
    int d,
    int g,
    int v,
    Status status,
    String stateRoot,
    String logsHash,
    long gasUsed,
    String output,
    String error,
    long timeNs) {

  public enum Status {
    PASS,
    FAIL,
    SKIP
  }

  public boolean pass() {
    return status == Status.PASS;
  }

  public boolean failed() {
    return status == Status.FAIL;
  }

  public boolean skipped() {
    return status == Status.SKIP;
  }

  /** A file that could not be loaded or run at all. */
  public static EntryResult fileFailure(String file, String error) {
    return new EntryResult(file, "", "", -1, -1, -1, Status.FAIL, null, null, 0, "", error, 0);
  }

  /** "file test fork d=0 g=0 v=0", for messages. */
  public String where() {
    if (d < 0) {
      return file;
    }
    return file + " " + test + " " + fork + " d=" + d + " g=" + g + " v=" + v;
  }
}
