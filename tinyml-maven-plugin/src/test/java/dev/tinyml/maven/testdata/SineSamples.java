package dev.tinyml.maven.testdata;

import dev.tinyml.quant.RepresentativeDataset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** hello_world's input range: 40 values of x evenly over [0, 2π]. */
public class SineSamples implements RepresentativeDataset {
  @Override
  public Iterator<float[][]> iterator() {
    List<float[][]> samples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      samples.add(new float[][] {{(float) (i * 2 * Math.PI / 39)}});
    }
    return samples.iterator();
  }
}
