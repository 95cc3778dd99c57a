package org.trackerkg.base;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a reader sends what it has to say about its input (Jena's {@code ErrorHandler} in spirit): every
 * diagnostic goes through {@link #report}, and a part of the input the reader tripped over (an exception inside
 * a section, which in use is kept verbatim with a warning) through {@link #unreadable}. The policy decides:
 * {@link #collecting()} keeps everything and never throws (what commands use); {@link #strict()} throws on the
 * first error or unreadable part (what tests use, so a reader bug fails them).
 */
public interface DiagnosticHandler {
  void report(Diagnostic diagnostic);

  /** A part of the input could not be read because of {@code cause}; by default just reported. */
  default void unreadable(Diagnostic diagnostic, RuntimeException cause) {
    report(diagnostic);
  }

  /** Collects every diagnostic, never throws. */
  static Collecting collecting() {
    return new Collecting(false, false);
  }

  /** Collects warnings; throws {@link StrictFailure} on the first error or unreadable part. */
  static Collecting strict() {
    return new Collecting(true, true);
  }

  /**
   * Collects warnings and errors, throws {@link StrictFailure} on the first unreadable part: for input that is
   * meant to be broken (fuzz cases), where errors are the right answer but a reader tripping over it is not.
   */
  static Collecting strictReading() {
    return new Collecting(false, true);
  }

  /** Thrown by a strict handler: the diagnostic as its message, the reader's exception (if any) as its cause. */
  final class StrictFailure extends RuntimeException {
    private final transient Diagnostic diagnostic;

    StrictFailure(Diagnostic diagnostic, Throwable cause) {
      super(diagnostic.toString(), cause);
      this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /** The two ready-made policies: both keep what they are given, in order; the strict one throws on errors. */
  final class Collecting implements DiagnosticHandler {
    private final boolean failOnError;
    private final boolean failOnUnreadable;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Collecting(boolean failOnError, boolean failOnUnreadable) {
      this.failOnError = failOnError;
      this.failOnUnreadable = failOnUnreadable;
    }

    @Override
    public synchronized void report(Diagnostic diagnostic) {
      if (failOnError && diagnostic.isError()) {
        throw new StrictFailure(diagnostic, null);
      }
      diagnostics.add(diagnostic);
    }

    @Override
    public synchronized void unreadable(Diagnostic diagnostic, RuntimeException cause) {
      if (failOnUnreadable) {
        throw new StrictFailure(diagnostic, cause);
      }
      diagnostics.add(diagnostic);
    }

    /** What was reported so far, in order. */
    public synchronized List<Diagnostic> diagnostics() {
      return List.copyOf(diagnostics);
    }
  }
}
