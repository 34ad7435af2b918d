package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main code must never load native TensorFlow: every TensorFlow class its bytecode refers to
 * must be a generated proto ({@code org.tensorflow.proto}), none of {@code Tensor}, {@code
 * Session}, {@code SavedModelBundle}, {@code Graph} or the JavaCPP C API.
 */
class NoNativeTensorFlowTest {
  private static final Pattern TF_REF = Pattern.compile("org/tensorflow/[A-Za-z0-9_/$]+");

  @Test
  void mainClassesReferOnlyToTensorFlowProtos() throws IOException, URISyntaxException {
    Path classes =
        Path.of(
            SavedModelImporter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> offending = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        scanned++;
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        Matcher m = TF_REF.matcher(text);
        while (m.find()) {
          if (!m.group().startsWith("org/tensorflow/proto/")) {
            offending.add(classes.relativize(p) + " -> " + m.group());
          }
        }
      }
    }
    assertThat(scanned).isGreaterThan(10);
    assertThat(offending).isEmpty();
  }

  @Test
  void importRunsWithoutTheNativeRuntimeOnTheClassPath() throws Exception {
    // The test class path has the native runtime (as an oracle). Import again in a class loader
    // that has neither it, nor the TensorFlow Java API, nor JavaCPP: any attempt to load native
    // TensorFlow would fail with NoClassDefFoundError.
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.contains("linux-x86_64")
          || name.startsWith("tensorflow-core-api")
          || name.startsWith("javacpp")) {
        continue;
      }
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader isolated =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("org.tensorflow.Session", false, isolated))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> importer = Class.forName(SavedModelImporter.class.getName(), true, isolated);
      Object builder = importer.getMethod("builder").invoke(null);
      Object built = builder.getClass().getMethod("build").invoke(builder);
      Object result =
          importer
              .getMethod("importModel", Path.class)
              .invoke(built, Fixtures.path("savedmodel/keras_kws_ds_cnn"));
      Object model = result.getClass().getMethod("model").invoke(result);
      assertThat(model.getClass().getClassLoader()).isSameAs(isolated);
    }
  }
}
