package dev.tinyml.examples.vww;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Renders the synthetic scenes of this example: 96x96 grayscale PNGs of outdoor-like scenes with or
 * without a drawn human figure.
 *
 * <p>No photographs of people are available to this project, so the two classes are drawn: a sky
 * and ground with a horizon, clutter (boxes, buildings, bushes, rocks, trees, poles and street
 * lamps, whose "stick with a ball on top" outline is a deliberate near-miss for a person), and, in
 * the {@code person} class, one human figure (head, neck, torso, two jointed arms and legs) in a
 * random pose (standing, walking, arms raised, waving, crouching), size, position, lean and
 * contrast, sometimes partly hidden behind clutter. Images go to {@code train/} and {@code test/}
 * below the output directory, each split into {@code person/} and {@code no_person/}.
 */
public final class SceneGenerator {

  /** Width and height of every image. */
  public static final int SIZE = 96;

  static final int TRAIN_PER_CLASS = 500;
  static final int TEST_PER_CLASS = 300;
  static final long SEED = 96_96_2026L;

  private final Random random;

  SceneGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Regenerates the image set.
   *
   * @param args one argument: the directory to write {@code train/} and {@code test/} to
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SceneGenerator <output directory>");
    }
    Path dir = Path.of(args[0]);
    SceneGenerator generator = new SceneGenerator(SEED);
    generator.writeSplit(dir.resolve("train"), TRAIN_PER_CLASS);
    generator.writeSplit(dir.resolve("test"), TEST_PER_CLASS);
    System.out.printf(
        "wrote %d training and %d test images to %s%n",
        2 * TRAIN_PER_CLASS, 2 * TEST_PER_CLASS, dir);
  }

  private void writeSplit(Path dir, int perClass) {
    for (int i = 0; i < perClass; i++) {
      write(render(true), dir.resolve("person").resolve(String.format("person_%03d.png", i)));
      write(
          render(false), dir.resolve("no_person").resolve(String.format("no_person_%03d.png", i)));
    }
  }

  /** Draws one scene; with a person when {@code person} is true. */
  BufferedImage render(boolean person) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      float horizon = 30 + random.nextFloat() * 40;
      drawBackground(g, horizon);
      int behind = random.nextInt(4);
      for (int i = 0; i < behind; i++) {
        drawClutter(g, horizon);
      }
      if (person) {
        drawPerson(g, horizon);
      }
      // Clutter in front may hide part of the figure, as in real photographs.
      int front = random.nextInt(3);
      for (int i = 0; i < front; i++) {
        drawClutter(g, horizon);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawBackground(Graphics2D g, float horizon) {
    int sky = 90 + random.nextInt(150);
    int skyBottom = clamp(sky + random.nextInt(81) - 40);
    g.setPaint(new GradientPaint(0, 0, gray(sky), 0, horizon, gray(skyBottom)));
    g.fill(new Rectangle2D.Float(0, 0, SIZE, horizon + 1));
    int ground = 30 + random.nextInt(150);
    int groundNear = clamp(ground + random.nextInt(61) - 30);
    g.setPaint(new GradientPaint(0, horizon, gray(ground), 0, SIZE, gray(groundNear)));
    g.fill(new Rectangle2D.Float(0, horizon, SIZE, SIZE - horizon));
  }

  private void drawClutter(Graphics2D g, float horizon) {
    float x = random.nextFloat() * SIZE;
    float base = horizon + random.nextFloat() * (SIZE - horizon);
    float scale = 0.4f + (base - horizon) / (SIZE - horizon) * 0.8f;
    g.setColor(gray(random.nextInt(256)));
    switch (random.nextInt(7)) {
      case 0 -> { // box or crate
        float w = (10 + random.nextFloat() * 25) * scale;
        float h = (8 + random.nextFloat() * 20) * scale;
        g.fill(new Rectangle2D.Float(x - w / 2, base - h, w, h));
      }
      case 1 -> { // building with windows
        float w = 20 + random.nextFloat() * 30;
        float h = 20 + random.nextFloat() * 40;
        g.fill(new Rectangle2D.Float(x - w / 2, horizon - h + 4, w, h));
        g.setColor(gray(random.nextInt(256)));
        for (float wy = horizon - h + 8; wy < horizon - 2; wy += 8) {
          for (float wx = x - w / 2 + 3; wx < x + w / 2 - 4; wx += 7) {
            g.fill(new Rectangle2D.Float(wx, wy, 3, 4));
          }
        }
      }
      case 2 -> { // bush or rock
        float w = (12 + random.nextFloat() * 22) * scale;
        float h = w * (0.4f + random.nextFloat() * 0.5f);
        g.fill(new Ellipse2D.Float(x - w / 2, base - h, w, h));
      }
      case 3 -> { // tree: trunk and crown
        float h = (30 + random.nextFloat() * 35) * scale;
        float trunk = (2 + random.nextFloat() * 3) * scale;
        g.fill(new Rectangle2D.Float(x - trunk / 2, base - h * 0.55f, trunk, h * 0.55f));
        float crown = h * (0.4f + random.nextFloat() * 0.3f);
        g.setColor(gray(random.nextInt(256)));
        g.fill(new Ellipse2D.Float(x - crown / 2, base - h, crown, crown * 1.1f));
      }
      case 4 -> { // street lamp: a pole with a ball on top, the near-miss for a person
        float h = (30 + random.nextFloat() * 40) * scale;
        g.setStroke(new BasicStroke(Math.max(1, 2 * scale)));
        g.draw(new Line2D.Float(x, base, x, base - h));
        float r = (3 + random.nextFloat() * 3) * scale;
        g.fill(new Ellipse2D.Float(x - r, base - h - 2 * r, 2 * r, 2 * r));
      }
      case 5 -> { // fence or bench: horizontal bars on short posts
        float w = (20 + random.nextFloat() * 30) * scale;
        float h = (6 + random.nextFloat() * 10) * scale;
        g.setStroke(new BasicStroke(Math.max(1, 1.5f * scale)));
        g.draw(new Line2D.Float(x - w / 2, base - h, x + w / 2, base - h));
        g.draw(new Line2D.Float(x - w / 2, base - h / 2, x + w / 2, base - h / 2));
        for (float px = x - w / 2; px <= x + w / 2; px += w / 3) {
          g.draw(new Line2D.Float(px, base, px, base - h * 1.2f));
        }
      }
      default -> { // sign or pole
        float h = (20 + random.nextFloat() * 40) * scale;
        g.setStroke(new BasicStroke(Math.max(1, 1.5f * scale)));
        g.draw(new Line2D.Float(x, base, x, base - h));
        float w = (6 + random.nextFloat() * 10) * scale;
        g.fill(new RoundRectangle2D.Float(x - w / 2, base - h - w * 0.7f, w, w * 0.7f, 2, 2));
      }
    }
  }

  private void drawPerson(Graphics2D g, float horizon) {
    float feetY = horizon + 4 + random.nextFloat() * (SIZE - horizon - 2);
    float height = 28 + random.nextFloat() * 52; // 28..80 px tall
    float x = 10 + random.nextFloat() * (SIZE - 20);
    double lean = (random.nextFloat() - 0.5f) * 0.3;
    int body = random.nextInt(256);
    if (Math.abs(body - 128) < 25) {
      body = body < 128 ? body - 40 : body + 40;
    }
    g.setColor(gray(clamp(body)));
    float unit = height / 8f; // the classic eight-heads figure
    int pose = random.nextInt(5);
    boolean crouch = pose == 4;
    float legLength = crouch ? unit * 2.5f : unit * 4f;
    float hipY = feetY - legLength;
    float shoulderY = hipY - unit * 2.8f;
    float headR = unit * 0.55f;
    float limb = Math.max(1.2f, unit * 0.45f);
    BasicStroke stroke = new BasicStroke(limb, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    g.setStroke(stroke);
    // Lean the whole figure around the feet.
    var saved = g.getTransform();
    g.rotate(lean, x, feetY);
    // Legs: hip to knee to foot, angles by pose.
    double[] legs =
        switch (pose) {
          case 1 -> new double[] {-0.35, 0.1, 0.3, 0.15}; // walking
          case 4 -> new double[] {-0.9, 0.9, 0.9, -0.9}; // crouching: knees forward
          default -> new double[] {-0.08, 0, 0.08, 0};
        };
    drawLimb(g, x - unit * 0.3f, hipY, legs[0], legs[1], legLength / 2);
    drawLimb(g, x + unit * 0.3f, hipY, legs[2], legs[3], legLength / 2);
    // Torso as a rounded block, neck and head.
    float torsoW = unit * (1.3f + random.nextFloat() * 0.5f);
    g.fill(
        new RoundRectangle2D.Float(
            x - torsoW / 2, shoulderY, torsoW, hipY - shoulderY + unit * 0.3f, unit, unit));
    g.draw(new Line2D.Float(x, shoulderY, x, shoulderY - unit * 0.4f));
    g.fill(
        new Ellipse2D.Float(x - headR, shoulderY - unit * 0.4f - 2 * headR, 2 * headR, 2 * headR));
    // Arms: shoulder to elbow to hand.
    double[] arms =
        switch (pose) {
          case 1 -> new double[] {0.35, -0.2, -0.35, 0.2}; // swinging
          case 2 -> new double[] {2.7, 0.2, -2.7, -0.2}; // both raised
          case 3 -> new double[] {0.15, 0, -2.4, -0.5}; // waving
          default -> new double[] {0.25, 0.1, -0.25, -0.1};
        };
    float arm = unit * 1.5f;
    drawLimb(g, x - torsoW / 2, shoulderY + unit * 0.3f, arms[0], arms[1], arm);
    drawLimb(g, x + torsoW / 2, shoulderY + unit * 0.3f, arms[2], arms[3], arm);
    if (random.nextBoolean()) { // something carried: a bag or a ball
      float s = unit * (0.6f + random.nextFloat() * 0.6f);
      g.fill(new Ellipse2D.Float(x + torsoW / 2 + unit * 0.2f, hipY - s, s, s));
    }
    g.setTransform(saved);
  }

  /**
   * Draws a two-segment limb hanging from ({@code x}, {@code y}); angles are measured from straight
   * down, positive towards the figure's left, the second relative to the first.
   */
  private void drawLimb(Graphics2D g, float x, float y, double upper, double lower, float segment) {
    double a1 = upper + (random.nextDouble() - 0.5) * 0.3;
    double a2 = a1 + lower + (random.nextDouble() - 0.5) * 0.3;
    float kx = x - (float) (Math.sin(a1) * segment);
    float ky = y + (float) (Math.cos(a1) * segment);
    float ex = kx - (float) (Math.sin(a2) * segment);
    float ey = ky + (float) (Math.cos(a2) * segment);
    Path2D.Float path = new Path2D.Float();
    path.moveTo(x, y);
    path.lineTo(kx, ky);
    path.lineTo(ex, ey);
    g.draw(path);
  }

  private static Color gray(int level) {
    return new Color(level, level, level);
  }

  private static int clamp(int level) {
    return Math.max(0, Math.min(255, level));
  }

  private static void write(BufferedImage image, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer in this JDK");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
