package dev.tinyml.maven.testdata;

import java.util.Iterator;
import java.util.List;

/** Iterable like a dataset, but not a {@code RepresentativeDataset}. */
public class NotADataset implements Iterable<float[][]> {
  @Override
  public Iterator<float[][]> iterator() {
    return List.<float[][]>of(new float[][] {{1f}}).iterator();
  }
}
