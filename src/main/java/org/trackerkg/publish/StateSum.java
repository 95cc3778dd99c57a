package org.trackerkg.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.trackerkg.base.Hashes;

/**
 * An order-independent hash of a state that a patch updates in O(change): the sum, modulo 2^256, of the SHA-256 of
 * each distinct named-graph quad's N-Quads line (with its final newline, the line of the sorted dump), each digest
 * read as a 256-bit big-endian unsigned number; written as 64 hex digits. Adding a quad adds its digest, deleting one
 * subtracts it, so a replica checks a patch without hashing the whole data set again (the sorted
 * {@link PatchLog#stateHash} costs a sort of every quad). A sum, not a XOR: a quad counted twice does not cancel out.
 * Verifiable outside Java: {@code sum(int(sha256(line).hexdigest(), 16) for line in nq) % 2**256}.
 */
public final class StateSum {
  /** The empty state's sum. */
  public static final String EMPTY = "0".repeat(64);

  // four 64-bit limbs, most significant first
  private final long[] limbs = new long[4];
  private final MessageDigest md = Hashes.sha256();

  /** The sum of every named-graph quad of {@code dsg} (call inside a read transaction when it has them). */
  public static StateSum of(DatasetGraph dsg) {
    StateSum s = new StateSum();
    dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(s::add);
    return s;
  }

  public StateSum copy() {
    StateSum c = new StateSum();
    System.arraycopy(limbs, 0, c.limbs, 0, 4);
    return c;
  }

  /** Counts a quad the state gained (callers add only quads not there already: the sum is of a set). */
  public void add(Quad q) {
    byte[] d = digest(q);
    long carry = 0;
    for (int i = 3; i >= 0; i--) {
      long x = limb(d, i);
      long s = limbs[i] + x;
      long c1 = Long.compareUnsigned(s, limbs[i]) < 0 ? 1 : 0;
      long s2 = s + carry;
      long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
      limbs[i] = s2;
      carry = c1 | c2;
    }
  }

  /** Uncounts a quad the state lost. */
  public void remove(Quad q) {
    byte[] d = digest(q);
    long borrow = 0;
    for (int i = 3; i >= 0; i--) {
      long x = limb(d, i);
      long r = limbs[i] - x;
      long b1 = Long.compareUnsigned(limbs[i], x) < 0 ? 1 : 0;
      long r2 = r - borrow;
      long b2 = Long.compareUnsigned(r, borrow) < 0 ? 1 : 0;
      limbs[i] = r2;
      borrow = b1 | b2;
    }
  }

  public String hex() {
    StringBuilder sb = new StringBuilder(64);
    for (long l : limbs) {
      String h = Long.toHexString(l);
      sb.append("0".repeat(16 - h.length())).append(h);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return hex();
  }

  private byte[] digest(Quad q) {
    md.update(NtLines.quad(q).getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    return md.digest();
  }

  private static long limb(byte[] d, int i) {
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v = (v << 8) | (d[i * 8 + k] & 0xff);
    }
    return v;
  }
}
