package dev.tinyml.examples.support;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The training step of every example's build: nothing while the SavedModel is up to date with the
 * training data and the recipe (unless forced); otherwise read the training set, train it with
 * {@link Trainer}, export the SavedModel with {@link SavedModelExport}, write the {@link
 * RepresentativeSamples} and record the {@link TrainingStamp}, last, so that an interrupted run
 * trains again.
 */
public final class ExampleTraining {

  /** Training examples handed to the converter for int8 calibration. */
  public static final int REPRESENTATIVE_SAMPLES = 200;

  private final TrainingArgs args;
  private final TrainingRecipe recipe;
  private final PrintStream log;

  /**
   * @param args the command line
   * @param recipe the network, hyper-parameters and settings to train with
   * @param log where progress goes
   */
  public ExampleTraining(TrainingArgs args, TrainingRecipe recipe, PrintStream log) {
    this.args = args;
    this.recipe = recipe;
    this.log = log;
  }

  /**
   * The whole of an example's {@code Train.main}: parses the command line and trains unless the
   * SavedModel is up to date, logging to standard output.
   *
   * @param args the command line, see {@link TrainingArgs}
   * @param recipe the network, hyper-parameters and settings to train with
   * @param trainingData where in the parsed command line the training data is
   * @param trainingSet reads the training set from that place; called only when training is needed
   */
  public static void main(
      String[] args,
      TrainingRecipe recipe,
      Function<TrainingArgs, Path> trainingData,
      Function<Path, TrainingSet> trainingSet) {
    TrainingArgs parsed = TrainingArgs.parse(args);
    Path data = trainingData.apply(parsed);
    new ExampleTraining(parsed, recipe, System.out).run(data, () -> trainingSet.apply(data));
  }

  /**
   * Trains unless the SavedModel is up to date.
   *
   * @param trainingData the files or directory the training set is read from (hashed into the
   *     stamp)
   * @param trainingSet reads the training set; called only when training is needed
   * @return whether a model was trained
   */
  public boolean run(Path trainingData, Supplier<TrainingSet> trainingSet) {
    TrainingStamp stamp =
        TrainingStamp.of(args.stampFile(), List.of(trainingData), recipe.toString());
    if (!args.force()
        && stamp.upToDate(args.savedModel())
        && Files.isDirectory(args.representative())) {
      log.println("SavedModel " + args.savedModel() + " is up to date with " + trainingData);
      return false;
    }
    long start = System.nanoTime();
    TrainingSet set = trainingSet.get();
    Network network = recipe.network();
    Map<String, float[]> weights =
        new Trainer(log).train(network, set.inputs(), set.objective(), recipe.config());
    SavedModelExport.export(network, weights, args.savedModel());
    RepresentativeSamples.write(
        set.calibration(), network.inputShape(), REPRESENTATIVE_SAMPLES, args.representative());
    stamp.write();
    log.printf(
        "trained %s (%d parameters, %d MACs) on %d examples in %.1f s; SavedModel in %s%n",
        network.name(),
        network.parameterCount(),
        network.macCount(),
        set.inputs().length,
        (System.nanoTime() - start) / 1e9,
        args.savedModel());
    return true;
  }
}
