package org.evmjit.statetest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.fixture.Indexes;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;

/**
 * Turns benchmark files into {@link BenchCase}s. Two formats:
 * <ul>
 *   <li>evm-benchmarks: filled state tests; one case per {@value #STATE_TEST_FORK} post entry
 *       (else per entry of the newest fork present), labelled by {@code _info.labels[d]};
 *   <li>revmc: {@code transaction} is an array of concrete transactions; one case per
 *       transaction, run under {@link #CONCRETE_FORK}.
 * </ul>
 * A fork given to the constructor replaces both choices: the cases run under it, with its own
 * post entries' indexes where the file has them, else with those of the entries chosen above.
 * Every case also carries its input as the JSON of a state test ({@link BenchJson}), for ethereumjs.
 */
public final class BenchLoader {
  static final String STATE_TEST_FORK = "London";
  static final Fork CONCRETE_FORK = Fork.CANCUN;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final StateTestLoader loader = new StateTestLoader();
  private final Optional<Fork> forkOverride;

  /** Cases under the fork each file chooses. */
  public BenchLoader() {
    this(Optional.empty());
  }

  /** Cases under {@code fork} when present (bench --fork). */
  public BenchLoader(Optional<Fork> fork) {
    this.forkOverride = fork;
  }

  /** @throws org.evmjit.statetest.fixture.FixtureException for a malformed file */
  public List<BenchCase> load(Path file, String displayName) {
    List<BenchCase> cases = new ArrayList<>();
    Path parent = file.toAbsolutePath().normalize().getParent();
    String suite = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FixtureException(displayName + ": cannot read: " + e, e);
    }
    List<StateTest> tests = loader.parse(bytes, displayName);
    List<JsonNode> jsons = BenchJson.perTest(readTree(bytes, displayName));
    for (int i = 0; i < tests.size(); i++) {
      StateTest test = tests.get(i);
      JsonNode json = jsons.get(i);
      WorldState pre = test.newPreState();
      if (test.post().isEmpty()) {
        cases.add(newCase(suite, test, json, pre, forkOverride.orElse(CONCRETE_FORK), Indexes.ZERO, "-"));
        continue;
      }
      String forkName = forkOverride.map(Fork::fixtureName)
          .filter(name -> test.post().stream().anyMatch(e -> e.forkName().equals(name)))
          .orElseGet(() -> chooseFork(test));
      for (PostEntry e : test.post()) {
        if (e.forkName().equals(forkName)) {
          Fork fork = forkOverride.orElseGet(() -> Fork.byName(forkName).orElseThrow());
          cases.add(newCase(suite, test, json, pre, fork, e.indexes(), label(test, e.indexes())));
        }
      }
    }
    return cases;
  }

  private static BenchCase newCase(
      String suite, StateTest test, JsonNode json, WorldState pre, Fork fork, Indexes idx, String input) {
    return new BenchCase(suite, test.file(), test.name(), input, fork, pre,
        test.env().toBlockEnv(fork), test.transaction().build(idx), json, idx);
  }

  /** The file's JSON; {@link StateTestLoader#parse} has read it already, so it is well-formed. */
  private static JsonNode readTree(byte[] bytes, String displayName) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new FixtureException(displayName + ": invalid JSON: " + e.getMessage(), e);
    }
  }

  private static String chooseFork(StateTest test) {
    List<String> names = test.post().stream().map(PostEntry::forkName).distinct().toList();
    if (names.contains(STATE_TEST_FORK)) {
      return STATE_TEST_FORK;
    }
    Optional<String> newest = names.stream()
        .filter(n -> Fork.byName(n).isPresent())
        .max(Comparator.comparing(n -> Fork.byName(n).orElseThrow()));
    return newest.orElseThrow(() -> new IllegalArgumentException(
        test.file() + ": " + test.name() + ": no post entries for a known fork"));
  }

  private static String label(StateTest test, Indexes idx) {
    String base = test.labels().getOrDefault(idx.data(), "d" + idx.data());
    if (idx.gas() != 0 || idx.value() != 0) {
      base += " g" + idx.gas() + " v" + idx.value();
    }
    return base;
  }
}
