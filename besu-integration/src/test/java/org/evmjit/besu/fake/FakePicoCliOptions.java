package org.evmjit.besu.fake;

import org.hyperledger.besu.plugin.services.PicoCLIOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds a plugin's options to a picocli command line as Besu 26.8.0's PicoCLIOptionsImpl does:
 * every name must start with {@code --plugin-<namespace>-}, and the object becomes a mixin named
 * {@code Plugin <namespace>}.
 */
public final class FakePicoCliOptions implements PicoCLIOptions {
  private final CommandLine commandLine;

  public FakePicoCliOptions(CommandLine commandLine) {
    this.commandLine = commandLine;
  }

  @Override
  public void addPicoCLIOptions(String namespace, Object optionObject) {
    String prefix = "--plugin-" + namespace + "-";
    CommandSpec mixin = CommandSpec.forAnnotatedObject(optionObject);
    for (OptionSpec option : mixin.options()) {
      for (String name : option.names()) {
        if (!name.startsWith(prefix)) {
          throw new IllegalStateException("option " + name + " lacks the prefix " + prefix);
        }
      }
    }
    commandLine.getCommandSpec().addMixin("Plugin " + namespace, mixin);
  }
}
