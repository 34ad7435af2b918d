package dev.tinyml.savedmodel;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject;

/**
 * Binds variable nodes of the graph (TF2 {@code VarHandleOp}, TF1 {@code VariableV2}) to the values
 * saved in {@code variables/}. TF2 checkpoints key variables by object path (e.g. {@code
 * layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE}); the checkpoint's own trackable object
 * graph maps each variable's graph name to that key. TF1 checkpoints key them by graph name.
 */
final class Variables {
  static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";

  private final Path dir;
  private TensorBundle bundle;
  private Map<String, String> keyByGraphName;

  Variables(Path savedModelDir) {
    this.dir = savedModelDir.resolve("variables");
  }

  /**
   * @param graphName the variable's graph name ({@code shared_name}, else node name)
   * @param nodeName the node name, for messages
   * @return the saved value
   */
  TensorValue value(String graphName, String nodeName) throws SavedModelException {
    TensorBundle b = bundle();
    String key = keyByGraphName().get(graphName);
    if (key == null && b.contains(graphName)) {
      key = graphName;
    }
    if (key == null) {
      throw new SavedModelException(
          "Variable node '"
              + nodeName
              + "' (variable '"
              + graphName
              + "') has no saved value in "
              + dir.resolve("variables.index")
              + ": neither the checkpoint's object graph nor its keys name it. Re-export the model "
              + "after the variables are created (call the model once before saving).");
    }
    return b.read(key);
  }

  private TensorBundle bundle() throws SavedModelException {
    if (bundle == null) {
      Path prefix = dir.resolve("variables");
      if (!Files.isDirectory(dir)) {
        throw new SavedModelException(
            "The graph reads variables but "
                + dir
                + " does not exist. Copy the whole SavedModel "
                + "directory (saved_model.pb and variables/).");
      }
      bundle = TensorBundle.open(prefix);
    }
    return bundle;
  }

  private Map<String, String> keyByGraphName() throws SavedModelException {
    if (keyByGraphName == null) {
      keyByGraphName = new HashMap<>();
      TensorBundle b = bundle();
      if (b.contains(OBJECT_GRAPH_KEY)) {
        TensorValue v = b.read(OBJECT_GRAPH_KEY);
        if (v.strings() == null || v.strings().size() != 1) {
          throw new SavedModelException(
              "Checkpoint entry " + OBJECT_GRAPH_KEY + " in " + dir + " is not a string scalar.");
        }
        TrackableObjectGraph graph;
        try {
          graph = TrackableObjectGraph.parseFrom(v.strings().get(0));
        } catch (InvalidProtocolBufferException e) {
          throw new SavedModelException(
              "Checkpoint entry "
                  + OBJECT_GRAPH_KEY
                  + " in "
                  + dir
                  + " is malformed: "
                  + e.getMessage(),
              e);
        }
        for (TrackableObject node : graph.getNodesList()) {
          for (TrackableObject.SerializedTensor t : node.getAttributesList()) {
            if (t.getName().equals("VARIABLE_VALUE") && !t.getFullName().isEmpty()) {
              keyByGraphName.putIfAbsent(t.getFullName(), t.getCheckpointKey());
            }
          }
        }
      }
    }
    return keyByGraphName;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
