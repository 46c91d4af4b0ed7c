package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.boot.RequestReadSession;
import dev.retort.jta.ContainerSession;
import dev.retort.jta.JtaSessions;
import dev.retort.quarkus.RetortUnit;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Creates each Retort unit's beans at run time from what the build settled: the model built during static
 * initialization from the checked entity classes (no scanning happens at run time), the datasource and the
 * dialect. Thin: the work is in {@link RetortStarter} and in core.
 */
@Recorder
public class RetortRecorder {
    private final RuntimeValue<RetortRuntimeConfig> config;

    @Inject
    public RetortRecorder(RuntimeValue<RetortRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * The unit's session factory bean; creating it applies the schema strategy and runs the load script.
     *
     * @param unitName         the unit's name ({@link RetortUnit#DEFAULT} for the default unit)
     * @param checkedModel     the unit's model, from {@link RetortModelRecorder#checkedModel}
     * @param dataSourceName   the Quarkus datasource's name ({@code <default>} for the default one)
     * @param dialectName      a name {@link dev.retort.dialect.Dialects#byName} knows
     * @param devOrTest        whether the application runs in dev or test mode, which changes defaults
     * @param metrics          {@code quarkus.retort.metrics.enabled}: whether the engine times its statements
     * @param tracing          {@code quarkus.retort.tracing.enabled}: whether the engine sends spans
     */
    public Function<SyntheticCreationalContext<SessionFactory>, SessionFactory> sessionFactory(String unitName,
            RuntimeValue<Metadata> checkedModel, String dataSourceName, String dialectName, boolean devOrTest,
            boolean metrics, boolean tracing) {
        return context -> new RetortStarter(unitName, config.getValue().units().get(unitName), dataSourceName, dialectName,
                devOrTest, metrics, tracing).start(checkedModel.getValue());
    }

    /**
     * Fails the start when run-time keys name a unit that the build did not make, most likely a misspelt
     * unit name, whose settings would otherwise be ignored.
     *
     * @param builtUnits the names of the units the build made, sorted
     */
    public void checkRunTimeUnits(List<String> builtUnits) {
        for (String configured : new TreeSet<>(config.getValue().units().keySet())) {
            if (!builtUnits.contains(configured) && !UnitKeys.isDefault(configured)) {
                throw new ConfigurationException(UnitKeys.key(configured, "*") + " is set, but the application has no Retort "
                        + "unit '" + configured + "' (its units: " + (builtUnits.isEmpty() ? "none" : String.join(", ", builtUnits))
                        + "). To fix this, correct "
                        + "the unit name, or give the unit its entities with " + UnitKeys.key(configured, "packages")
                        + " and rebuild.");
            }
        }
    }

    public Function<SyntheticCreationalContext<Metadata>, Metadata> metadata(String unitName) {
        return context -> sessionFactory(context, unitName).metadata();
    }

    public Function<SyntheticCreationalContext<Engine>, Engine> engine(String unitName) {
        return context -> sessionFactory(context, unitName).engine();
    }

    /** The injectable session: core's container session over the JTA transaction's sessions, guarded against I/O threads. */
    public Function<SyntheticCreationalContext<Session>, Session> session(String unitName) {
        return context -> {
            SessionFactory sessionFactory = sessionFactory(context, unitName);
            JtaSessions sessions = new JtaSessions(sessionFactory, context.getInjectedReference(TransactionSynchronizationRegistry.class));
            RequestReadSession requestSessions = context.getInjectedReference(RequestReadSession.class);
            ManagedContext requestContext = Arc.container().requestContext();
            return new ContainerSession(sessions, () -> requestContext.isActive() ? requestSessions.session(sessionFactory) : null,
                    RetortRecorder::refuseEventLoopThread);
        };
    }

    private static SessionFactory sessionFactory(SyntheticCreationalContext<?> context, String unitName) {
        return context.getInjectedReference(SessionFactory.class, RetortUnit.Literal.of(unitName));
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
}
