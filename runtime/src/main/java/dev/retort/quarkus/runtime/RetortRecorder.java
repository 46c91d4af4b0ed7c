package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.jta.ContainerSession;
import dev.retort.jta.JtaSessions;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Creates Retort's beans at run time from what the build found: the entity classes by name (no
 * scanning happens at run time), the datasource and the dialect. Thin: the work is in
 * {@link RetortStarter} and in core.
 */
@Recorder
public class RetortRecorder {
    private final RuntimeValue<RetortRuntimeConfig> config;

    @Inject
    public RetortRecorder(RuntimeValue<RetortRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * The session factory bean; creating it maps the entities, applies the schema strategy and runs the
     * load script.
     *
     * @param entityClassNames the entity classes, sorted by name
     * @param dataSourceName   the Quarkus datasource's name ({@code <default>} for the default one)
     * @param dialectName      a name {@link dev.retort.dialect.Dialects#byName} knows
     * @param devOrTest        whether the application runs in dev or test mode, which changes defaults
     */
    public Function<SyntheticCreationalContext<SessionFactory>, SessionFactory> sessionFactory(List<String> entityClassNames,
            String dataSourceName, String dialectName, boolean devOrTest) {
        return context -> new RetortStarter(config.getValue(), dataSourceName, dialectName, devOrTest).start(entityClassNames);
    }

    public Function<SyntheticCreationalContext<Metadata>, Metadata> metadata() {
        return context -> context.getInjectedReference(SessionFactory.class).metadata();
    }

    public Function<SyntheticCreationalContext<Engine>, Engine> engine() {
        return context -> context.getInjectedReference(SessionFactory.class).engine();
    }

    /**
     * Refuses database work on a Vert.x event-loop (I/O) thread, where a JDBC call would stall every request
     * that thread serves.
     */
    static void refuseEventLoopThread() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new InvalidRequestException("The injected Retort session was used on thread " + Thread.currentThread().getName()
                    + ", a Vert.x event-loop thread, which must not block on database calls. To fix this, run the code on a "
                    + "worker thread: annotate the endpoint or method with @io.smallrye.common.annotation.Blocking (REST methods "
                    + "returning Uni or Multi, and @NonBlocking ones, run on the event loop).");
        }
    }

    /** The injectable session: core's container session over the JTA transaction's sessions, guarded against I/O threads. */
    public Function<SyntheticCreationalContext<Session>, Session> session() {
        return context -> {
            JtaSessions sessions = new JtaSessions(context.getInjectedReference(SessionFactory.class),
                    context.getInjectedReference(TransactionSynchronizationRegistry.class));
            RequestReadSession requestSession = context.getInjectedReference(RequestReadSession.class);
            ManagedContext requestContext = Arc.container().requestContext();
            return new ContainerSession(sessions, () -> requestContext.isActive() ? requestSession.session() : null,
                    RetortRecorder::refuseEventLoopThread);
        };
    }
}
