package org.evmjit.besu.seam;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.trace.Tracer;

/**
 * evmjit's own executor as the node of the seam: every frame that the wrapped engine (compiled
 * code) runs goes through {@link FrameRunner}, exactly as {@code JitEvm} runs a Besu frame;
 * {@code MessageExecutor} plays the node (starts children, hands their results back through
 * {@code CallCompletion}). A fallback re-runs the frame from its start on the interpreter. Every
 * call handed to the node and the segment that follows it go to a {@link ChildCodeCheck}.
 */
final class SeamEngine implements ExecutionEngine {
  private final ExecutionEngine compiled;
  private final ExecutionEngine interpreter;
  private final ChildCodeCheck childCode;

  SeamEngine(ExecutionEngine compiled, ExecutionEngine interpreter) {
    this(compiled, interpreter, new ChildCodeCheck());
  }

  SeamEngine(ExecutionEngine compiled, ExecutionEngine interpreter, ChildCodeCheck childCode) {
    this.compiled = compiled;
    this.interpreter = interpreter;
    this.childCode = childCode;
  }

  @Override
  public int execute(Frame frame, Host host, Tracer tracer) {
    childCode.segment(frame);
    if (tracer != null) {
      return interpreter.execute(frame, host, tracer);
    }
    boolean resumed = frame.pc != 0; // a frame resumes after a CALL/CREATE, never at pc 0
    long gasAtStart = frame.gas;
    ChildStarter node = (parent, request) -> {
      childCode.started(parent, request, host);
      return true;
    };
    Step step = FrameRunner.run(frame, compiled, host, node, resumed);
    return switch (step) {
      case DONE -> Frame.DONE;
      case CHILD -> Frame.SUSPEND;
      case FALLBACK -> {
        // The node's own frame is untouched in Besu (evmjit ran a copy); here the frame is shared,
        // so put back what a failed first segment may have moved. Memory cannot be shrunk.
        if (frame.memory.size() != 0) {
          throw new JitFrameFailure("fallback after memory grew", null);
        }
        frame.pc = 0;
        frame.sp = 0;
        frame.gas = gasAtStart;
        frame.status = null;
        frame.pending = null;
        yield interpreter.execute(frame, host, null);
      }
    };
  }
}
