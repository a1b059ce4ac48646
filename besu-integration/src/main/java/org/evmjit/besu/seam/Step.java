package org.evmjit.besu.seam;

/** How a segment of an evmjit-run frame ended ({@link FrameRunner#run}). */
public enum Step {
  /** The frame finished: status, gas left and output are in the {@code Frame}. */
  DONE,
  /** The frame is suspended and the node has started its child; resume after the child completes. */
  CHILD,
  /**
   * Compiled code or the bridge threw before the frame changed anything: the node runs the
   * whole frame on its own interpreter, from its start, as if evmjit had never seen it.
   */
  FALLBACK
}
