package dev.tinyml.maven.testdata;

import dev.tinyml.quant.RepresentativeDataset;
import java.util.Iterator;
import java.util.List;

/** A dataset the goal cannot instantiate: its only constructor takes an argument. */
public class NoDefaultConstructor implements RepresentativeDataset {
  private final float x;

  /**
   * @param x the one value
   */
  public NoDefaultConstructor(float x) {
    this.x = x;
  }

  @Override
  public Iterator<float[][]> iterator() {
    return List.<float[][]>of(new float[][] {{x}}).iterator();
  }
}
