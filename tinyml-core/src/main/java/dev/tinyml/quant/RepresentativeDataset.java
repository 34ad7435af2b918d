package dev.tinyml.quant;

import java.util.Iterator;
import java.util.List;

/**
 * The samples calibration runs the float model on: each sample holds one {@code float[]} per model
 * input, in the model's input order, flattened row-major. The quantizer pulls samples a batch at a
 * time, so a dataset that reads or generates samples lazily keeps memory bounded. Every call of
 * {@link #iterator()} must yield the same samples in the same order (calibration is deterministic
 * only if its data is).
 *
 * <p>The {@code convert} goal instantiates an implementation named by {@code
 * representativeDatasetClass} from the project's classpath (a public class with a public
 * no-argument constructor); {@link dev.tinyml.preprocess.SampleDirectory} makes samples from a
 * directory of WAV, image, CSV or {@code .npy} files.
 *
 * <pre>{@code
 * RepresentativeDataset data = () -> Files.lines(csv).map(Features::parse).map(f -> new float[][] {f}).iterator();
 * }</pre>
 */
@FunctionalInterface
public interface RepresentativeDataset extends Iterable<float[][]> {

  /**
   * A dataset over samples already in memory.
   *
   * @param samples each sample's inputs
   * @return the dataset
   */
  static RepresentativeDataset of(List<float[][]> samples) {
    List<float[][]> copy = List.copyOf(samples);
    return copy::iterator;
  }

  /**
   * A dataset for a single-input model.
   *
   * @param samples each sample's one input
   * @return the dataset
   */
  static RepresentativeDataset ofSingleInput(List<float[]> samples) {
    List<float[]> copy = List.copyOf(samples);
    return () -> {
      Iterator<float[]> it = copy.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public float[][] next() {
          return new float[][] {it.next()};
        }
      };
    };
  }
}
