package org.trackerkg.link.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.dongliu.apk.parser.bean.ApkMeta;
import net.dongliu.apk.parser.parser.ApkMetaTranslator;
import net.dongliu.apk.parser.parser.BinaryXmlParser;
import net.dongliu.apk.parser.parser.CompositeXmlStreamer;
import net.dongliu.apk.parser.parser.ResourceTableParser;
import net.dongliu.apk.parser.parser.XmlStreamer;
import net.dongliu.apk.parser.struct.resource.ResourceTable;
import net.dongliu.apk.parser.struct.xml.Attribute;
import net.dongliu.apk.parser.struct.xml.XmlCData;
import net.dongliu.apk.parser.struct.xml.XmlNamespaceEndTag;
import net.dongliu.apk.parser.struct.xml.XmlNamespaceStartTag;
import net.dongliu.apk.parser.struct.xml.XmlNodeEndTag;
import net.dongliu.apk.parser.struct.xml.XmlNodeStartTag;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.trackerkg.link.SignatureMatcher;

/**
 * Reads an app file into {@link AppContents}: an APK, a bundle of APKs ({@code .xapk}, {@code .apks}: a zip of a base
 * APK and its splits), a bare {@code .dex}, or a class list ({@code .txt}, one name a line).
 * <p>An APK is read through its zip central directory ({@link ZipFile}): only {@code classes*.dex},
 * {@code AndroidManifest.xml} and {@code resources.arsc} are inflated, one at a time, each within {@link ScanLimits};
 * everything else (native libraries, assets) is never read, so a 500 MB APK costs its largest dex in memory. An APK
 * inside a bundle is copied to a temporary file (deleted when read) to be read the same way. Nothing is executed.
 */
public final class AppReader {
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
  private static final byte[] DEX_MAGIC = {'d', 'e', 'x', '\n'};
  private static final Pattern DEX_NAME = Pattern.compile("classes\\d*\\.dex");
  private static final Pattern HOST = Pattern.compile(
      "(?<![A-Za-z0-9.-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24})(?![A-Za-z0-9-])");
  private static final int MAX_HOSTS = 100_000;
  private static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";
  private static final List<String> COMPONENTS = List.of("activity", "activity-alias", "service", "receiver",
      "provider");

  private final ScanLimits limits;

  public AppReader(ScanLimits limits) {
    this.limits = limits;
  }

