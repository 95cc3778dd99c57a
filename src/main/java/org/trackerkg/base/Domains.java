package org.trackerkg.base;

import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The one home of the rules about domain names: registrable domains (Guava's {@link InternetDomainName}, i.e. the
 * public suffix list: {@code ads.example.co.jp → example.co.jp}, {@code firebase.google.com → google.com}), the
 * endings that make a dotted name look like a host rather than a Java package, and the hosting and aggregator
 * domains whose pages say nothing about who makes a tracker.
 */
public final class Domains {
  /**
   * Last labels that make a dotted name look like a host ({@code api.mparticle.com}) and first labels that make it
   * look like a reversed domain, i.e. a Java package ({@code com.appsflyer}). A short list of the endings seen in
   * signatures, not the public suffix list: {@code com.facebook.ads} must stay a package though {@code ads} is a
   * top-level domain.
   */
  public static final Set<String> HOST_ENDINGS = Set.of("com", "net", "org", "io", "fr", "de", "ru", "cn", "in",
      "fi", "co", "us", "info", "fm", "link", "me", "uk", "jp", "kr", "eu", "ly", "tv", "ai", "app", "biz", "cloud",
      "it", "es", "nl", "be", "ch", "at", "se", "no", "dk", "pl", "br", "au", "ca", "mx", "tr", "ir", "id", "vn",
      "tw", "hk", "sg", "my", "xyz", "mobi", "edu", "gov", "cc", "to", "im", "ws", "pro", "tech", "online", "site");

  /**
   * Hosting and aggregator domains: a website there (a GitHub page, a Crunchbase entry, an App Engine app) belongs
   * to whoever hosts it, so its domain never decides a tracker's maker.
   */
  public static final Set<String> HOSTING = Set.of(
      "github.com", "github.io", "githubusercontent.com", "gitlab.com", "gitlab.io", "bitbucket.org", "bitbucket.io",
      "sourceforge.net", "jitpack.io", "npmjs.com", "cocoapods.org", "maven.org", "crunchbase.com", "wikipedia.org",
      "linkedin.com", "medium.com", "wordpress.com", "blogspot.com", "appspot.com", "firebaseapp.com",
      "herokuapp.com", "cloudfront.net", "amazonaws.com", "azurewebsites.net", "netlify.app", "googleapis.com",
      "readthedocs.io", "gitbook.io", "play.google.com", "apps.apple.com", "itunes.apple.com");

  private Domains() {}

  /** Whether a dotted name's last (or, reversed, first) label is a common host ending. */
  public static boolean isHostEnding(String label) {
    return HOST_ENDINGS.contains(label.toLowerCase(Locale.ROOT));
  }

  /**
   * The registrable domain of a host (public suffix plus one label), lower case; the host itself when it has no
   * public suffix or is one (an IP address, {@code localhost}, {@code github.io}).
   */
  public static String registrable(String host) {
    String h = host.toLowerCase(Locale.ROOT).strip();
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    try {
      InternetDomainName d = InternetDomainName.from(h);
      return d.isUnderPublicSuffix() ? d.topPrivateDomain().toString() : h;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return h;
    }
  }

  /** A URL as dossiers write it, with or without a scheme ({@code http://} assumed), or null if it is none. */
  public static URI uri(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String s = url.strip();
    if (!s.contains("://")) {
      s = "http://" + s;
    }
    try {
      return URI.create(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The host of a URL written with or without a scheme, lower case without {@code www.}, or null. */
  public static String host(String url) {
    URI u = uri(url);
    if (u == null || u.getHost() == null) {
      return null;
    }
    String h = u.getHost().toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** The registrable domain of a URL's host, or null. */
  public static String registrableOfUrl(String url) {
    String h = host(url);
    return h == null ? null : registrable(h);
  }

  /**
   * Whether a URL is on a hosting or aggregator domain ({@link #HOSTING}): {@code play.google.com} counts,
   * {@code firebase.google.com} does not.
   */
  public static boolean isHosting(String url) {
    String h = host(url);
    if (h == null) {
      return true;
    }
    String reg = registrable(h);
    return HOSTING.contains(reg) || HOSTING.contains(h);
  }

  /** The first label of a registrable domain ({@code google.com → google}, {@code yahoo.co.jp → yahoo}). */
  public static String label(String registrable) {
    int dot = registrable.indexOf('.');
    return dot < 0 ? registrable : registrable.substring(0, dot);
  }
}
