package org.trackerkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The canned queries on the classpath ({@code org/trackerkg/queries/*.rq}), titled by their {@code # title:}. */
final class CannedQueries {
  static final String FOLDER = "org/trackerkg/queries/";

  record Query(String name, String title, String text) {}

  private CannedQueries() {}

  static List<Query> load() {
    TreeSet<String> names = new TreeSet<>();
    ClassLoader cl = CannedQueries.class.getClassLoader();
    try {
      Enumeration<URL> urls = cl.getResources(FOLDER);
      while (urls.hasMoreElements()) {
        URL u = urls.nextElement();
        if (u.getProtocol().equals("file")) {
          try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(u.toURI()), "*.rq")) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
          }
        } else if (u.getProtocol().equals("jar")) {
          JarURLConnection c = (JarURLConnection) u.openConnection();
          c.setUseCaches(false);
          try (JarFile jar = c.getJarFile()) {
            Enumeration<JarEntry> es = jar.entries();
            while (es.hasMoreElements()) {
              String n = es.nextElement().getName();
              if (n.startsWith(FOLDER) && n.endsWith(".rq") && n.indexOf('/', FOLDER.length()) < 0) {
                names.add(n.substring(FOLDER.length()));
              }
            }
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      return List.of();
    }
    List<Query> out = new ArrayList<>();
    for (String n : names) {
      try (InputStream in = cl.getResourceAsStream(FOLDER + n)) {
        if (in == null) {
          continue;
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String name = n.substring(0, n.length() - 3);
        out.add(new Query(name, title(text, name), text));
      } catch (IOException e) {
        // unreadable: left out of the list
      }
    }
    out.sort(Comparator.comparing(Query::name));
    return List.copyOf(out);
  }

  static String title(String text, String fallback) {
    for (String line : text.split("\n")) {
      String l = line.trim();
      if (l.toLowerCase(java.util.Locale.ROOT).startsWith("# title:")) {
        return l.substring("# title:".length()).trim();
      }
    }
    return fallback;
  }
}
