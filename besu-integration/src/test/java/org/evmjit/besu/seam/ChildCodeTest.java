package org.evmjit.besu.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import java.util.function.Predicate;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

/** Whose code the child of a call runs (EIP-7702), for each case the rule distinguishes. */
class ChildCodeTest {
  private static final Address CALLEE = Address.of(0xca11ee);
  private static final Address DELEGATE = Address.of(0xde1e);
  private static final Address PRECOMPILE = Address.of(0x0a);
  private static final Predicate<Address> PRECOMPILES = Set.of(PRECOMPILE)::contains;

  @Test
  void plainCodeRunsItself() {
    Code code = new Code(new byte[] {0x60, 0x00, 0x00});
    assertEquals(CALLEE, ChildCode.source(Fork.PRAGUE, CALLEE, code, PRECOMPILES));
    assertEquals(CALLEE, ChildCode.source(Fork.PRAGUE, CALLEE, Code.EMPTY, PRECOMPILES));
  }

  @Test
  void fromPragueADesignatorRunsTheDelegatesCode() {
    Code designator = Delegation.designator(DELEGATE);
    assertEquals(DELEGATE, ChildCode.source(Fork.PRAGUE, CALLEE, designator, PRECOMPILES));
    assertEquals(DELEGATE, ChildCode.source(Fork.OSAKA, CALLEE, designator, PRECOMPILES));
  }

  @Test
  void beforePragueADesignatorIsJustCode() {
    assertEquals(CALLEE, ChildCode.source(Fork.CANCUN, CALLEE, Delegation.designator(DELEGATE), PRECOMPILES));
  }

  @Test
  void aDelegationToAPrecompileRunsNoCode() {
    assertNull(ChildCode.source(Fork.PRAGUE, CALLEE, Delegation.designator(PRECOMPILE), PRECOMPILES));
  }

  @Test
  void onlyTheExact23ByteDesignatorDelegates() {
    byte[] longer = new byte[Delegation.DESIGNATOR_LENGTH + 1];
    System.arraycopy(Delegation.designator(DELEGATE).bytes(), 0, longer, 0, Delegation.DESIGNATOR_LENGTH);
    assertEquals(CALLEE, ChildCode.source(Fork.PRAGUE, CALLEE, new Code(longer), PRECOMPILES));
    byte[] otherVersion = Delegation.designator(DELEGATE).bytes().clone();
    otherVersion[2] = 0x01; // 0xef0101...: not a designator
    assertEquals(CALLEE, ChildCode.source(Fork.PRAGUE, CALLEE, new Code(otherVersion), PRECOMPILES));
  }
}
