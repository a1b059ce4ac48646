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
  /**
   * Lowest slot known to exist in the stack: the entry checks of the block (or of the chain it
   * is carried in) guarantee {@code -floor} words below the entry {@code top}.
   */
  private int floor;
  /** Carry mask of the stack map frame declared last (see {@link #frame}), -1 before the first. */
  private int declaredMask = -1;

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

  /**
   * The model at a block entry: the words at the depths in {@code carried} (a mask, see
   * {@code CarryAnalysis}) in their carry locals ({@link #carryLocal}), every other word in the
   * array; {@code minHeight} words are known to exist (the entry checks).
   */
  void enterBlock(int carried, int minHeight) {
    height = 0;
    lowestVirtual = Integer.MAX_VALUE;
    nextLocal = FIRST_VALUE_LOCAL + 8 * (32 - Integer.numberOfLeadingZeros(carried));
    floor = -minHeight;
    if (highestTouched >= lowestTouched) {
      java.util.Arrays.fill(slots, SLOT_BASE + lowestTouched, SLOT_BASE + highestTouched + 1, null);
      java.util.Arrays.fill(clean, SLOT_BASE + lowestTouched, SLOT_BASE + highestTouched + 1, false);
    }
    lowestTouched = Integer.MAX_VALUE;
    highestTouched = Integer.MIN_VALUE;
    for (int d = 0; d < 32; d++) {
      if ((carried & (1 << d)) == 0) {
        continue;
      }
      Value v = new Value();
      for (int i = 0; i < 4; i++) {
        v.local[i] = carryLocal(d, i);
      }
      set(-1 - d, v);
    }
  }

  /**
   * The local holding limb {@code limb} of the carried word at depth {@code d} (0: the top) at
   * the label of a block that carries it; the same for every block, so a join needs no renaming.
   */
  static int carryLocal(int d, int limb) {
    return FIRST_VALUE_LOCAL + 8 * d + 2 * limb;
  }

  /**
   * Whether the words at the depths in {@code mask} can be moved into carry locals: each is in
   * the model or known to exist in the array (so reading it cannot run below the stack's bottom).
   */
  boolean canMove(int mask) {
    for (int d = 0; d < 32; d++) {
      int k = height - 1 - d;
      if ((mask & (1 << d)) != 0 && slot(k) == null && k < floor) {
        return false;
      }
    }
    return true;
  }

  /**
   * Before leaving the block for known targets: copies the words at the depths in {@code move}
   * into their carry locals and writes every other word not in {@code keep} (a subset of
   * {@code move}: what every target carries) to the array, where a target that does not carry
   * it expects it. A parallel move: every source limb is read (onto the JVM operand stack)
   * before any carry local is written, since a source may be another word's carry local; a
   * limb already in its carry local stays (locals are never reassigned while a value uses them).
   * {@code top} is not moved. The model is to be discarded afterwards.
   */
  void prepareCarry(int move, int keep) {
    if (move == 0 && lowestVirtual == Integer.MAX_VALUE) {
      return; // nothing to move, nothing to write
    }
    boolean[] moved = new boolean[4 * 32];
    for (int d = 0; d < 32; d++) {
      if ((move & (1 << d)) == 0) {
        continue;
      }
      int k = height - 1 - d;
      Value v = slot(k);
      for (int i = 0; i < 4; i++) {
        if (v != null && v.local[i] == carryLocal(d, i)) {
          continue;
        }
        moved[4 * d + i] = true;
        if (v != null) {
          loadLimb(v, i);
        } else {
          mv.visitVarInsn(ALOAD, L_STACK);
          index(k, i);
          mv.visitInsn(LALOAD);
        }
      }
    }
    if (lowestVirtual != Integer.MAX_VALUE) {
      for (int k = lowestVirtual; k < height; k++) {
        int d = height - 1 - k;
        if (d >= 32 || (keep & (1 << d)) == 0) {
          flushRange(k, k + 1);
        }
      }
    }
    for (int j = moved.length - 1; j >= 0; j--) {
      if (moved[j]) {
        mv.visitVarInsn(LSTORE, carryLocal(j / 4, j % 4));
      }
    }
  }

  /**
   * After {@link #prepareCarry} and {@link #moveTop}: writes the words at the depths in
   * {@code mask} from their carry locals to the array, so that it holds the whole stack again.
   */
  void storeCarried(int mask) {
    for (int d = 0; d < 32; d++) {
      if ((mask & (1 << d)) != 0) {
        mv.visitVarInsn(ALOAD, L_STACK);
        index(-1 - d, 0);
        for (int i = 0; i < 4; i++) {
          mv.visitVarInsn(LLOAD, carryLocal(d, i));
        }
        Refs.J_PUT.emit(mv);
      }
    }
  }

  /**
   * Declares the stack map frame at a label just visited: the fixed locals, the carry locals of
   * the depths in {@code carried} (longs; unset locals below the deepest are TOP) and
   * {@code stack} (nothing, or one int) on the operand stack. Compressed when the locals are
   * those of the previous frame, so writing one costs ASM no type lookups.
   */
  void frame(int carried, Object... stack) {
    if (carried == declaredMask) {
      if (stack.length == 0) {
        mv.visitFrame(org.objectweb.asm.Opcodes.F_SAME, 0, null, 0, null);
      } else {
        mv.visitFrame(org.objectweb.asm.Opcodes.F_SAME1, 0, null, 1, stack);
      }
      return;
    }
    java.util.List<Object> locals = new java.util.ArrayList<>(java.util.List.of(CHUNK_FRAME_LOCALS));
    for (int d = 0; d < 32 - Integer.numberOfLeadingZeros(carried); d++) {
      for (int i = 0; i < 4; i++) {
        if ((carried & (1 << d)) != 0) {
          locals.add(org.objectweb.asm.Opcodes.LONG);
        } else {
          locals.add(org.objectweb.asm.Opcodes.TOP);
          locals.add(org.objectweb.asm.Opcodes.TOP);
        }
      }
    }
    mv.visitFrame(org.objectweb.asm.Opcodes.F_FULL, locals.size(), locals.toArray(), stack.length, stack);
    declaredMask = carried;
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
    floor -= height;
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
