package dev.tinyml.quant;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which calibration method each tensor uses: one for the whole model, overridden per tensor name.
 *
 * @param defaultMethod the method for tensors not named in {@code perTensor}
 * @param perTensor methods by tensor name (kept sorted, so plans print deterministically)
 */
public record CalibrationPlan(
    CalibrationMethod defaultMethod, Map<String, CalibrationMethod> perTensor) {

  /** Copies the map. */
  public CalibrationPlan {
    if (defaultMethod == null) {
      throw new IllegalArgumentException("a calibration plan needs a default method");
    }
    perTensor = java.util.Collections.unmodifiableMap(new TreeMap<>(perTensor));
  }

  /** Every tensor with {@code method}. */
  public static CalibrationPlan of(CalibrationMethod method) {
    return new CalibrationPlan(method, Map.of());
  }

  /**
   * This plan with one tensor's method replaced.
   *
   * @param tensorName the tensor's name in the model
   * @param method its method
   * @return a new plan
   */
  public CalibrationPlan withTensor(String tensorName, CalibrationMethod method) {
    Map<String, CalibrationMethod> map = new TreeMap<>(perTensor);
    map.put(tensorName, method);
    return new CalibrationPlan(defaultMethod, map);
  }

  /** The method for the named tensor. */
  public CalibrationMethod methodFor(String tensorName) {
    return perTensor.getOrDefault(tensorName, defaultMethod);
  }
}
