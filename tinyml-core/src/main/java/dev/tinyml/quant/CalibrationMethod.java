package dev.tinyml.quant;

/**
 * How a tensor's calibration range is chosen from the values seen on the representative data. Each
 * method makes a fresh {@link RangeObserver} per tensor.
 */
public sealed interface CalibrationMethod {

  /** A new observer for one tensor. */
  RangeObserver newObserver();

  /** The smallest and largest value seen: TensorFlow's converter's default. */
  static CalibrationMethod minMax() {
    return new MinMax();
  }

  /**
   * Moving averages of each batch's min and max.
   *
   * @param averagingConstant weight of a new batch, in (0, 1]; 0.01 is common
   */
  static CalibrationMethod movingAverageMinMax(double averagingConstant) {
    return new MovingAverageMinMax(averagingConstant);
  }

  /**
   * Clips the range at a percentile of the values on either side, e.g. 99.99.
   *
   * @param percentile in (50, 100]
   */
  static CalibrationMethod percentile(double percentile) {
    return new Percentile(percentile);
  }

  /**
   * Clips the range where the expected int8 quantization error (clipping plus rounding) is least.
   */
  static CalibrationMethod mseOptimal() {
    return new MseOptimal();
  }

  /**
   * Clips the range where the KL divergence of the quantized distribution is least (TensorRT's).
   */
  static CalibrationMethod entropy() {
    return new Entropy();
  }

  /** See {@link CalibrationMethod#minMax()}. */
  record MinMax() implements CalibrationMethod {
    @Override
    public RangeObserver newObserver() {
      return new MinMaxObserver(this);
    }
  }

  /**
   * See {@link CalibrationMethod#movingAverageMinMax(double)}.
   *
   * @param averagingConstant weight of a new batch
   */
  record MovingAverageMinMax(double averagingConstant) implements CalibrationMethod {
    /** Validates the constant. */
    public MovingAverageMinMax {
      if (!(averagingConstant > 0 && averagingConstant <= 1)) {
        throw new IllegalArgumentException(
            "averaging constant must be in (0, 1], got " + averagingConstant);
      }
    }

    @Override
    public RangeObserver newObserver() {
      return new MovingAverageMinMaxObserver(this, averagingConstant);
    }
  }

  /**
   * See {@link CalibrationMethod#percentile(double)}.
   *
   * @param percentile the percentile kept on each side
   */
  record Percentile(double percentile) implements CalibrationMethod {
    /** Validates the percentile. */
    public Percentile {
      if (!(percentile > 50 && percentile <= 100)) {
        throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
      }
    }

    @Override
    public RangeObserver newObserver() {
      return new HistogramObserver(this);
    }
  }

  /** See {@link CalibrationMethod#mseOptimal()}. */
  record MseOptimal() implements CalibrationMethod {
    @Override
    public RangeObserver newObserver() {
      return new HistogramObserver(this);
    }
  }

  /** See {@link CalibrationMethod#entropy()}. */
  record Entropy() implements CalibrationMethod {
    @Override
    public RangeObserver newObserver() {
      return new HistogramObserver(this);
    }
  }
}
