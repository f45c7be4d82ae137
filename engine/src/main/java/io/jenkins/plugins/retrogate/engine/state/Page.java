package io.jenkins.plugins.retrogate.engine.state;

import java.util.List;

/**
 * One page of a long, ordered list, numbered from 1 ({@value #SIZE} entries a page): what the Jenkins
 * pages show and link through with {@code ?page=n}. Bean-style getters, so views read it as it is.
 *
 * @param <T> what the list holds
 */
public final class Page<T> {
    /** Entries per page. */
    public static final int SIZE = 25;

    private final List<T> entries;
    private final int number;
    private final int pages;
    private final int total;

    private Page(List<T> entries, int number, int pages, int total) {
        this.entries = entries;
        this.number = number;
        this.pages = pages;
        this.total = total;
    }

    /** Page {@code requested} (as a query parameter gives it: possibly missing or junk, then page 1) of {@code all}. */
    public static <T> Page<T> of(List<T> all, String requested) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int number;
        try {
            number = requested == null ? 1 : Integer.parseInt(requested.strip());
        } catch (NumberFormatException e) {
            number = 1;
        }
        number = Math.min(Math.max(1, number), pages);
        int from = (number - 1) * SIZE;
        return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + SIZE))), number, pages,
                all.size());
    }

    public List<T> getEntries() {
        return entries;
    }

    public int getNumber() {
        return number;
    }

    public int getPages() {
        return pages;
    }

    public int getTotal() {
        return total;
    }

    public boolean isFirst() {
        return number == 1;
    }

    public boolean isLast() {
        return number == pages;
    }
}
