/**
 * What the proxy reports besides its log: the slow-statement warning ({@code retort.log.slow-statement-threshold}),
 * Micrometer timings ({@link ProxyMetrics}) and OpenTelemetry spans ({@link ProxyTracing}), the last two as
 * {@link dev.retort.jdbc.SqlListener}s. Micrometer and OpenTelemetry are optional: {@link ProxyObservability} looks
 * their classes up by name before anything here loads one, so the proxy still depends on the JDK only.
 */
package dev.retort.jdbc.observe;
