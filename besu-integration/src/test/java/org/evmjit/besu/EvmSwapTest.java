package org.evmjit.besu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evmjit.besu.fake.Instances;
import org.hyperledger.besu.evm.EVM;
import org.hyperledger.besu.evm.processor.AbstractMessageProcessor;
import org.hyperledger.besu.evm.processor.TestProcessor;
import org.junit.jupiter.api.Test;

/** Installing into and restoring message processors' evm field (declared as in Besu 26.8.0: package-private final). */
class EvmSwapTest {
  private final EVM cancun = Instances.allocate(EVM.class);
  private final EVM amsterdam = Instances.allocate(EVM.class);
  private final AbstractMessageProcessor call = processor(cancun);
  private final AbstractMessageProcessor create = processor(cancun);
  private final AbstractMessageProcessor amsterdamCall = processor(amsterdam);
  private final Map<EVM, EVM> replacements = new IdentityHashMap<>();

  private Optional<EVM> wrap(EVM original) {
    if (original != cancun) {
      return Optional.empty(); // a fork evmjit does not accelerate
    }
    EVM r = Instances.allocate(EVM.class);
    replacements.put(original, r);
    return Optional.of(r);
  }

  @Test
  void installsOneReplacementPerOriginalAndRestoresThem() throws Exception {
    EvmSwap swap = EvmSwap.prepare();
    assertEquals(2, swap.install(List.of(call, create, amsterdamCall), this::wrap));
    EVM installed = replacements.get(cancun);
    assertSame(installed, evm(call));
    assertSame(installed, evm(create), "processors sharing an EVM share its replacement");
    assertSame(amsterdam, evm(amsterdamCall));
    assertEquals(2, swap.restore());
    assertSame(cancun, evm(call));
    assertSame(cancun, evm(create));
  }

  @Test
  void restoreLeavesAFieldSomeoneElseChanged() throws Exception {
    EvmSwap swap = EvmSwap.prepare();
    swap.install(List.of(call, create), this::wrap);
    EVM third = Instances.allocate(EVM.class);
    set(call, third);
    assertEquals(1, swap.restore());
    assertSame(third, evm(call));
    assertSame(cancun, evm(create));
  }

  @Test
  void aNullFieldChangesNothing() throws Exception {
    AbstractMessageProcessor broken = processor(null);
    EvmSwap swap = EvmSwap.prepare();
    IncompatibleBesuException e = assertThrows(IncompatibleBesuException.class,
        () -> swap.install(List.of(call, broken), this::wrap));
    assertEquals(TestProcessor.class.getName() + ".evm is null", e.getMessage());
    assertSame(cancun, evm(call));
  }

  private static AbstractMessageProcessor processor(EVM evm) {
    AbstractMessageProcessor p = Instances.allocate(TestProcessor.class);
    set(p, evm);
    return p;
  }

  private static EVM evm(AbstractMessageProcessor p) throws Exception {
    return (EVM) field().get(p);
  }

  private static void set(AbstractMessageProcessor p, EVM evm) {
    try {
      field().set(p, evm);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field() {
    try {
      Field f = AbstractMessageProcessor.class.getDeclaredField("evm");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
