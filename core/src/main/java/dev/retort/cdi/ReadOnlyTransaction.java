package dev.retort.cdi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Beside {@code @jakarta.transaction.Transactional}: the transaction only reads, so the injected {@code Session}
 * reads from one of the unit's replicas ({@code retort.replicas} / {@code quarkus.retort.replicas}) once it has
 * applied the thread's last commit (from the primary when none has within {@code replicas.wait}), and refuses every
 * write, saying to remove this annotation or move the write out. Applies when the transaction's first use of the
 * session is inside the annotated method (a transaction that already wrote keeps its session on the primary).
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadOnlyTransaction {
}
