package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaChecksTest {

  @Test
  void everyRecordRefusesEachOfItsEnumFieldsUnset() throws Exception {
    for (Class<?> record : BuiltinOptions.class.getPermittedSubclasses()) {
      if (record == UnknownOptions.class) {
        continue;
      }
      RecordComponent[] components = record.getRecordComponents();
      Object[] defaults = new Object[components.length];
      BuiltinOptions byDefault =
          OptionsCodec.decode(record.getField("TYPE").getInt(null), new RawTable());
      for (int i = 0; i < components.length; i++) {
        defaults[i] = components[i].getAccessor().invoke(byDefault);
      }
      Constructor<?> canonical =
          record.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      List<String> enums = SchemaChecks.enumComponents(record);
      for (int i = 0; i < components.length; i++) {
        if (!enums.contains(components[i].getName())) {
          continue;
        }
        Object[] args = defaults.clone();
        args[i] = null;
        assertThatThrownBy(() -> newInstance(canonical, args))
            .as(record.getSimpleName() + "." + components[i].getName())
            .isInstanceOf(NullPointerException.class)
            .hasMessage(components[i].getName());
      }
    }
  }

  @Test
  void theEnumComponentsAreTheSchemaEnumsInDeclarationOrder() {
    assertThat(SchemaChecks.enumComponents(Conv2DOptions.class))
        .containsExactly("padding", "fusedActivation", "quantizedBiasType");
    assertThat(SchemaChecks.enumComponents(ReshapeOptions.class)).isEmpty();
  }

  private static Object newInstance(Constructor<?> c, Object[] args) throws Throwable {
    try {
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
