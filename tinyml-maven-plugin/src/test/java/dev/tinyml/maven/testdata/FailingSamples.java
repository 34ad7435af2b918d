package dev.tinyml.maven.testdata;

import dev.tinyml.quant.RepresentativeDataset;
import java.util.Iterator;

/** A dataset whose reading fails, as a user's class might. */
public class FailingSamples implements RepresentativeDataset {
  @Override
  public Iterator<float[][]> iterator() {
    throw new IllegalStateException("samples.bin is missing");
  }
}
