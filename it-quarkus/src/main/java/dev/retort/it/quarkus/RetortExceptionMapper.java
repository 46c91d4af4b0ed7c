package dev.retort.it.quarkus;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.retort.RetortException;

/** Retort's messages say what is wrong and the fix: the API passes them on to the client. */
public class RetortExceptionMapper {

    @ServerExceptionMapper
    public Response toResponse(RetortException exception) {
        return Response.serverError().type(MediaType.TEXT_PLAIN).entity(exception.getMessage()).build();
    }
}
