package dev.quorum.web;

/** Page and size as the client sent them, checked: page counts from 1, size is 1–100. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 100;
    private static final int MAX_PAGE = 1_000_000;

    static Paging parse(String page, String size, int defaultSize) {
        return new Paging(intParam("page", page, 1, 1, MAX_PAGE), intParam("size", size, defaultSize, 1, MAX_SIZE));
    }

    /** Zero-based, as Panache counts. */
    int index() {
        return page - 1;
    }

    int totalPages(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    static int intParam(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("parameter '" + name + "' must be an integer between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw new BadRequest("parameter '" + name + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
