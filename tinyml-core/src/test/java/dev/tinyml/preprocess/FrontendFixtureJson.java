package dev.tinyml.preprocess;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the frontend fixtures' JSON: the {@code config} object and feature matrices. */
final class FrontendFixtureJson {
  private FrontendFixtureJson() {}

  static int[][] matrix(JsonNode rows) {
    int[][] m = new int[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      JsonNode row = rows.get(i);
      m[i] = new int[row.size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = row.get(j).asInt();
      }
    }
    return m;
  }

  static MicroFrontendConfig config(JsonNode c) {
    return new MicroFrontendConfig(
        c.get("window_size_ms").asInt(),
        c.get("window_step_ms").asInt(),
        c.get("num_channels").asInt(),
        (float) c.get("lower_band_limit").asDouble(),
        (float) c.get("upper_band_limit").asDouble(),
        c.get("smoothing_bits").asInt(),
        (float) c.get("even_smoothing").asDouble(),
        (float) c.get("odd_smoothing").asDouble(),
        (float) c.get("min_signal_remaining").asDouble(),
        c.get("enable_pcan").asInt() != 0,
        (float) c.get("pcan_strength").asDouble(),
        (float) c.get("pcan_offset").asDouble(),
        c.get("pcan_gain_bits").asInt(),
        c.get("enable_log").asInt() != 0,
        c.get("scale_shift").asInt());
  }
}
