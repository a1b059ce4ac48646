package org.evmjit.statetest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.Executor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code evmjit} command line: {@code state-test}, {@code bench}, {@code fuzz} and {@code aot}. */
@Command(
    name = "evmjit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A Java EVM: run Ethereum state tests, benchmarks and differential fuzzing.",
    footer = {"", "Exit status: 0 all passed, 1 something failed, 2 usage error."})
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(Io.system(), Engine::newExecutor, args));
  }

  /** Runs the command line with {@code io}; {@code executors} makes an engine's executor. */
  public static int run(Io io, Function<Engine, Executor> executors, String... args) {
    return commandLine(io, executors).execute(args);
  }

  static CommandLine commandLine(Io io, Function<Engine, Executor> executors) {
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand("state-test", new StateTestCommand(io, executors));
    cl.addSubcommand("bench", new BenchCommand(io, executors));
    cl.addSubcommand("fuzz", new FuzzCommand(io));
    cl.addSubcommand("aot", new AotCommand(io));
    cl.addSubcommand("store", new StoreCommand(io));
    cl.setOut(new PrintWriter(io.out(), true));
    cl.setErr(new PrintWriter(io.err(), true));
    cl.setParameterExceptionHandler(Main::shortUsageError);
    return cl;
  }

  /** A usage error: the message and a hint, not the whole help text. */
  private static int shortUsageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("evmjit: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /** The version from the build (resource filtered by Maven). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/org/evmjit/statetest/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // fall through to "unknown"
      }
      return new String[] {
        "evmjit " + p.getProperty("version", "unknown"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
