package org.trackerkg.query;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Checks a parameter's value against its type and turns it into the RDF term that replaces the variable. */
final class ParamValues {
  static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,18}");
  private static final int MAX_LENGTH = 2000;

  private ParamValues() {}

  /** Throws {@link ParameterException} naming the parameter when the value does not fit its type. */
  static void check(QueryParam p, String value) {
    if (value.length() > MAX_LENGTH) {
      throw bad(p, "is longer than " + MAX_LENGTH + " characters");
    }
    switch (p.type()) {
      case STRING -> { }
      case INTEGER -> {
        if (!INTEGER.matcher(value).matches()) {
          throw bad(p, "must be an integer, not '" + value + "'");
        }
      }
      case IRI -> httpIri(p, value);
      case TRACKER -> {
        if (!SLUG.matcher(value).matches()) {
          URI uri = httpIri(p, value);
          String path = uri.getRawPath() == null ? "" : uri.getRawPath();
          int i = path.lastIndexOf("/id/tracker/");
          if (i < 0 || !SLUG.matcher(path.substring(i + "/id/tracker/".length())).matches()
              || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(p, "must be a tracker slug (like mparticle) or a tracker IRI (…/id/tracker/mparticle), not '"
                + value + "'");
          }
        }
      }
      default -> throw new IllegalStateException(p.type().toString());
    }
  }

  /** The RDF term for a checked value; tracker slugs become {@code {base}id/tracker/{slug}}. */
  static Node node(QueryParam p, String value, String base) {
    check(p, value);
    return switch (p.type()) {
      case STRING -> NodeFactory.createLiteralString(value);
      case INTEGER -> NodeFactory.createLiteralDT(value.startsWith("+") ? value.substring(1) : value,
          XSDDatatype.XSDinteger);
      case IRI -> NodeFactory.createURI(value);
      case TRACKER -> NodeFactory.createURI(SLUG.matcher(value).matches() ? base + "id/tracker/" + value : value);
    };
  }

  private static URI httpIri(QueryParam p, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw bad(p, "must be an absolute http(s) IRI, not '" + value + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw bad(p, "must be an absolute http(s) IRI, not '" + value + "'");
    }
    return uri;
  }

  private static ParameterException bad(QueryParam p, String what) {
    return new ParameterException("parameter '" + p.name() + "' (" + p.type().label() + ") " + what);
  }
}
