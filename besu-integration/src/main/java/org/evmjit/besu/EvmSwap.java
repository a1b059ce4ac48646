package org.evmjit.besu;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.besu.evm.EVM;
import org.hyperledger.besu.evm.processor.AbstractMessageProcessor;

/**
 * Puts {@link JitEvm}s into message processors' {@code evm} field (Besu 26.8.0:
 * {@code AbstractMessageProcessor}'s package-private final field, read by {@code codeExecute}) and
 * puts the originals back. Everything is checked before anything is changed; a mismatch is one
 * message and no change.
 */
final class EvmSwap {
  static final String FIELD = "evm";

  /** One replaced field: which processor, what was there, what is there now. */
  record Swapped(AbstractMessageProcessor processor, EVM original, EVM installed) {}

  private final Field field;
  private final List<Swapped> swapped = new ArrayList<>();

  private EvmSwap(Field field) {
    this.field = field;
  }

  /** The field, checked: declared by AbstractMessageProcessor, of type EVM, an instance field, accessible. */
  static EvmSwap prepare() throws IncompatibleBesuException {
    Field f;
    try {
      f = AbstractMessageProcessor.class.getDeclaredField(FIELD);
    } catch (NoSuchFieldException e) {
      throw new IncompatibleBesuException(AbstractMessageProcessor.class.getName() + " has no field '" + FIELD + "'");
    }
    if (f.getType() != EVM.class || Modifier.isStatic(f.getModifiers())) {
      throw new IncompatibleBesuException(AbstractMessageProcessor.class.getName() + "." + FIELD + " is "
          + Modifier.toString(f.getModifiers()) + " " + f.getType().getName() + ", expected an instance field of type "
          + EVM.class.getName());
    }
    try {
      f.setAccessible(true);
    } catch (RuntimeException e) {
      throw new IncompatibleBesuException("cannot open " + AbstractMessageProcessor.class.getName() + "." + FIELD
          + ": " + e);
    }
    return new EvmSwap(f);
  }

  /**
   * Replaces the EVM of every processor for which {@code wrap} gives a replacement (one
   * replacement per distinct original EVM); all or nothing.
   *
   * @return the number of processors changed
   */
  int install(List<AbstractMessageProcessor> processors, Function<EVM, Optional<EVM>> wrap)
      throws IncompatibleBesuException {
    Map<EVM, Optional<EVM>> replacements = new IdentityHashMap<>();
    List<Swapped> planned = new ArrayList<>();
    for (AbstractMessageProcessor p : processors) {
      EVM current = read(p);
      if (current == null) {
        throw new IncompatibleBesuException(p.getClass().getName() + "." + FIELD + " is null");
      }
      replacements.computeIfAbsent(current, wrap).ifPresent(r -> planned.add(new Swapped(p, current, r)));
    }
    try {
      for (Swapped s : planned) {
        write(s.processor(), s.installed());
        swapped.add(s);
      }
    } catch (IncompatibleBesuException | RuntimeException e) {
      restore(); // all or nothing
      throw e;
    }
    return planned.size();
  }

  /** Puts back every original EVM that is still replaced by ours; returns how many. */
  int restore() {
    int n = 0;
    for (Swapped s : swapped) {
      try {
        if (read(s.processor()) == s.installed()) {
          write(s.processor(), s.original());
          n++;
        }
      } catch (IncompatibleBesuException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    swapped.clear();
    return n;
  }

  List<Swapped> swapped() {
    return List.copyOf(swapped);
  }

  private EVM read(AbstractMessageProcessor p) throws IncompatibleBesuException {
    try {
      return (EVM) field.get(p);
    } catch (IllegalAccessException e) {
      throw new IncompatibleBesuException("cannot read " + p.getClass().getName() + "." + FIELD + ": " + e);
    }
  }

  private void write(AbstractMessageProcessor p, EVM evm) throws IncompatibleBesuException {
    try {
      field.set(p, evm);
    } catch (IllegalAccessException e) {
      throw new IncompatibleBesuException("cannot write " + p.getClass().getName() + "." + FIELD + ": " + e);
    }
  }
}
