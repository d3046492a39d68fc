package org.tolk.site;

/**
 * Where one page of a paginated listing stands.
 *
 * @param number 1-based page number
 * @param total  number of pages, at least 1
 */
public record Pager(int number, int total) {

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < total;
    }
}
