package dev.tinyml.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A target board: its flash and RAM budget, what the Arduino core itself takes, and the sensors the
 * sketch templates use.
 *
 * @param id the name used in configuration, e.g. {@code nano33ble}
 * @param displayName the board's product name
 * @param flashBytes the program flash available to a sketch
 * @param ramBytes the RAM available to a sketch
 * @param fqbn the Arduino fully qualified board name ({@code arduino-cli compile -b}), empty for a
 *     custom board
 * @param architectures the {@code library.properties} architectures the board needs
 * @param coreFlashBytes estimated flash of the Arduino core and an empty sketch
 * @param coreRamBytes estimated RAM of the Arduino core and an empty sketch (stacks, heap reserve,
 *     globals)
 * @param microphone whether a PDM microphone is on the board (template {@code kws})
 * @param ov767xCamera whether an OV7675 camera is wired as on the Tiny Machine Learning Shield
 *     (template {@code vww})
 * @param imuLibrary the Arduino library of the on-board IMU (template {@code anomaly}), empty if
 *     none
 */
public record Board(
    String id,
    String displayName,
    long flashBytes,
    long ramBytes,
    String fqbn,
    String architectures,
    long coreFlashBytes,
    long coreRamBytes,
    boolean microphone,
    boolean ov767xCamera,
    String imuLibrary) {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * 1024;

  /** The default board: Arduino Nano 33 BLE Sense, nRF52840, 1 MB flash, 256 KB RAM. */
  public static final Board NANO33BLE =
      new Board(
          "nano33ble",
          "Arduino Nano 33 BLE Sense",
          MIB,
          256 * KIB,
          "arduino:mbed_nano:nano33ble",
          "mbed_nano",
          96 * KIB,
          48 * KIB,
          true,
          true,
          "Arduino_LSM9DS1");

  private static final List<Board> KNOWN =
      List.of(
          NANO33BLE,
          NANO33BLE.revision(
              "nano33ble-rev2", "Arduino Nano 33 BLE Sense Rev2", "Arduino_BMI270_BMM150"),
          new Board(
              "nicla-vision",
              "Arduino Nicla Vision (STM32H747, M7 core)",
              2 * MIB,
              MIB,
              "arduino:mbed_nicla:nicla_vision",
              "mbed_nicla",
              128 * KIB,
              64 * KIB,
              true,
              false,
              "Arduino_LSM6DSOX"),
          new Board(
              "portenta-h7",
              "Arduino Portenta H7 (STM32H747, M7 core)",
              2 * MIB,
              MIB,
              "arduino:mbed_portenta:envie_m7",
              "mbed_portenta",
              128 * KIB,
              64 * KIB,
              false,
              false,
              ""),
          new Board(
              "rp2040",
              "Arduino Nano RP2040 Connect",
              16 * MIB,
              264 * KIB,
              "arduino:mbed_nano:nanorp2040connect",
              "mbed_nano",
              96 * KIB,
              48 * KIB,
              true,
              false,
              "Arduino_LSM6DSOX"),
          new Board(
              "esp32",
              "ESP32 (ESP32-WROOM-32, default partition scheme)",
              1280 * KIB,
              320 * KIB,
              "esp32:esp32:esp32",
              "esp32",
              256 * KIB,
              24 * KIB,
              false,
              false,
              ""));

  /** Checks the values. */
  public Board {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(fqbn, "fqbn");
    Objects.requireNonNull(architectures, "architectures");
    Objects.requireNonNull(imuLibrary, "imuLibrary");
    if (flashBytes <= 0 || ramBytes <= 0) {
      throw new IllegalArgumentException(
          "Board " + id + ": flash and RAM must be positive, got " + flashBytes + ", " + ramBytes);
    }
  }

  /** A revision of this board with other sensors: same core, budget and FQBN. */
  private Board revision(String id, String displayName, String imuLibrary) {
    return with(id, displayName, flashBytes, ramBytes, imuLibrary);
  }

  private Board with(String id, String name, long flash, long ram, String imu) {
    return new Board(
        id,
        name,
        flash,
        ram,
        fqbn,
        architectures,
        coreFlashBytes,
        coreRamBytes,
        microphone,
        ov767xCamera,
        imu);
  }

  /**
   * The boards this project knows, default first.
   *
   * @return the boards
   */
  public static List<Board> known() {
    return KNOWN;
  }

  /**
   * A known board by id (case-insensitive).
   *
   * @param id e.g. {@code nano33ble}
   * @return the board
   * @throws CodegenException naming the known ids when there is no such board
   */
  public static Board named(String id) throws CodegenException {
    Optional<Board> b =
        KNOWN.stream().filter(k -> k.id.equals(id.toLowerCase(Locale.ROOT).trim())).findFirst();
    if (b.isEmpty()) {
      throw new CodegenException(
          "Unknown board '"
              + id
              + "'. Known boards: "
              + String.join(", ", KNOWN.stream().map(Board::id).toList())
              + "; or use board 'custom' with flashBytes and ramBytes.");
    }
    return b.get();
  }

  /**
   * The board a configuration names: a known board by id, or {@code custom} with its budgets.
   *
   * @param id a known id (case-insensitive) or {@code custom}
   * @param flashBytes the program flash of a custom board, or replacing a known board's; may be
   *     null
   * @param ramBytes the RAM of a custom board, or replacing a known board's; may be null
   * @return the board
   * @throws CodegenException listing the known boards, or naming the budget a custom board lacks
   */
  public static Board resolve(String id, Long flashBytes, Long ramBytes) throws CodegenException {
    if (!"custom".equalsIgnoreCase(id.trim())) {
      return named(id).withBudget(flashBytes, ramBytes);
    }
    if (flashBytes == null || ramBytes == null) {
      throw new CodegenException(
          "Board 'custom' needs flashBytes and ramBytes (the board's program flash and RAM in"
              + " bytes).");
    }
    return custom(flashBytes, ramBytes);
  }

  /**
   * This board with a smaller or larger flash or RAM budget, for example a variant with more memory
   * or a sketch that must leave room for other code; everything else stays.
   *
   * @param flash the program flash in bytes, or null to keep this board's
   * @param ram the RAM in bytes, or null to keep this board's
   * @return the board with the budgets
   * @throws CodegenException when a budget is not positive
   */
  public Board withBudget(Long flash, Long ram) throws CodegenException {
    if (flash != null && flash <= 0 || ram != null && ram <= 0) {
      throw new CodegenException(
          "Board "
              + id
              + ": flashBytes and ramBytes must be greater than 0, got flashBytes="
              + flash
              + " ramBytes="
              + ram);
    }
    return with(
        id,
        displayName,
        flash == null ? flashBytes : flash,
        ram == null ? ramBytes : ram,
        imuLibrary);
  }

  /**
   * Whether the budgets are the user's: a custom board, or a known board whose flash or RAM was
   * {@linkplain #withBudget replaced}.
   *
   * @return true unless this is one of {@link #known()} as listed
   */
  public boolean ownBudget() {
    return !KNOWN.contains(this);
  }

  /**
   * A board given only by its budgets. The core's own use is estimated like an mbed board's.
   *
   * @param flashBytes the program flash available
   * @param ramBytes the RAM available
   * @return the board, with every sensor assumed present (the sketch is the user's to wire)
   * @throws CodegenException when a budget is not positive
   */
  public static Board custom(long flashBytes, long ramBytes) throws CodegenException {
    if (flashBytes <= 0 || ramBytes <= 0) {
      throw new CodegenException(
          "Board 'custom' needs flashBytes and ramBytes greater than 0, got flashBytes="
              + flashBytes
              + " ramBytes="
              + ramBytes);
    }
    return new Board(
        "custom",
        "custom board",
        flashBytes,
        ramBytes,
        "",
        "*",
        96 * KIB,
        48 * KIB,
        true,
        true,
        "Arduino_LSM9DS1");
  }
}
