package dev.tinyml.tflite;

import java.util.Objects;

/**
 * An entry of the model's operator table: a builtin operator code (or CUSTOM with a name) and the
 * operator version.
 *
 * <p>The schema stores the code twice: {@code deprecated_builtin_code} (int8, the only field of old
 * files) and {@code builtin_code} (int32). Writers put {@code min(code, 127)} in the old field, 127
 * being {@code PLACEHOLDER_FOR_GREATER_OP_CODES}; readers take the larger of the two, which is
 * right for old files (new field absent, 0) and new ones alike.
 */
public final class OperatorCode extends ModelElement {
  private int builtinCodeValue;
  private String customCode;
  private int version = 1;

  /** A builtin operator at version 1. */
  public OperatorCode(BuiltinOperator op) {
    this(op, 1);
  }

  /** A builtin operator at this version. */
  public OperatorCode(BuiltinOperator op, int version) {
    this(op.code(), null, version);
  }

  /**
   * @param builtinCodeValue the raw schema code (may be newer than {@link BuiltinOperator})
   * @param customCode the custom operator's name, or {@code null}
   * @param version the operator version
   */
  public OperatorCode(int builtinCodeValue, String customCode, int version) {
    this.builtinCodeValue = builtinCodeValue;
    this.customCode = customCode;
    this.version = version;
  }

  /** A CUSTOM operator with this name at this version. */
  public static OperatorCode custom(String name, int version) {
    return new OperatorCode(BuiltinOperator.CUSTOM.code(), Objects.requireNonNull(name), version);
  }

  /** The builtin operator, or {@code null} if its code is unknown to this library version. */
  public BuiltinOperator builtinCode() {
    return BuiltinOperator.fromCode(builtinCodeValue);
  }

  /** The raw schema code. */
  public int builtinCodeValue() {
    return builtinCodeValue;
  }

  /** Sets the raw schema code. */
  public OperatorCode setBuiltinCodeValue(int builtinCodeValue) {
    this.builtinCodeValue = builtinCodeValue;
    return this;
  }

  /** The custom operator's name, or {@code null} for builtins. */
  public String customCode() {
    return customCode;
  }

  /** Sets the custom operator's name. */
  public OperatorCode setCustomCode(String customCode) {
    this.customCode = customCode;
    return this;
  }

  /** The operator version (1 when the file does not say). */
  public int version() {
    return version;
  }

  /** Sets the operator version. */
  public OperatorCode setVersion(int version) {
    this.version = version;
    return this;
  }

  /** The operator's name: the builtin name, the custom name, or {@code "BUILTIN_<code>"}. */
  public String displayName() {
    BuiltinOperator op = builtinCode();
    if (op == BuiltinOperator.CUSTOM && customCode != null) {
      return customCode;
    }
    return op == null ? "BUILTIN_" + builtinCodeValue : op.name();
  }

  @Override
  Object[] state() {
    return new Object[] {builtinCodeValue, customCode, version};
  }

  @Override
  public int hashCode() {
    return Objects.hash(builtinCodeValue, customCode, version);
  }

  @Override
  public String toString() {
    return displayName() + " v" + version;
  }
}
