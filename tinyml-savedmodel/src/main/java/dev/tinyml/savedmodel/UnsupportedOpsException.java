package dev.tinyml.savedmodel;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A signature's graph uses TensorFlow ops that have no TFLite lowering. Besides the message it
 * carries the ops the graph was found to use, so that inspection can list each with whether it
 * lowers.
 */
final class UnsupportedOpsException extends SavedModelException {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, Integer> opCounts;
  private final TreeSet<String> unsupportedOps;

  UnsupportedOpsException(
      String message, Map<String, Integer> opCounts, Set<String> unsupportedOps) {
    super(message);
    this.opCounts = new TreeMap<>(opCounts);
    this.unsupportedOps = new TreeSet<>(unsupportedOps);
  }

  /** Every op type of the graph (constant-folded nodes left out) and how often it occurs. */
  SortedMap<String, Integer> opCounts() {
    return opCounts;
  }

  /** The op types among them that do not lower. */
  SortedSet<String> unsupportedOps() {
    return unsupportedOps;
  }
}
