package dev.tinyml.quant;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a tensor's calibration range is chosen from the values seen on the representative data. Each
 * method makes a fresh {@link RangeObserver} per tensor.
 */
public sealed interface CalibrationMethod {

  /** The forms {@link #parse} accepts, for error messages. */
  String FORMS =
      "minmax, mse, entropy, percentile:P (e.g. percentile:99.99) or moving-average:C (e.g."
          + " moving-average:0.01)";

  /** A new observer for one tensor. */
  RangeObserver newObserver();

  /**
   * The method as {@link #parse} reads it, e.g. {@code minmax} or {@code percentile:99.99}.
   *
   * @return the text form
   */
  String id();

  /**
   * Reads a method from its text form: {@code minmax}, {@code mse}, {@code entropy}, {@code
   * percentile:P} or {@code moving-average:C} (case and surrounding blanks ignored).
   *
   * @param text the text; {@code null} means {@code minmax}
   * @return the method
   * @throws IllegalArgumentException listing the accepted forms, or saying which argument is out of
   *     range
   */
  static CalibrationMethod parse(String text) {
    String v = text == null ? "minmax" : text.trim().toLowerCase(Locale.ROOT);
    int colon = v.indexOf(':');
    String kind = colon < 0 ? v : v.substring(0, colon).trim();
    String arg = colon < 0 ? null : v.substring(colon + 1).trim();
    CalibrationMethod m =
        switch (kind) {
          case "minmax" -> arg == null ? minMax() : null;
          case "mse" -> arg == null ? mseOptimal() : null;
          case "entropy" -> arg == null ? entropy() : null;
          case "percentile" -> arg == null ? null : percentile(Double.parseDouble(arg));
          case "moving-average" ->
              arg == null ? null : movingAverageMinMax(Double.parseDouble(arg));
          default -> null;
        };
    if (m == null) {
      throw new IllegalArgumentException("use " + FORMS + ".");
    }
    return m;
  }

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

    @Override
    public String id() {
      return "minmax";
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

    @Override
    public String id() {
      return "moving-average:" + plain(averagingConstant);
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

    @Override
    public String id() {
      return "percentile:" + plain(percentile);
    }
  }

  /** See {@link CalibrationMethod#mseOptimal()}. */
  record MseOptimal() implements CalibrationMethod {
    @Override
    public RangeObserver newObserver() {
      return new HistogramObserver(this);
    }

    @Override
    public String id() {
      return "mse";
    }
  }

  /** See {@link CalibrationMethod#entropy()}. */
  record Entropy() implements CalibrationMethod {
    @Override
    public RangeObserver newObserver() {
      return new HistogramObserver(this);
    }

    @Override
    public String id() {
      return "entropy";
    }
  }

  /** A number without a needless fraction: 99 for 99.0, 99.99 as is. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
