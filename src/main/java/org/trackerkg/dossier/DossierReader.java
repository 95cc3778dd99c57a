package org.trackerkg.dossier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.trackerkg.base.Diagnostic;
import org.trackerkg.base.DiagnosticHandler;

/**
 * The entry point for reading sources: dossier files, folders of them, and εxodus {@code trackers.json} files.
 * Each file is read on its own; one that cannot be read gives an error diagnostic and the others are still read.
 */
public final class DossierReader {
  /** Files larger than this are not read: a dossier is a few KB, an εxodus export a few MB. */
  public static final long MAX_FILE_BYTES = 16L << 20;
  private static final Set<String> DOSSIER_EXTENSIONS = Set.of("md", "mkd", "markdown", "txt");
  /** The εxodus export's file name, read when found in a folder (any {@code .json} named directly is read too). */
  public static final String EXODUS_FILE_NAME = "trackers.json";
  /** Names (before the first dot, any case) of documentation files skipped in a folder. */
  public static final Set<String> DOCUMENTATION_NAMES = Set.of("README", "SOURCES", "LICENSE", "LICENCE", "COPYING",
      "NOTICE", "CHANGELOG", "CHANGES", "AUTHORS", "CONTRIBUTING", "CODE_OF_CONDUCT");

  private DossierReader() {}

  public static ReadResult read(List<Path> inputs) {
    return read(inputs, DiagnosticHandler.collecting());
  }

