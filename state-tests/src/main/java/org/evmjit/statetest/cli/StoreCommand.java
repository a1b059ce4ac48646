package org.evmjit.statetest.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.evmjit.evm.fork.Fork;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LmdbArtifactStore;
import org.evmjit.store.LoadResult;
import org.evmjit.store.StoreOptions;
import org.evmjit.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code evmjit store}: inspects and cleans an artifact store (the compiled classes a node keeps
 * on disk). {@code stats}, {@code list} and {@code verify} open it read-only, so they run beside
 * the node that writes it; {@code verify --repair}, {@code gc} and {@code remove} write, so the
 * node must be stopped. None of them creates a store.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Inspects and cleans an artifact store (compiled classes kept on disk in LMDB).",
    subcommands = {
      StoreCommand.Stats.class, StoreCommand.ListRecords.class, StoreCommand.Verify.class, StoreCommand.Gc.class,
      StoreCommand.Remove.class
    },
    footer = {"", "Exit status: 0 done, 1 bad records found (verify) or nothing to remove (remove), 2 usage error or"
        + " the store cannot be opened."})
final class StoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Io io;

  StoreCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(io.err());
    return ExitCode.USAGE;
  }

  /**
   * What every subcommand has: {@code --store DIR}, and a way to run on the opened store. A store
   * that cannot be opened or written ends the command with one line naming {@code --store} and
   * exit status 2.
   */
  abstract static class StoreSubcommand implements Callable<Integer> {
    @ParentCommand StoreCommand parent;

    @Option(names = "--store", paramLabel = "DIR", required = true, description = "The store's directory.")
    Path directory;

    int withStore(boolean readOnly, Function<LmdbArtifactStore, Integer> body) {
      try (LmdbArtifactStore store = LmdbArtifactStore.openExisting(directory,
          StoreOptions.defaults().withReadOnly(readOnly))) {
        return body.apply(store);
      } catch (StoreUnavailableException e) {
        parent.io.err().println("evmjit: --store " + e.getMessage());
        return ExitCode.USAGE;
      }
    }

    PrintStream out() {
      return parent.io.out();
    }
  }

  /** {@code --fork NAME} of {@code list} and {@code remove}: records of one fork, or of all when absent. */
  static final class ForkFilter {
    @Option(names = "--fork", paramLabel = "NAME", converter = Converters.ForkConverter.class,
        description = "Only records of this fork.")
    Fork fork;

    boolean matches(ArtifactKey key) {
      return fork == null || key.fork().equals(fork.fixtureName());
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = "Prints records, class bytes, hotness entries, quarantined records, data file and map size.")
  static final class Stats extends StoreSubcommand {
    @Option(names = "--json", description = "Print one JSON object instead.")
    boolean json;

    @Override
    public Integer call() {
      return withStore(true, s -> {
        ArtifactStore.StoreStats st = s.stats();
        int quarantined = s.quarantined();
        out().println(json ? statsJson(s.directory(), st, quarantined) : String.format(Locale.ROOT,
            "%s: %,d records, %,d class bytes, %,d hotness entries, %,d quarantined; data file %,d bytes, map %,d bytes",
            s.directory(), st.records(), st.classBytes(), st.hotnessEntries(), quarantined, st.diskBytes(), st.mapBytes()));
        return ExitCode.OK;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = {"Prints one line per record, in key order: code hash, fork, compiler fingerprint (shortened),"
          + " class bytes, recorded calls, creation time; then a count."})
  static final class ListRecords extends StoreSubcommand {
    @Mixin ForkFilter forks;

    @Override
    public Integer call() {
      return withStore(true, s -> {
        List<ArtifactStore.RecordInfo> records = s.list().stream()
            .filter(r -> forks.matches(r.key())).toList();
        for (ArtifactStore.RecordInfo r : records) {
          out().println(String.format(Locale.ROOT, "0x%s %-10s %-20s %,10d B %,8d calls  %s",
              r.key().codeHashHex(), r.key().fork(), shortFingerprint(r.key().fingerprint()), r.classBytes(), r.calls(),
              r.formatVersion() < 0 ? r.className() + " (see store verify)" : Instant.ofEpochMilli(r.createdMillis())));
        }
        out().println(String.format(Locale.ROOT, "%,d records, %,d class bytes", records.size(),
            records.stream().mapToLong(ArtifactStore.RecordInfo::classBytes).sum()));
        return ExitCode.OK;
      });
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = {"Checks every record as a load would (header, key, class-file version, content hash) and prints"
          + " each bad one with its reason and what was expected and found, then a summary.",
          "Read-only unless --repair."})
  static final class Verify extends StoreSubcommand {
    @Option(names = "--repair", description = "Move the bad records to the quarantine (the store must not be open"
        + " for writing elsewhere).")
    boolean repair;

    @Override
    public Integer call() {
      return withStore(!repair, s -> {
        ArtifactStore.VerifyReport report = s.verify(repair);
        for (LoadResult.Rejected bad : report.bad()) {
          out().println("BAD " + (bad.key() == null ? "(undecodable key)" : keyText(bad.key())) + ": "
              + bad.reason() + ": " + bad.detail());
        }
        out().println(String.format(Locale.ROOT, "%,d checked, %,d good, %,d bad%s", report.checked(),
            report.good(), report.bad().size(), repair && !report.bad().isEmpty() ? " (moved to the quarantine)" : ""));
        return report.bad().isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
      });
    }
  }

  @Command(name = "gc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = "Removes the records of other compilers than --keep-fingerprint, then the coldest records"
          + " (fewest calls, then oldest) until the rest fit --budget.")
  static final class Gc extends StoreSubcommand {
    @Spec CommandSpec spec;

    @Option(names = "--keep-fingerprint", paramLabel = "FP",
        description = "The compiler fingerprint whose records are kept; all others are removed.")
    String keepFingerprint;

    @Option(names = "--budget", paramLabel = "BYTES", converter = JitOptions.ByteSizeConverter.class,
        description = "The most bytes of records kept; accepts k, M, G (binary).")
    Long budget;

    @Override
    public Integer call() {
      if (keepFingerprint == null && budget == null) {
        throw new ParameterException(spec.commandLine(), "give --keep-fingerprint FP, --budget BYTES, or both");
      }
      if (keepFingerprint != null && keepFingerprint.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--keep-fingerprint must not be blank");
      }
      return withStore(false, s -> {
        ArtifactStore.GcReport r = s.gc(keepFingerprint, budget == null ? 0 : budget);
        out().println(String.format(Locale.ROOT,
            "removed %,d records of other fingerprints and %,d over the budget; %,d -> %,d record bytes",
            r.removedOtherFingerprint(), r.removedForBudget(), r.bytesBefore(), r.bytesAfter()));
        return ExitCode.OK;
      });
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = "Removes the records of one code hash (of every compiler fingerprint, and every fork unless"
          + " --fork); prints each removed record.")
  static final class Remove extends StoreSubcommand {
    @Option(names = "--code-hash", paramLabel = "HEX", required = true, converter = Converters.CodeHashConverter.class,
        description = "Keccak-256 of the code: 64 hex digits, with or without 0x.")
    Converters.CodeHash codeHash;

    @Mixin ForkFilter forks;

    @Override
    public Integer call() {
      return withStore(false, s -> {
        List<ArtifactKey> keys = s.list().stream().map(ArtifactStore.RecordInfo::key)
            .filter(k -> Arrays.equals(k.codeHash(), codeHash.bytes()) && forks.matches(k))
            .toList();
        for (ArtifactKey k : keys) {
          if (s.remove(k)) {
            out().println("removed " + keyText(k));
          }
        }
        if (keys.isEmpty()) {
          parent.io.err().println("evmjit: no record of code hash " + codeHash.hex()
              + (forks.fork == null ? "" : " and fork " + forks.fork.fixtureName()));
          return ExitCode.SOFTWARE;
        }
        return ExitCode.OK;
      });
    }
  }

  /** Code hash, fork and shortened fingerprint: how {@code verify} and {@code remove} name a record. */
  static String keyText(ArtifactKey key) {
    return "0x" + key.codeHashHex() + " " + key.fork() + " " + shortFingerprint(key.fingerprint());
  }

  /**
   * At most 20 characters: the start and the end of a longer fingerprint (fingerprints of one
   * compiler tend to share a prefix and differ at the end, such as a hash of the compiler).
   */
  static String shortFingerprint(String fp) {
    return fp.length() <= 20 ? fp : fp.substring(0, 9) + "..." + fp.substring(fp.length() - 8);
  }

  static String statsJson(Path directory, ArtifactStore.StoreStats s, int quarantined) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("store", directory.toString());
    o.put("records", s.records());
    o.put("classBytes", s.classBytes());
    o.put("hotnessEntries", s.hotnessEntries());
    o.put("quarantined", quarantined);
    o.put("diskBytes", s.diskBytes());
    o.put("mapBytes", s.mapBytes());
    return o.toString();
  }
}
