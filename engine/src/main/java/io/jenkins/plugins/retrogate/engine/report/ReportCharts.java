package io.jenkins.plugins.retrogate.engine.report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report's two charts as inline SVG (no script): deployments per day on a time axis that fits the
 * period — date ticks a sensible number of days apart, gridlines at round counts, both axes labelled —
 * and the change failure rate per service with a 0–100 % axis. Text is 12 px; every label is escaped.
 */
final class ReportCharts {
    static final int WIDTH = 760;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 44;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

    private ReportCharts() {
    }

    /** Deployments per day, stacked succeeded (green) and failed (red), with date and count axes. */
    static String daily(List<DailyDeployments> days) {
        int max = days.stream().mapToInt(d -> d.succeeded() + d.failed()).max().orElse(0);
        int step = niceStep(Math.max(1, max));
        int top = Math.max(step, (max + step - 1) / step * step);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double bar = (double) plotWidth / Math.max(1, days.size());
        StringBuilder svg = start(WIDTH, HEIGHT, "Production deployments per day");
        for (int value = 0; value <= top; value += step) { // gridlines and the count axis
            double y = TOP + plotHeight - plotHeight * (double) value / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                    LEFT, y, LEFT + plotWidth, y, value == 0 ? "#888" : "#e4e4e4"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    LEFT - 6, y + 4, value));
        }
        for (int i = 0; i < days.size(); i++) {
            DailyDeployments d = days.get(i);
            if (d.succeeded() + d.failed() == 0) {
                continue;
            }
            double x = LEFT + i * bar + Math.min(1, bar / 4);
            double w = Math.max(1, bar - Math.min(2, bar / 2));
            double ok = plotHeight * (double) d.succeeded() / top;
            double failed = plotHeight * (double) d.failed() / top;
            double base = TOP + plotHeight;
            String tip = ReportHtml.escape(d.day() + ": " + d.succeeded() + " succeeded, " + d.failed() + " failed");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                    + " fill=\"#2e7d32\"><title>%s</title></rect>%n", x, base - ok, w, ok, tip));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                    + " fill=\"#c62828\"><title>%s</title></rect>%n", x, base - ok - failed, w, failed, tip));
        }
        int every = dayStep(days.size());
        for (int i = 0; i < days.size(); i += every) { // the time axis: a tick every few days
            double x = LEFT + (i + 0.5) * bar;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>%n",
                    x, TOP + plotHeight, x, TOP + plotHeight + 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    TOP + plotHeight + 17, ReportHtml.escape(DAY.format(days.get(i).day()))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">day (UTC)</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 4));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">"
                + "deployments</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2));
        return svg.append("</svg>\n<p class=\"muted\">green: succeeded, red: failed or rolled back</p>\n").toString();
    }

    /** The change failure rate of each service with finished production deployments, on a 0–100 % axis. */
    static String rates(List<ServiceFigures> services) {
        List<ServiceFigures> measured = services.stream().filter(s -> s.changeFailureRate() != null).toList();
        if (measured.isEmpty()) {
            return "<p>No finished production deployments in this period.</p>\n";
        }
        int rowHeight = 24;
        int labelWidth = 220;
        int barWidth = WIDTH - labelWidth - 70;
        int height = measured.size() * rowHeight + 40;
        StringBuilder svg = start(WIDTH, height, "Change failure rate per service");
        for (int percent = 0; percent <= 100; percent += 25) {
            double x = labelWidth + barWidth * percent / 100.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>%n",
                    x, x, height - 22));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>%n", x,
                    height - 8, percent));
        }
        for (int i = 0; i < measured.size(); i++) {
            ServiceFigures s = measured.get(i);
            int y = 6 + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 14,
                    ReportHtml.escape(shortened(s.service(), 30))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#ef6c00\">"
                    + "<title>%s</title></rect>%n", labelWidth, y, barWidth * s.changeFailureRate(),
                    ReportHtml.escape(s.service() + ": " + s.failed() + " of " + s.deployments() + " failed")));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", labelWidth + barWidth + 8,
                    y + 14, ReportText.percent(s.changeFailureRate())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, so that about four gridlines cover {@code max}. */
    static int niceStep(int max) {
        int raw = Math.max(1, (int) Math.ceil(max / 4.0));
        int power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        for (int factor : new int[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** Days between date ticks: every day up to 10 days, then weekly, then monthly-ish; at most ~12 ticks. */
    static int dayStep(int days) {
        if (days <= 10) {
            return 1;
        }
        if (days <= 84) {
            return 7;
        }
        return Math.max(14, days / 12);
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static StringBuilder start(int width, int height, String label) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"%s\">%n", width, height, width, height, ReportHtml.escape(label)));
    }
}
