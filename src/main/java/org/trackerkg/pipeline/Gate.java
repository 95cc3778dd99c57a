package org.trackerkg.pipeline;

import org.trackerkg.validate.Validation;

/**
 * The one place that decides whether loaded data may be published (served or dumped): read → input errors? →
 * SHACL → conforms? Commands only say the verdict in their own words.
 */
public record Gate(Verdict verdict, Validation.Report report) {

  public enum Verdict {
    /** Some input could not be read: nothing partial is published. */
    INPUT_ERRORS,
    /** The data violates the shapes ({@link #report()} says how). */
    VIOLATIONS,
    /** The data may be published. */
    PUBLISHABLE
  }

  /** The verdict on {@code loaded}; with {@code validate} false the shapes are not checked (report null). */
  public static Gate check(Pipeline.Loaded loaded, boolean validate) {
    if (loaded.hasInputErrors()) {
      return new Gate(Verdict.INPUT_ERRORS, null);
    }
    if (!validate) {
      return new Gate(Verdict.PUBLISHABLE, null);
    }
    Validation.Report report = Validation.validate(loaded.dataset(), loaded.graph().sourceFiles());
    return new Gate(report.conforms() ? Verdict.PUBLISHABLE : Verdict.VIOLATIONS, report);
  }
}