  /** Reads {@code file}; {@code name} is what messages call it (the upload's name over HTTP). */
  public AppContents read(Path file, String name) throws AppFormatException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new AppFormatException(Files.exists(file) ? "not a file" : "no such file");
    }
    long size = Files.size(file);
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    String sha = sha256(file);
    Budget budget = new Budget(limits);
    State st = new State();
    String kind;
    if (n == 4 && java.util.Arrays.equals(head, DEX_MAGIC)) {
      kind = "dex";
      byte[] dex = budget.read(Files.newInputStream(file), limits.maxDexBytes(), "dex");
      readDex(dex, "dex", st);
    } else if (n == 4 && (java.util.Arrays.equals(head, ZIP_MAGIC) || java.util.Arrays.equals(head, EMPTY_ZIP_MAGIC))) {
      kind = readZip(file, "", budget, st);
    } else if (name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
      kind = "class-list";
      readClassList(file, budget, st);
    } else {
      throw new AppFormatException(size == 0 ? "empty file, not an APK"
          : "not an APK, bundle or dex (no zip or dex signature at the start)");
    }
    return new AppContents(name, sha, size, kind, st.manifest, st.parts, st.classes, st.hosts);
  }

  /** What one read collects. */
  private static final class State {
    final List<String> parts = new ArrayList<>();
    final SortedSet<String> classes = new TreeSet<>();
    final SortedSet<String> hosts = new TreeSet<>();
    AppContents.Manifest manifest;
  }

  /** Inflated bytes left for this input; every read goes through it. */
  private static final class Budget {
    private final ScanLimits limits;
    private long left;

    Budget(ScanLimits limits) {
      this.limits = limits;
      this.left = limits.maxTotalBytes();
    }

    /** Reads all of {@code in} (closing it), refusing more than {@code max} bytes or more than the total left. */
    byte[] read(InputStream in, long max, String what) throws IOException, AppFormatException {
      try (InputStream s = in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(s, out, max, what);
        return out.toByteArray();
      }
    }

    void copy(InputStream in, OutputStream out, long max, String what) throws IOException, AppFormatException {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      int r;
      while ((r = in.read(buf)) > 0) {
        total += r;
        if (total > max) {
          throw new AppFormatException(what + ": more than " + mib(max) + " uncompressed (limit; a zip bomb?)");
        }
        left -= r;
        if (left < 0) {
          throw new AppFormatException(what + ": the archive inflates to more than " + mib(limits.maxTotalBytes())
              + " (limit; a zip bomb?)");
        }
        out.write(buf, 0, r);
      }
    }
  }

  private static String mib(long bytes) {
    return bytes % ScanLimits.MIB == 0 ? bytes / ScanLimits.MIB + " MiB" : bytes + " bytes";
  }

  /** An APK or a bundle; returns the kind. {@code prefix} names the enclosing bundle entry ("base.apk!"). */
  private String readZip(Path file, String prefix, Budget budget, State st) throws AppFormatException, IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new AppFormatException(prefix + "not a readable zip archive (" + e.getMessage() + ")");
    }
    try (zip) {
      if (zip.size() > limits.maxEntries()) {
        throw new AppFormatException(prefix + "more than " + limits.maxEntries() + " zip entries (limit; a zip bomb?)");
      }
      List<ZipEntry> dexes = new ArrayList<>();
      List<ZipEntry> apks = new ArrayList<>();
      ZipEntry manifest = null;
      ZipEntry resources = null;
      Enumeration<? extends ZipEntry> en = zip.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        String n = e.getName();
        if (e.isDirectory()) {
          continue;
        }
        if (DEX_NAME.matcher(n).matches()) {
          dexes.add(e);
        } else if (n.equals("AndroidManifest.xml")) {
          manifest = e;
        } else if (n.equals("resources.arsc")) {
          resources = e;
        } else if (n.indexOf('/') < 0 && n.toLowerCase(Locale.ROOT).endsWith(".apk")) {
          apks.add(e);
        }
      }
      if (dexes.isEmpty() && manifest == null && !apks.isEmpty()) {
        return readBundle(zip, apks, budget, st);
      }
      if (dexes.isEmpty()) {
        throw new AppFormatException(prefix + "a zip without classes.dex (not an APK, or one without code)");
      }
      // classes.dex, classes2.dex, … classes10.dex in the order Android loads them
      dexes.sort(java.util.Comparator.comparingInt((ZipEntry e) -> dexNumber(e.getName())));
      for (ZipEntry e : dexes) {
        String what = prefix + e.getName();
        byte[] dex = budget.read(zip.getInputStream(e), limits.maxDexBytes(), what);
        readDex(dex, what, st);
      }
      if (manifest != null) {
        ManifestRead m = readManifest(zip, manifest, resources, prefix, budget, st);
        if (st.manifest == null || !m.split()) {
          st.manifest = m.manifest(); // the base APK's manifest speaks for a bundle, whatever the order
        }
      }
      return prefix.isEmpty() ? "apk" : "bundle";
    } catch (ZipException e) {
      throw new AppFormatException(prefix + "corrupt zip entry (" + e.getMessage() + ")");
    }
  }

  private static int dexNumber(String name) {
    String d = name.substring("classes".length(), name.length() - ".dex".length());
    return d.isEmpty() ? 1 : Integer.parseInt(d);
  }

  /** A bundle: each APK at the top level, base first (the one whose manifest names no split). */
  private String readBundle(ZipFile zip, List<ZipEntry> apks, Budget budget, State st)
      throws AppFormatException, IOException {
    apks.sort(java.util.Comparator.comparing(ZipEntry::getName));
    boolean anyDex = false;
    for (ZipEntry e : apks) {
      Path tmp = Files.createTempFile("tkg-scan-", ".apk");
      try {
        try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(tmp)) {
          budget.copy(in, out, limits.maxNestedBytes(), e.getName());
        }
        int before = st.parts.size();
        try {
          readZip(tmp, e.getName() + "!", budget, st);
          anyDex = true;
        } catch (AppFormatException ex) {
          // a configuration split (resources only) has no dex: fine inside a bundle; anything else is not
          if (!ex.getMessage().contains("without classes.dex")) {
            throw ex;
          }
          st.parts.subList(before, st.parts.size()).clear();
          st.parts.add(e.getName());
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    if (!anyDex) {
      throw new AppFormatException("a bundle of APKs none of which has classes.dex");
    }
    return "bundle";
  }

  /** A manifest, and whether it is a split's (it has a {@code split} attribute) rather than a base APK's. */
  private record ManifestRead(AppContents.Manifest manifest, boolean split) {}

  private ManifestRead readManifest(ZipFile zip, ZipEntry manifest, ZipEntry resources, String prefix,
      Budget budget, State st) throws AppFormatException, IOException {
    ResourceTable table = new ResourceTable();
    if (resources != null) {
      byte[] arsc = budget.read(zip.getInputStream(resources), limits.maxDexBytes(), prefix + "resources.arsc");
      try {
        ResourceTableParser p = new ResourceTableParser(ByteBuffer.wrap(arsc));
        p.parse();
        table = p.getResourceTable();
      } catch (RuntimeException e) {
        table = new ResourceTable(); // labels stay unresolved; the manifest's own strings still read
      }
    }
    byte[] xml = budget.read(zip.getInputStream(manifest), limits.maxDexBytes(), prefix + "AndroidManifest.xml");
    ApkMetaTranslator meta = new ApkMetaTranslator(table, Locale.ROOT);
    ManifestWalker walker = new ManifestWalker();
    try {
      BinaryXmlParser parser = new BinaryXmlParser(ByteBuffer.wrap(xml), table);
      parser.setLocale(Locale.ROOT);
      parser.setXmlStreamer(new CompositeXmlStreamer(meta, walker));
      parser.parse();
    } catch (RuntimeException e) {
      throw new AppFormatException(prefix + "AndroidManifest.xml: not a readable binary manifest (" + e + ")", e);
    }
    ApkMeta m = meta.getApkMeta();
    for (String v : walker.values) {
      addHosts(v, st.hosts);
    }
    List<String> perms = new ArrayList<>(new TreeSet<>(m.getUsesPermissions()));
    return new ManifestRead(new AppContents.Manifest(m.getPackageName(), m.getVersionName(), m.getVersionCode(),
        m.getMinSdkVersion(), m.getTargetSdkVersion(), m.getLabel(), perms, walker.components), m.getSplit() != null);
  }

  /** Collects the components and every attribute value (for host names) of a manifest. */
  private static final class ManifestWalker implements XmlStreamer {
    final List<AppContents.Component> components = new ArrayList<>();
    final List<String> values = new ArrayList<>();

    @Override
    public void onStartTag(XmlNodeStartTag tag) {
      String name = null;
      for (Attribute a : tag.getAttributes().values()) {
        String v = a.getValue();
        if (v != null) {
          values.add(v);
          if ("name".equals(a.getName()) && (a.getNamespace() == null || ANDROID_NS.equals(a.getNamespace())
              || a.getNamespace().isEmpty())) {
            name = v;
          }
        }
      }
      if (COMPONENTS.contains(tag.getName()) && name != null) {
        components.add(new AppContents.Component(tag.getName(), name));
      }
    }

    @Override
    public void onEndTag(XmlNodeEndTag tag) {}

    @Override
    public void onCData(XmlCData cdata) {}

    @Override
    public void onNamespaceStart(XmlNamespaceStartTag tag) {}

    @Override
    public void onNamespaceEnd(XmlNamespaceEndTag tag) {}
  }

  /** The classes a dex defines and the host names in its string pool. */
  private static void readDex(byte[] dex, String what, State st) throws AppFormatException {
    if (dex.length < 0x70 || !(dex[0] == 'd' && dex[1] == 'e' && dex[2] == 'x' && dex[3] == '\n')) {
      throw new AppFormatException(what + ": not a dex file (" + (dex.length < 0x70 ? "too short for a dex header"
          : "no dex signature") + ")");
    }
    long declared = ByteBuffer.wrap(dex, 32, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    if (declared > dex.length) {
      throw new AppFormatException(what + ": truncated dex (" + dex.length + " of " + declared + " bytes)");
    }
    try {
      DexBackedDexFile file = new DexBackedDexFile(Opcodes.getDefault(), dex);
      for (DexBackedClassDef c : file.getClasses()) {
        st.classes.add(className(c.getType()));
      }
      var strings = file.getStringSection();
      for (int i = 0, n = strings.size(); i < n; i++) {
        addHosts(strings.get(i), st.hosts);
      }
    } catch (org.jf.dexlib2.util.DexUtil.UnsupportedFile e) {
      throw new AppFormatException(what + ": unsupported dex (" + firstLine(String.valueOf(e.getMessage())) + ")", e);
    } catch (RuntimeException e) {
      throw new AppFormatException(what + ": corrupt dex (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")", e);
    }
    st.parts.add(what);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** {@code Lcom/example/Foo$Bar;} → {@code com.example.Foo$Bar}. */
  static String className(String type) {
    String t = type.startsWith("L") && type.endsWith(";") ? type.substring(1, type.length() - 1) : type;
    return t.replace('/', '.');
  }

  /** Host names in a string: dotted names that end with a top-level domain (not reversed package names). */
  static void addHosts(String s, SortedSet<String> hosts) {
    if (s.indexOf('.') < 0 || hosts.size() >= MAX_HOSTS) {
      return;
    }
    Matcher m = HOST.matcher(s);
    while (m.find()) {
      String h = m.group(1);
      if (SignatureMatcher.guess(h) == SignatureMatcher.As.HOST) {
        hosts.add(h.toLowerCase(Locale.ROOT));
      }
    }
  }

  private void readClassList(Path file, Budget budget, State st) throws IOException, AppFormatException {
    byte[] text = budget.read(Files.newInputStream(file), limits.maxDexBytes(), "class list");
    for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.indexOf(0) >= 0 || l.indexOf('\uFFFD') >= 0) {
        throw new AppFormatException("not a class list (binary content)");
      }
      if (SignatureMatcher.guess(l) == SignatureMatcher.As.HOST) {
        st.hosts.add(l.toLowerCase(Locale.ROOT));
      } else {
        st.classes.add(className(l));
      }
    }
    st.parts.add(file.getFileName().toString());
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
