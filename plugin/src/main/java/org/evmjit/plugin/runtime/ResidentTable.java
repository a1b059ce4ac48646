package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.evmjit.evm.fork.Fork;

/**
 * The map lookups probe: (code hash, fork) to {@link Entry}. Many lock-free readers, one writer
 * at a time (the coordinator's lock). Buckets hold immutable chains of nodes: a writer publishes
 * a new chain head with a release store, a reader walks whatever chain it loads, so a reader
 * never sees a half-built node and never takes a lock or allocates. Keccak output is uniformly
 * distributed, so the first 64 bits of the hash index the table directly.
 */
final class ResidentTable {
  private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Node[].class);
  private static final int MIN_CAPACITY = 64;

  private static final class Node {
    final Entry entry;
    final Node next;

    Node(Entry entry, Node next) {
      this.entry = entry;
      this.next = next;
    }
  }

  private volatile Node[] buckets = new Node[MIN_CAPACITY];
  /** Writer only. */
  private int size;

  private static int index(long h0, int fork, int mask) {
    long x = h0 ^ (fork * 0x9E3779B97F4A7C15L);
    return (int) (x ^ (x >>> 32)) & mask;
  }

  /** The entry for the hash and fork, or null. Any thread; lock-free, allocation-free. */
  Entry find(long h0, long h1, long h2, long h3, Fork fork) {
    Node[] t = buckets;
    Node n = (Node) BUCKET.getAcquire(t, index(h0, fork.ordinal(), t.length - 1));
    while (n != null) {
      Entry e = n.entry;
      if (e.h0 == h0 && e.h1 == h1 && e.h2 == h2 && e.h3 == h3 && e.fork == fork) {
        return e;
      }
      n = n.next;
    }
    return null;
  }

  int size() {
    return size;
  }

  /** Adds {@code e}; there must be no entry for its key. Writer only. */
  void add(Entry e) {
    if (size + 1 > buckets.length - (buckets.length >>> 2)) {
      resize(buckets.length * 2);
    }
    Node[] t = buckets;
    int i = index(e.h0, e.fork.ordinal(), t.length - 1);
    BUCKET.setRelease(t, i, new Node(e, (Node) BUCKET.getAcquire(t, i)));
    size++;
  }

  /** Removes {@code e} (by identity); false when absent. Writer only. */
  boolean remove(Entry e) {
    Node[] t = buckets;
    int i = index(e.h0, e.fork.ordinal(), t.length - 1);
    Node head = (Node) BUCKET.getAcquire(t, i);
    Node n = head;
    while (n != null && n.entry != e) {
      n = n.next;
    }
    if (n == null) {
      return false;
    }
    Node rebuilt = n.next; // copy the nodes before e, keep the tail after it
    for (Node m = head; m != n; m = m.next) {
      rebuilt = new Node(m.entry, rebuilt);
    }
    BUCKET.setRelease(t, i, rebuilt);
    size--;
    if (size < t.length >>> 3 && t.length > MIN_CAPACITY) {
      resize(t.length / 2);
    }
    return true;
  }

  /** Removes everything. Writer only. */
  void clear() {
    buckets = new Node[MIN_CAPACITY];
    size = 0;
  }

  /** Visits every entry. Writer only (the set must not change meanwhile). */
  void forEach(Consumer<Entry> action) {
    for (Node head : buckets) {
      for (Node n = head; n != null; n = n.next) {
        action.accept(n.entry);
      }
    }
  }

  private void resize(int capacity) {
    Node[] old = buckets;
    Node[] t = new Node[capacity];
    int mask = capacity - 1;
    for (Node head : old) {
      for (Node n = head; n != null; n = n.next) {
        int i = index(n.entry.h0, n.entry.fork.ordinal(), mask);
        t[i] = new Node(n.entry, t[i]);
      }
    }
    buckets = t; // volatile store publishes the new array and its plainly written chains
  }
}
