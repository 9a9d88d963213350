package dev.quorum.web;

/** The body of every error the JSON API returns. */
public record ApiError(int status, String error, String message) {
}
