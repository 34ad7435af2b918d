package dev.tinyml.savedmodel;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;

/** Reads {@code saved_model.pb} and picks a meta graph by tags and a signature by key. */
final class SavedModelFile {
  private SavedModelFile() {}

  /** Fails unless {@code dir} is an existing directory, saying which of the two it is not. */
  static void requireDirectory(Path dir) throws SavedModelException {
    if (!Files.exists(dir)) {
      throw new SavedModelException(
          dir
              + " does not exist. Pass the SavedModel directory (the one that holds saved_model.pb"
              + " and variables/).");
    }
    if (!Files.isDirectory(dir)) {
      throw new SavedModelException(
          dir
              + " is a file, not a SavedModel directory. Pass the directory that holds"
              + " saved_model.pb and variables/.");
    }
  }

  static SavedModel read(Path dir) throws SavedModelException {
    Path pb = dir.resolve("saved_model.pb");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pb);
    } catch (NoSuchFileException e) {
      throw new SavedModelException(
          pb
              + " does not exist. Point the importer at a SavedModel directory (the one that holds "
              + "saved_model.pb and variables/), e.g. what model.save(\"dir\") or "
              + "tf.saved_model.save wrote.",
          e);
    } catch (IOException e) {
      throw new SavedModelException("Cannot read " + pb + ": " + e.getMessage(), e);
    }
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      // Large models nest deeply and exceed protobuf's default limits.
      in.setRecursionLimit(1000);
      in.setSizeLimit(Integer.MAX_VALUE);
      return SavedModel.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new SavedModelException(
          pb
              + " is not a valid SavedModel protobuf ("
              + e.getMessage()
              + "). The file is truncated "
              + "or is not a SavedModel: export it again.",
          e);
    } catch (IOException e) {
      throw new SavedModelException("Cannot read " + pb + ": " + e.getMessage(), e);
    }
  }

  static MetaGraphDef metaGraph(SavedModel sm, List<String> tags, Path dir)
      throws SavedModelException {
    List<String> available = new ArrayList<>();
    for (MetaGraphDef mg : sm.getMetaGraphsList()) {
      List<String> t = mg.getMetaInfoDef().getTagsList();
      if (new TreeSet<>(t).equals(new TreeSet<>(tags))) {
        return mg;
      }
      available.add(String.join(",", t));
    }
    throw new SavedModelException(
        dir.resolve("saved_model.pb")
            + " has no meta graph tagged "
            + String.join(",", tags)
            + ". Available tag sets: "
            + (available.isEmpty() ? "(none)" : available)
            + ". Pass one of them as the tags.");
  }

  static SignatureDef signature(MetaGraphDef mg, String key, Path dir) throws SavedModelException {
    SignatureDef sig = mg.getSignatureDefMap().get(key);
    if (sig == null) {
      TreeSet<String> keys = new TreeSet<>(mg.getSignatureDefMap().keySet());
      keys.remove("__saved_model_init_op");
      throw new SavedModelException(
          dir.resolve("saved_model.pb")
              + " has no signature '"
              + key
              + "'. Available signatures: "
              + (keys.isEmpty() ? "(none)" : String.join(", ", keys))
              + ". Choose one of them as the signature.");
    }
    return sig;
  }
}
