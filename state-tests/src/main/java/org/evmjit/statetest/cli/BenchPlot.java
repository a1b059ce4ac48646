package org.evmjit.statetest.cli;

import java.util.List;
import java.util.Locale;
import org.evmjit.statetest.bench.BenchResult;

/**
 * The benchmark comparison as a hand-written SVG: one group of horizontal bars per input (one
 * bar per engine, Mgas/s on a logarithmic axis, the value at the bar's end) and, at the right,
 * each engine's speed relative to the first. The solid bar is the whole transaction; a pale bar
 * behind it reaches the execution-only figure (frames alone), where the engine reports it.
 */
final class BenchPlot {
  private static final String[] COLORS = {"#7f8c8d", "#e67e22", "#2980b9", "#27ae60", "#8e44ad"};
  private static final int LABEL_W = 330;
  private static final int PLOT_W = 560;
  private static final int RATIO_W = 250;
  private static final int BAR_H = 14;
  private static final int GAP = 10;
  private static final int TOP = 70;

  private BenchPlot() {}

  static String svg(List<List<BenchResult>> rows) {
    int engines = rows.isEmpty() ? 0 : rows.get(0).size();
    double max = 1;
    for (List<BenchResult> row : rows) {
      for (BenchResult r : row) {
        max = Math.max(max, r.ok() ? Math.max(r.mgasPerSec(), r.execMgasPerSec()) : 0);
      }
    }
    // headroom so the value printed after the longest bar stays clear of the ratio column
    int decades = Math.max(1, (int) Math.ceil(Math.log10(max * 12)));
    int groupH = engines * BAR_H + GAP;
    int width = LABEL_W + PLOT_W + RATIO_W + 20;
    int height = TOP + rows.size() * groupH + 50;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
        width, height));
    sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    sb.append(String.format(Locale.ROOT,
        "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">evmjit bench: throughput (Mgas/s, log scale; longer is faster; pale: execution only)</text>%n"));
    for (int e = 0; e < engines; e++) {
      int x = 10 + e * 150;
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, COLORS[e % COLORS.length]));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"42\">%s</text>%n", x + 16, esc(rows.get(0).get(e).engine())));
    }
    if (engines > 1) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"62\" font-weight=\"bold\">speed-up vs %s</text>%n",
          LABEL_W + PLOT_W + 10, esc(rows.get(0).get(0).engine())));
    }
    // grid: one line per decade
    for (int d = 0; d <= decades; d++) {
      double x = LABEL_W + (double) PLOT_W * d / decades;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
          x, TOP - 5, x, TOP + rows.size() * groupH));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
          x, TOP + rows.size() * groupH + 15, fmt(Math.pow(10, d))));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">Mgas/s</text>%n",
        LABEL_W + PLOT_W / 2, TOP + rows.size() * groupH + 32));
    int y = TOP;
    for (List<BenchResult> row : rows) {
      BenchResult first = row.get(0);
      String label = first.benchCase().suite() + "/" + first.benchCase().name() + " " + first.benchCase().input();
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL_W - 8, y + engines * BAR_H / 2 + 4, esc(label)));
      for (int e = 0; e < row.size(); e++) {
        BenchResult r = row.get(e);
        double v = r.ok() ? r.mgasPerSec() : 0;
        double w = barWidth(v, decades);
        int by = y + e * BAR_H;
        boolean exec = r.ok() && r.hasExec();
        double execW = exec ? barWidth(r.execMgasPerSec(), decades) : w;
        if (exec) {
          sb.append(String.format(Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.35\"/>%n",
              LABEL_W, by, execW, BAR_H - 2, COLORS[e % COLORS.length]));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
            LABEL_W, by, w, BAR_H - 2, COLORS[e % COLORS.length]));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#222\">%s</text>%n",
            LABEL_W + Math.max(w, execW) + 4, by + BAR_H - 4,
            !r.ok() ? (r.measured() ? "no rate (" + esc(r.status()) + ")" : r.skipped() ? "skipped" : "failed")
                : exec ? fmt(v) + " / exec " + fmt(r.execMgasPerSec()) : fmt(v)));
        if (e > 0 && first.measured() && r.measured() && r.medianNs() > 0) {
          double ratio = (double) first.medianNs() / r.medianNs();
          String execRatio = first.hasExec() && r.hasExec()
              ? String.format(Locale.ROOT, ", exec %.2f\u00d7", (double) first.execMedianNs() / r.execMedianNs()) : "";
          sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\" fill=\"%s\">%.2f\u00d7%s%s</text>%n",
              LABEL_W + PLOT_W + 10, by + BAR_H - 4, ratio < 1 ? "#c0392b" : COLORS[e % COLORS.length], ratio,
              esc(execRatio), ratio < 1 ? " (slower)" : ""));
        }
      }
      y += groupH;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static double barWidth(double mgasPerSec, int decades) {
    return mgasPerSec <= 1 ? 1 : PLOT_W * Math.log10(mgasPerSec) / decades;
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
