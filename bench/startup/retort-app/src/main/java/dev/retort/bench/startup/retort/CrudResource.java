package dev.retort.bench.startup.retort;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.retort.Session;
import dev.retort.bench.startup.model.Kinds;

/** List, read and create any of the ten entities with Retort's injected session: /author, /author/1, ... */
@Path("/{kind}")
@Produces(MediaType.APPLICATION_JSON)
public class CrudResource {
    @Inject
    Session session;
    @Inject
    ObjectMapper json;

    @GET
    public List<?> list(@PathParam("kind") String kind) {
        return session.query(type(kind)).all();
    }

    @GET
    @Path("{id}")
    public Object get(@PathParam("kind") String kind, @PathParam("id") Long id) {
        Object entity = session.get(type(kind), id);
        if (entity == null) {
            throw new NotFoundException();
        }
        return entity;
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public Object create(@PathParam("kind") String kind, String body) throws JsonProcessingException {
        Object entity = json.readValue(body, type(kind));
        session.add(entity);
        session.flush();
        return entity;
    }

    private static Class<?> type(String kind) {
        return Kinds.entity(kind).orElseThrow(NotFoundException::new);
    }
}
