/** Schema migrations generated from a {@link dev.retort.Metadata}, applied and checked with Flyway. */
package dev.retort.migrate;
