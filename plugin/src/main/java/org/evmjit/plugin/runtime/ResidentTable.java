package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.evmjit.evm.fork.Fork;

/**
 * The map lookups probe: (code hash, fork) to {@link Entry}. Many lock-free readers, one writer
 * at a time (the coordinator's lock). Open addressing with linear probing over an array of entry
 * references, so a hit touches the slot and the entry and nothing else: Keccak output is
 * uniformly distributed, so the first 64 bits of the hash index the table directly. The writer
 * publishes slots with release stores and a new array with a volatile store; a removed entry
 * leaves a tombstone (an entry that matches no key), so a reader's probe sequence is never cut
 * short; tombstones are dropped when the table is rebuilt. The load factor stays at most 1/2.
 */
final class ResidentTable {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Entry[].class);
  private static final int MIN_CAPACITY = 64;
  /** Matches nothing (its fork is null): marks a removed entry's slot. */
  private static final Entry TOMBSTONE = new Entry(0, 0, 0, 0, null);

  private volatile Entry[] slots = new Entry[MIN_CAPACITY];
  /** Writer only. */
  private int size;
  private int tombstones;

  private static int index(long h0, int fork, int mask) {
    long x = h0 ^ (fork * 0x9E3779B97F4A7C15L);
    return (int) (x ^ (x >>> 32)) & mask;
  }

  /** The entry for the hash and fork, or null. Any thread; lock-free, allocation-free. */
  Entry find(long h0, long h1, long h2, long h3, Fork fork) {
    Entry[] t = slots;
    int mask = t.length - 1;
    int i = index(h0, fork.ordinal(), mask);
    while (true) {
      Entry e = (Entry) SLOT.getAcquire(t, i);
      if (e == null) {
        return null;
      }
      if (e.h0 == h0 && e.fork == fork && e.h1 == h1 && e.h2 == h2 && e.h3 == h3) {
        return e;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  /** Adds {@code e}; there must be no entry for its key. Writer only. */
  void add(Entry e) {
    if ((size + tombstones + 1) * 2 > slots.length) {
      rebuild(size + 1);
    }
    Entry[] t = slots;
    int mask = t.length - 1;
    int i = index(e.h0, e.fork.ordinal(), mask);
    while (true) {
      Entry x = (Entry) SLOT.getAcquire(t, i);
      if (x == null || x == TOMBSTONE) {
        if (x == TOMBSTONE) {
          tombstones--;
        }
        SLOT.setRelease(t, i, e);
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes {@code e} (by identity); false when absent. Writer only. */
  boolean remove(Entry e) {
    Entry[] t = slots;
    int mask = t.length - 1;
    int i = index(e.h0, e.fork.ordinal(), mask);
    while (true) {
      Entry x = (Entry) SLOT.getAcquire(t, i);
      if (x == null) {
        return false;
      }
      if (x == e) {
        SLOT.setRelease(t, i, TOMBSTONE);
        size--;
        tombstones++;
        if (size * 8 < t.length && t.length > MIN_CAPACITY) {
          rebuild(size);
        }
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes everything. Writer only. */
  void clear() {
    slots = new Entry[MIN_CAPACITY];
    size = 0;
    tombstones = 0;
  }

  /** Visits every entry. Writer only (the set must not change meanwhile). */
  void forEach(Consumer<Entry> action) {
    for (Entry e : slots) {
      if (e != null && e != TOMBSTONE) {
        action.accept(e);
      }
    }
  }

  /** A new array with load at most 1/4 for {@code entries}, without tombstones. */
  private void rebuild(int entries) {
    int capacity = MIN_CAPACITY;
    while (capacity < entries * 4L) {
      capacity *= 2;
    }
    Entry[] old = slots;
    Entry[] t = new Entry[capacity];
    int mask = capacity - 1;
    for (Entry e : old) {
      if (e != null && e != TOMBSTONE) {
        int i = index(e.h0, e.fork.ordinal(), mask);
        while (t[i] != null) {
          i = (i + 1) & mask;
        }
        t[i] = e;
      }
    }
    tombstones = 0;
    slots = t; // the volatile store publishes the array and its plainly written slots
  }
}