  /**
   * Reads the inputs, sending every diagnostic to {@code handler} as it is made: with
   * {@link DiagnosticHandler#strict()} the first error, or a section the reader trips over, throws.
   */
  public static ReadResult read(List<Path> inputs, DiagnosticHandler handler) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    DiagnosticHandler sink = forwarding(diagnostics, handler);
    List<Dossier> dossiers = new ArrayList<>();
    for (String file : files(inputs, sink)) {
      readFile(Path.of(file), file, dossiers, sink);
    }
    dossiers.sort(Comparator.comparing((Dossier d) -> d.source().file())
        .thenComparing(d -> d.exodusId() == null ? -1 : d.exodusId()));
    return new ReadResult(dossiers, diagnostics);
  }

  /**
   * The files {@link #read} would read, sorted and de-duplicated (so the output does not depend on the order the
   * inputs were given in); a missing input or a symbolic-link loop is reported in {@code diagnostics}.
   */
  public static List<String> files(List<Path> inputs, List<Diagnostic> diagnostics) {
    return files(inputs, diagnostics::add);
  }

  private static List<String> files(List<Path> inputs, DiagnosticHandler diagnostics) {
    Set<String> files = new TreeSet<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        diagnostics.report(Diagnostic.error(input.toString(), 0, "no such file or directory"));
      } else if (Files.isDirectory(input)) {
        walk(input, files, diagnostics);
      } else if (!Files.isRegularFile(input)) {
        diagnostics.report(Diagnostic.error(input.toString(), 0, "not a regular file (a FIFO or a device), not read"));
      } else {
        files.add(input.toString());
      }
    }
    return List.copyOf(files);
  }

  /** The dossiers of one file (one for a Markdown dossier, one per record for an εxodus file), in file order. */
  public static ReadResult readFile(String file) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Dossier> dossiers = new ArrayList<>();
    readFile(Path.of(file), file, dossiers, forwarding(diagnostics, d -> { }));
    return new ReadResult(dossiers, diagnostics);
  }

  /** A handler that keeps every diagnostic in {@code into} and passes it (and unreadable parts) on to {@code next}. */
  static DiagnosticHandler forwarding(List<Diagnostic> into, DiagnosticHandler next) {
    return new DiagnosticHandler() {
      @Override
      public void report(Diagnostic d) {
        into.add(d);
        next.report(d);
      }

      @Override
      public void unreadable(Diagnostic d, RuntimeException cause) {
        into.add(d);
        next.unreadable(d, cause);
      }
    };
  }

  /**
   * Whether a file found in a folder is a source: a dossier by its extension, or an εxodus export named
   * {@code trackers.json} (as its API serves it). Documentation beside the sources ({@link #DOCUMENTATION_NAMES}:
   * {@code README.md}, {@code SOURCES.md}, {@code LICENSE.txt}…) is not a dossier. Files named directly are always read.
   */
  static boolean isSourceFile(Path file) {
    String name = file.getFileName().toString();
    if (name.equals(EXODUS_FILE_NAME)) {
      return true;
    }
    String stem = (name.contains(".") ? name.substring(0, name.indexOf('.')) : name).toUpperCase(java.util.Locale.ROOT);
    boolean documentation = DOCUMENTATION_NAMES.contains(stem);
    return DOSSIER_EXTENSIONS.contains(extension(file)) && !documentation;
  }

  /** Dossier files below a folder; symbolic links are followed, loops reported and skipped. */
  private static void walk(Path root, Set<String> files, DiagnosticHandler diagnostics) {
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!isSourceFile(file)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isRegularFile()) {
            files.add(file.toString());
          } else if (attrs.isSymbolicLink()) {  // followed links arrive resolved: this one leads nowhere
            diagnostics.report(Diagnostic.error(file.toString(), 0, "broken symbolic link, skipped"));
          } else if (!attrs.isDirectory()) {  // a FIFO or a device would block or never end
            diagnostics.report(Diagnostic.error(file.toString(), 0, "not a regular file, skipped"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String why = e instanceof java.nio.file.FileSystemLoopException ? "symbolic link loop, skipped" : "cannot read: " + describe(e);
          diagnostics.report(Diagnostic.error(file.toString(), 0, why));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      diagnostics.report(Diagnostic.error(root.toString(), 0, "cannot read folder: " + describe(e)));
    }
  }

  private static void readFile(Path path, String file, List<Dossier> dossiers, DiagnosticHandler diagnostics) {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        diagnostics.report(Diagnostic.error(file, 0, "larger than the 16 MiB limit (" + size + " bytes); not read"));
        return;
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException | SecurityException e) {
      diagnostics.report(Diagnostic.error(file, 0, "cannot read: " + describe(e)));
      return;
    }
    String sha256 = org.trackerkg.base.Hashes.sha256Hex(bytes);
    String text = decode(bytes, file, diagnostics);
    if (text == null) {
      return;
    }
    // once for every output, before any section is read: what XML 1.0 cannot carry becomes U+FFFD, with a warning
    text = XmlChars.clean(text, file, extension(path).equals("json"), diagnostics);
    try {
      if (extension(path).equals("json")) {
        ReadResult r = new ExodusReader(diagnostics).read(text, file, sha256);
        r.dossiers().forEach(d -> dossiers.add(boundSignatures(d, file, diagnostics)));
      } else {
        MarkdownDossierParser.Outcome o =
            new MarkdownDossierParser(diagnostics).parse(text, new Source(file, 0, Source.Kind.PROFILE, sha256));
        if (o.dossier() != null) {
          dossiers.add(boundSignatures(o.dossier(), file, diagnostics));
        }
      }
    } catch (StackOverflowError e) {
      // thousands of nested lists or quotes: the Markdown tree is deeper than the parser can walk
      diagnostics.report(Diagnostic.error(file, 0, "nested too deeply to read (lists or quotes thousands of levels"
          + " deep); not read"));
    } catch (DiagnosticHandler.StrictFailure e) {
      throw e;
    } catch (RuntimeException e) {
      // A reader bug must not cost the user the other files: report it against this file.
      diagnostics.report(Diagnostic.error(file, 0, "internal reader error: " + e));
    }
  }

  /**
   * The dossier without its signatures longer than {@link Signature#MAX_PATTERN_CHARS}, each an error at its line:
   * found here, where the file is read, before the mapper or the matcher compiles any of them as a regex.
   */
  static Dossier boundSignatures(Dossier d, String file, DiagnosticHandler diagnostics) {
    List<Signature> kept = new ArrayList<>();
    for (Signature s : d.signatures()) {
      if (s.pattern() != null && s.pattern().length() > Signature.MAX_PATTERN_CHARS) {
        diagnostics.report(Diagnostic.error(file, s.line(), "signature longer than the " + Signature.MAX_PATTERN_CHARS
            + "-character limit (" + s.pattern().length() + " characters); not used"));
      } else {
        kept.add(s);
      }
    }
    return kept.size() == d.signatures().size() ? d : d.toBuilder().signatures(kept).build();
  }

  /** The text of a file, or null (with an error) when it is empty, binary or not UTF-8. */
  private static String decode(byte[] bytes, String file, DiagnosticHandler diagnostics) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        diagnostics.report(Diagnostic.error(file, lineAt(bytes, i), "binary file (NUL byte at offset " + i + "), not a dossier"));
        return null;
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      int at = in.position();
      diagnostics.report(Diagnostic.error(file, lineAt(bytes, at), "not valid UTF-8 (byte offset " + at + ")"));
      return null;
    } catch (CharacterCodingException e) {
      diagnostics.report(Diagnostic.error(file, 0, "not valid UTF-8"));
      return null;
    }
    if (MarkdownDossierParser.normalise(text).isBlank()) {
      diagnostics.report(Diagnostic.error(file, 0, "empty file"));
      return null;
    }
    return text;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  static String extension(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return m == null ? kind : kind + " (" + m + ")";
  }
}
