package dev.quorum.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Input that was checked and refused; its message goes to the client as is, so it names the parameter. */
final class BadRequest extends WebApplicationException {
    BadRequest(String message) {
        super(message, null, Response.Status.BAD_REQUEST);
    }
}
