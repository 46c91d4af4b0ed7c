package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.jta.ContainerSession;
import dev.retort.jta.JtaSessions;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.arc.SyntheticCreationalContext;
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

    /** The injectable session: core's container session over the JTA transaction's sessions, guarded against I/O threads. */
    public Function<SyntheticCreationalContext<Session>, Session> session() {
        return context -> {
            JtaSessions sessions = new JtaSessions(context.getInjectedReference(SessionFactory.class),
                    context.getInjectedReference(TransactionSynchronizationRegistry.class));
            RequestReadSession requestSession = context.getInjectedReference(RequestReadSession.class);
            ManagedContext requestContext = Arc.container().requestContext();
            return new IoThreadGuardedSession(new ContainerSession(sessions,
                    () -> requestContext.isActive() ? requestSession.session() : null));
        };
    }
}
