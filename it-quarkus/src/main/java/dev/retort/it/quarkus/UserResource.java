package dev.retort.it.quarkus;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.retort.Query;
import dev.retort.Session;
import io.smallrye.common.annotation.NonBlocking;

/** CRUD over users with the injected session: writes in @Transactional methods, reads outside any transaction. */
@Path("/users")
public class UserResource {
    @Inject
    Session session;

    @GET
    public List<UserJson> list(@QueryParam("name") String name) {
        Query<User> query = session.query(User.class);
        if (name != null) {
            query = query.filterBy("name", name);
        }
        return query.orderBy("id").all().stream().map(UserJson::of).toList();
    }

    @GET
    @Path("{id}")
    public UserJson get(Long id) {
        return UserJson.of(find(id));
    }

    @POST
    @Transactional
    public Response create(UserJson input) {
        User user = new User(input.name(), input.age());
        session.add(user);
        session.flush();
        return Response.created(URI.create("/users/" + user.id)).entity(UserJson.of(user)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    public UserJson update(Long id, UserJson input) {
        User user = find(id);
        user.name = input.name();
        user.age = input.age();
        return UserJson.of(user);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public void delete(Long id) {
        session.delete(find(id));
    }

    /** Runs on the Vert.x event loop, where the session refuses to block. */
    @GET
    @Path("{id}/on-event-loop")
    @NonBlocking
    public UserJson getOnEventLoop(Long id) {
        return get(id);
    }

    private User find(Long id) {
        User user = session.get(User.class, id);
        if (user == null) {
            throw new NotFoundException("No user with id " + id);
        }
        return user;
    }
}
