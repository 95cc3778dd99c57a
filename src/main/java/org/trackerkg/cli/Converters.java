package org.trackerkg.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackerkg.publish.RdfOutput;
import org.trackerkg.vocab.Iris;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed option values. A value picocli cannot convert is a usage error (exit 2) naming the option, reported by
 * {@link Main}'s parameter exception handler before the command runs.
 */
final class Converters {
  private Converters() {}

  /** {@code 500ms}, {@code 10s}, {@code 2m} (or {@code 2min}); a bare number is seconds; zero is refused. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|min)?");

    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException("not a duration: '" + value + "' (e.g. 500ms, 10s, 2m)");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      Duration d = switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m", "min" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      };
      if (d.isZero()) {
        throw new TypeConversionException("must be more than zero: '" + value + "'");
      }
      return d;
    }
  }

  /** An RDF format by name, extension or media type, as {@link RdfOutput.Format#parse} reads it. */
  static final class RdfFormatConverter implements ITypeConverter<RdfOutput.Format> {
    @Override
    public RdfOutput.Format convert(String value) {
      try {
        return RdfOutput.Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A base IRI every minted IRI starts with: absolute http(s), ending in {@code /} or {@code #}. */
  static final class BaseConverter implements ITypeConverter<Iris> {
    @Override
    public Iris convert(String value) {
      try {
        return new Iris(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
