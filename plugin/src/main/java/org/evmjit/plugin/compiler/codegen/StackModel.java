package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.plugin.compiler.codegen.BlockEmitter.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LCONST_1;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;

import org.objectweb.asm.MethodVisitor;

/**
 * The compile-time model of the EVM stack for the block being emitted (see {@link BlockEmitter}):
 * per slot, relative to the block's entry {@code top}, either null (the word is in the stack
 * array) or a {@link Value} whose limbs are constants or JVM locals. It loads array words into
 * locals on first use (and remembers them as clean), allocates value locals, and writes values
 * back to the array ("flushes") when asked. Without {@code registerValues} loaded words are not
 * remembered: every use reads the array.
 */
final class StackModel {
  private static final int SLOT_BASE = 1100;

  private final MethodVisitor mv;
  private final boolean registerValues;
  private final Value[] slots = new Value[SLOT_BASE + 1200];
  /**
   * Per slot: its {@link Value} is also in the stack array (loaded from there and not changed
   * since), so a flush need not write it. Cleared whenever the slot is set.
   */
  private final boolean[] clean = new boolean[SLOT_BASE + 1200];
  private int height;
  private int lowestVirtual;
  private int nextLocal;
  private int lowestTouched = Integer.MAX_VALUE;
  private int highestTouched = Integer.MIN_VALUE;

  StackModel(MethodVisitor mv, boolean registerValues) {
    this.mv = mv;
    this.registerValues = registerValues;
  }

  boolean registerValues() {
    return registerValues;
  }

  /** The block's net growth so far: slot {@code height() - 1} is the top. */
  int height() {
    return height;
  }

  /** Drops the top {@code n} slots from the model (they are consumed, not flushed). */
  void drop(int n) {
    height -= n;
  }

  /** Largest local index used so far plus one (for sizing). */
  int maxLocals() {
    return nextLocal;
  }

  /** Long limb locals allocated since the last {@link #resetLocals}, times two. */
  int limbLocalsInUse() {
    return nextLocal - FIRST_VALUE_LOCAL;
  }

  /** Reuses the value locals from the first one: only after everything is flushed. */
  void resetLocals() {
    nextLocal = FIRST_VALUE_LOCAL;
  }

  /** An empty model at a block entry: every word in the array, no local in use. */
  void enterBlock() {
    height = 0;
    lowestVirtual = Integer.MAX_VALUE;
    nextLocal = FIRST_VALUE_LOCAL;
    if (highestTouched >= lowestTouched) {
      java.util.Arrays.fill(slots, SLOT_BASE + lowestTouched, SLOT_BASE + highestTouched + 1, null);
      java.util.Arrays.fill(clean, SLOT_BASE + lowestTouched, SLOT_BASE + highestTouched + 1, false);
    }
    lowestTouched = Integer.MAX_VALUE;
    highestTouched = Integer.MIN_VALUE;
  }

  /** Whether a run of carried blocks has drifted too far or keeps more than {@code maxValues} virtual. */
  boolean carriesTooMuch(int maxValues) {
    return Math.abs(height) > 256 || (lowestVirtual != Integer.MAX_VALUE && height - lowestVirtual > maxValues);
  }

  Value slot(int k) {
    return slots[SLOT_BASE + k];
  }

  void set(int k, Value v) {
    slots[SLOT_BASE + k] = v;
    clean[SLOT_BASE + k] = false;
    lowestTouched = Math.min(lowestTouched, k);
    highestTouched = Math.max(highestTouched, k);
    if (v != null && k < lowestVirtual) {
      lowestVirtual = k;
    }
  }

  void push(Value v) {
    set(height, v);
    height++;
  }

  /** The next slot was written in the array by the code just emitted. */
  void pushArraySlot() {
    set(height, null);
    height++;
  }

  boolean allConstant(int n) {
    for (int j = 1; j <= n; j++) {
      Value v = slot(height - j);
      if (v == null || !v.isConstant()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value in slot {@code k}, loading it from the array into locals if it is there; the
   * loaded value stays in the slot, marked clean, so a later DUP or use does not load it again.
   */
  Value operand(int k) {
    Value v = slot(k);
    if (v != null) {
      return v;
    }
    v = new Value();
    for (int i = 0; i < 4; i++) {
      mv.visitVarInsn(ALOAD, L_STACK);
      index(k, i);
      mv.visitInsn(LALOAD);
      v.local[i] = storeNewLocal();
    }
    if (registerValues) {
      set(k, v);
      clean[SLOT_BASE + k] = true;
    }
    return v;
  }

  Value pop() {
    height--;
    Value v = operand(height);
    set(height, null);
    return v;
  }

  static Value small(int local) {
    Value v = Value.of(0, 0, 0, 0);
    v.local[0] = local;
    return v;
  }

  int storeNewLocal() {
    int l = nextLocal;
    nextLocal += 2;
    mv.visitVarInsn(LSTORE, l);
    return l;
  }

  void loadLimb(Value v, int i) {
    if (v.isConstant(i)) {
      pushLong(v.constant[i]);
    } else {
      mv.visitVarInsn(LLOAD, v.local[i]);
    }
  }

  void loadAll(Value v) {
    for (int i = 0; i < 4; i++) {
      loadLimb(v, i);
    }
  }

  /** Pushes the array index of limb {@code limb} of slot {@code k}: top + 4k + limb. */
  void index(int k, int limb) {
    mv.visitVarInsn(ILOAD, L_TOP);
    int off = 4 * k + limb;
    if (off != 0) {
      pushInt(off);
      mv.visitInsn(IADD);
    }
  }

  void flushRange(int from, int to) {
    for (int k = Math.max(from, lowestVirtual); k < to; k++) {
      Value v = slot(k);
      if (v != null) {
        if (!clean[SLOT_BASE + k]) {
          // s[top + 4k .. +3] = limbs: one compact call (HotSpot inlines it to four stores)
          mv.visitVarInsn(ALOAD, L_STACK);
          index(k, 0);
          loadAll(v);
          Refs.J_PUT.emit(mv);
        }
        slots[SLOT_BASE + k] = null;
        clean[SLOT_BASE + k] = false;
      }
    }
  }

  void flushAll() {
    if (lowestVirtual != Integer.MAX_VALUE) {
      flushRange(lowestVirtual, height);
      for (int k = Math.max(height, lowestVirtual); k < height + 64 && SLOT_BASE + k < slots.length; k++) {
        slots[SLOT_BASE + k] = null;
        clean[SLOT_BASE + k] = false;
      }
      lowestVirtual = Integer.MAX_VALUE;
    }
  }

  /** Moves {@code top} by the block's net growth so far and resets the model to it. */
  void moveTop() {
    if (height != 0) {
      mv.visitIincInsn(L_TOP, 4 * height);
    }
    height = 0;
  }

  void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(org.objectweb.asm.Opcodes.BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(org.objectweb.asm.Opcodes.SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  void pushLong(long v) {
    if (v == 0) {
      mv.visitInsn(LCONST_0);
    } else if (v == 1) {
      mv.visitInsn(LCONST_1);
    } else {
      mv.visitLdcInsn(v);
    }
  }
}
