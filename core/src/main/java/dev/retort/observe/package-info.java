/**
 * Statement timings for Micrometer and spans for OpenTelemetry, bound to an engine's
 * {@link dev.retort.engine.StatementObservers}. Both libraries are optional: {@link Observability} binds the global
 * registry and the global OpenTelemetry only when their classes are on the class path, and nothing else in Retort
 * loads a class of this package's {@link RetortMetrics} or {@link RetortTracing}, so an application without them
 * runs as before.
 */
package dev.retort.observe;
