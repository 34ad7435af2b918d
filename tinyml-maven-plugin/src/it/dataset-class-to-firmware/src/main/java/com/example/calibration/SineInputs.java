package com.example.calibration;

import dev.tinyml.quant.RepresentativeDataset;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The hello_world model's input range, generated: 50 values of x evenly over [0, 2π]. */
public class SineInputs implements RepresentativeDataset {
  private static final int COUNT = 50;

  @Override
  public Iterator<float[][]> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < COUNT;
      }

      @Override
      public float[][] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        float x = (float) (i++ * 2 * Math.PI / (COUNT - 1));
        return new float[][] {{x}};
      }
    };
  }
}
