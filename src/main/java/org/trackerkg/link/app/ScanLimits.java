package org.trackerkg.link.app;

/**
 * What a scan accepts before it calls an archive hostile (a zip bomb) and stops reading it. Sizes are counted on the
 * bytes actually inflated, not on the sizes the archive declares (which a bomb can fake).
 *
 * @param maxEntries entries in one archive (an APK, or one APK inside a bundle)
 * @param maxDexBytes uncompressed bytes of one dex file (held in memory while its classes are listed)
 * @param maxTotalBytes uncompressed bytes read from one input, all dex files, manifests and nested APKs together
 * @param maxNestedBytes compressed bytes of one APK inside a bundle (held in memory: a zip cannot be read from a stream)
 */
public record ScanLimits(int maxEntries, long maxDexBytes, long maxTotalBytes, long maxNestedBytes) {
  public static final long MIB = 1024L * 1024;

  /** 65,536 entries, 128 MiB per dex, 1 GiB inflated in all, 256 MiB per APK inside a bundle. */
  public static final ScanLimits DEFAULT = new ScanLimits(65_536, 128 * MIB, 1024 * MIB, 256 * MIB);

  public ScanLimits {
    if (maxEntries <= 0 || maxDexBytes <= 0 || maxTotalBytes <= 0 || maxNestedBytes <= 0) {
      throw new IllegalArgumentException("scan limits must be positive");
    }
  }
}
