package dev.tinyml.examples.kws;

import dev.tinyml.examples.support.ClassifierScores;
import dev.tinyml.examples.support.EvaluationArgs;
import dev.tinyml.examples.support.EvaluationReport;
import dev.tinyml.metrics.ConfusionMatrix;
import java.util.Locale;

/**
 * Scores the float keyword spotter (TensorFlow Java) and the converted int8 model (reference
 * interpreter) on the held-out clips and writes the report: accuracy, confusion matrices and the
 * false-accept and false-reject rates of each keyword.
 */
public final class Evaluate {

  private Evaluate() {}

  /**
   * Entry point.
   *
   * @param args see {@link EvaluationArgs}
   */
  public static void main(String[] args) {
    EvaluationArgs a = EvaluationArgs.parse(args);
    KwsData.Clips clips = KwsData.read(a.data(), true);
    KwsData.Examples test =
        KwsData.augment(clips, KwsModel.TEST_VARIANTS, KwsModel.TRAINING.seed() + 1);
    ClassifierScores scores =
        ClassifierScores.of(KwsModel.network(), KwsData.LABELS, test.features(), test.labels(), a);

    EvaluationReport report = scores.report("Keyword spotting: yes / no / unknown / silence");
    report.section(
        "Held-out data",
        String.format(
            Locale.ROOT,
            "%d held-out word clips and %d held-out noise clips (every fifth clip of each class),"
                + " %d examples each with a random shift of up to 100 ms and held-out noise mixed"
                + " in, plus as many silence examples as an average word class: %d examples in"
                + " all. Features: TFLM micro frontend (micro_speech settings), 49 x 40 per clip.",
            clips.words().size(),
            clips.noise().size(),
            KwsModel.TEST_VARIANTS,
            test.size()));
    StringBuilder rates = new StringBuilder();
    rates.append(
        "| keyword | model | false-reject rate | false-accept rate |\n|---|---|---|---|\n");
    for (String keyword : new String[] {"yes", "no"}) {
      rates.append(rateRow(keyword, "float", scores.floatMatrix()));
      if (scores.int8Matrix() != null) {
        rates.append(rateRow(keyword, "int8", scores.int8Matrix()));
      }
    }
    report.section(
        "False accepts and false rejects",
        "False-reject rate: share of the keyword's clips classified as something else."
            + " False-accept rate: share of all other clips (unknown words, silence, the other"
            + " keyword) classified as the keyword.\n\n"
            + rates);
    scores.addConfusionMatricesAndWeights(report).writeAndPrint(a.reportDir(), System.out);
  }

  private static String rateRow(String keyword, String model, ConfusionMatrix m) {
    int k = KwsData.LABELS.indexOf(keyword);
    long keywordTotal = 0;
    long rejected = 0;
    long othersTotal = 0;
    long accepted = 0;
    for (int actual = 0; actual < KwsData.LABELS.size(); actual++) {
      for (int predicted = 0; predicted < KwsData.LABELS.size(); predicted++) {
        long n = m.count(actual, predicted);
        if (actual == k) {
          keywordTotal += n;
          rejected += predicted == k ? 0 : n;
        } else {
          othersTotal += n;
          accepted += predicted == k ? n : 0;
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.2f %% | %.2f %% |%n",
        keyword,
        model,
        100.0 * rejected / keywordTotal,
        100.0 * accepted / othersTotal);
  }
}
