package org.trackerkg.base;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Text for {@code java.util.regex} that gives up when its work is cancelled. A backtracking regex ignores thread
 * interrupts and can run for hours over a short string ({@code (.*a){12}$}); it does, however, read the text through
 * {@link #charAt} all the time, so a cancel flag checked there stops it within microseconds. The flag is set by
 * whoever owns the deadline (the server's query clock), or by the time limit given here.
 */
public final class Deadline implements CharSequence {
  /** How many character reads between two looks at the flag and the clock. */
  private static final int CHECK_EVERY = 1024;

  private final CharSequence text;
  private final AtomicBoolean cancelled;
  private final long deadlineNanos;
  /** Character reads left before giving up (Long.MAX_VALUE: no such budget); shared with sub-sequences. */
  private final long[] budget;
  private int reads;

  private Deadline(CharSequence text, AtomicBoolean cancelled, long deadlineNanos) {
    this(text, cancelled, deadlineNanos, new long[] {Long.MAX_VALUE});
  }

  private Deadline(CharSequence text, AtomicBoolean cancelled, long deadlineNanos, long[] budget) {
    this.text = text;
    this.cancelled = cancelled;
    this.deadlineNanos = deadlineNanos;
    this.budget = budget;
  }

  /** The text, read until {@code cancelled} is set (null: never cancelled). */
  public static Deadline until(CharSequence text, AtomicBoolean cancelled) {
    return new Deadline(text, cancelled, Long.MAX_VALUE);
  }

  /** The text, read until {@code cancelled} is set (null: never) or {@link System#nanoTime()} passes the deadline. */
  public static Deadline until(CharSequence text, AtomicBoolean cancelled, long deadlineNanos) {
    return new Deadline(text, cancelled, deadlineNanos);
  }

  /** The text, read for at most this many milliseconds from now. */
  public static Deadline within(CharSequence text, long millis) {
    return new Deadline(text, null, System.nanoTime() + millis * 1_000_000L);
  }

  /**
   * The text, read at most {@code maxReads} times: a budget counted in steps rather than time, so the same regex over
   * the same text gives the same answer on any machine and under any load (the signature matcher's bound).
   */
  public static Deadline reads(CharSequence text, long maxReads) {
    return new Deadline(text, null, Long.MAX_VALUE, new long[] {maxReads});
  }

  @Override
  public char charAt(int index) {
    if (budget[0] != Long.MAX_VALUE && --budget[0] < 0) {
      throw new Expired();
    }
    if (++reads >= CHECK_EVERY) {
      reads = 0;
      if ((cancelled != null && cancelled.get())
          || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0)) {
        throw new Expired();
      }
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new Deadline(text.subSequence(start, end), cancelled, deadlineNanos, budget);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** The regex ran out of time. */
  public static final class Expired extends CancellationException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("regular expression stopped: out of time");
    }
  }
}
