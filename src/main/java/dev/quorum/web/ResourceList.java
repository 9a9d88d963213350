package dev.quorum.web;

import java.util.List;

/** One page of a listing. */
public record ResourceList(long total, int page, int size, List<ResourceView> items) {
}
