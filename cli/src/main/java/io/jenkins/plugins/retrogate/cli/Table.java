package io.jenkins.plugins.retrogate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows for people, in columns as wide as their widest cell up to each column's limit: a longer cell is
 * cut with an ellipsis so the columns after it stay aligned. The last column is never cut (a title
 * reads best whole). A header row names the columns.
 */
final class Table {
    private final List<String> headers;
    private final int[] limits;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param columns a header and a limit per column, alternating: {@code "ID", 14, "STATUS", 9, …} */
    Table(Object... columns) {
        headers = new ArrayList<>();
        limits = new int[columns.length / 2];
        for (int i = 0; i < columns.length; i += 2) {
            headers.add((String) columns[i]);
            limits[i / 2] = (Integer) columns[i + 1];
        }
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The header and the rows, each a line without trailing blanks. */
    List<String> lines() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], Math.min(limits[c], row.get(c).length()));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths));
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c == cells.size() - 1) {
                text.append(cell);
                break;
            }
            String shown = cell.length() > widths[c] ? cell.substring(0, widths[c] - 1) + "…" : cell;
            text.append(shown).append(" ".repeat(widths[c] - shown.length() + 2));
        }
        return text.toString().stripTrailing();
    }
}
