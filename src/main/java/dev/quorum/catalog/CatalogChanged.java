package dev.quorum.catalog;

import java.time.Instant;

/** Fired after a committed change to the catalog (an ingest that added, restored or retired resources). */
public record CatalogChanged(Instant at) {
}
